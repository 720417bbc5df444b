#pragma once
// Reading one whole file safely, whatever its path leads to: only an ordinary file is read. A
// named pipe would wait for a writer for ever and /dev/zero never ends, so both are refused
// without reading a byte, as are folders, devices and sockets; a file over the size limit is
// refused before it is read; a name too long, a loop of symbolic links or a permission the
// system refuses becomes a problem and a fix in words, never an exception. Every source file,
// the kiosk's configuration and every file read_file reads come through here.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace content {

/// The most one file may hold: 64 MiB, far above any source file (the demo's largest, a map
/// layer, is 80 KB) and below what a Raspberry Pi can hold several times over.
inline constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{64} << 20;

/// A file read whole, or why not.
struct FileRead {
    std::optional<std::string> text;  // the whole file; none when it cannot be read
    bool missing = false;             // nothing is there (the caller may say what was expected)
    bool not_a_file = false;          // a folder, a named pipe, a device or a socket is there
    std::string problem;              // why it cannot be read, e.g. "it is a named pipe (FIFO), not a file"
    std::string fix;                  // what to do about it
};

/// Reads `path` (following symbolic links) when it is an ordinary file of at most `max_bytes`.
/// Never blocks on a pipe or a device and never throws for what is at the path.
FileRead read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes = kMaxFileBytes);

/// Whether anything is at `path`, even a symbolic link that leads nowhere or in a loop, so that
/// reading it says what is wrong; for files that may be left out. Never throws.
bool anything_at(const std::filesystem::path& path);

/// What a file of this type is, in words, for "it is ..., not a file": "a named pipe (FIFO)",
/// "a folder", "a character device", "a socket", "a symbolic link". The store's inbox says it too.
std::string file_kind_words(mode_t mode);

/// What `error` means for a file or folder at a path, and what to do: "its name is too long
/// (...)" for ENAMETOOLONG, "it is a symbolic link in a loop (...)" for ELOOP, and so on.
/// `missing` is set for ENOENT and ENOTDIR.
FileRead path_problem(const std::error_code& error);

}  // namespace content
