#pragma once
// Opening files that come from outside the kiosk (a USB stick, a download) without being stalled
// or fooled by what they are. A FIFO would block a reader for ever, /dev/zero never ends, a
// symlink on a stick can point anywhere: only a regular file is read, and what it is is checked
// on the open descriptor (fstat), so it cannot be swapped between the check and the read.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace content {

enum class Links { Follow, Refuse };

/// A failure on this kiosk's side (its disk full or failing, the kiosk stopping), not the
/// file's: the same file is worth trying again later.
struct LocalFailure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// An open regular file: its descriptor (closed with the object), size and modification time.
class OutsideFile {
public:
    /// Opens `path` for reading (non-blocking, so a FIFO cannot hold the open), refusing anything
    /// but a regular file, and a symlink when `links` is Refuse. On refusal returns nullopt and
    /// says why in `problem` ("is a named pipe (FIFO), not a file", ...).
    static std::optional<OutsideFile> open(const std::filesystem::path& path, Links links, std::string& problem);
    OutsideFile(OutsideFile&& other) noexcept;
    OutsideFile& operator=(OutsideFile&&) = delete;
    ~OutsideFile();

    std::uintmax_t size() const { return size_; }
    /// Size and modification time in one word: a file that changes changes its stamp.
    std::string stamp() const;

    /// Copies the file into `to` (created or truncated, then synced), refusing one larger than
    /// `limit` before any byte is written and stopping when `cancelled` says so. Throws
    /// LocalFailure when writing fails or the copy is cancelled, std::runtime_error when the
    /// file is at fault; `what` names it in the reason ("bundle", "signature").
    void copy_to(const std::filesystem::path& to, std::uintmax_t limit, const char* what,
                 const std::function<bool()>& cancelled) const;

private:
    OutsideFile(int fd, std::uintmax_t size, std::int64_t mtime_ns) : fd_(fd), size_(size), mtime_ns_(mtime_ns) {}
    int fd_;
    std::uintmax_t size_;
    std::int64_t mtime_ns_;
};

/// Bytes free for the kiosk's user on the filesystem holding `dir` (0 when it cannot be told).
std::uintmax_t free_bytes(const std::filesystem::path& dir);

/// True when `name` has a control character (a newline, an escape...): such a name could forge
/// lines in the status file and the journal, so it is refused, and shown escaped.
bool has_control_characters(const std::string& name);
std::string escaped(const std::string& name);

}  // namespace content
