#pragma once
// Reading one file of a content source for a loader: the whole file, checked to be UTF-8, or a
// problem in the diagnostics naming the file, and the line of the first bad byte.
#include <filesystem>
#include <optional>
#include <string>

#include "content/text/diagnostics.hpp"

namespace content {

/// What to tell a content manager when the file cannot be read.
struct WhenUnreadable {
    std::string item, problem, fix;
};

/// The text of `path`, reported as `file` (relative to the source, as content managers see it);
/// none, with an error in `d`, when it cannot be read or is not UTF-8. When nothing is there,
/// the error is `unreadable`; when something is that cannot be read (a named pipe, a device, a
/// folder, a loop of links, a file over the limit: regular_file.hpp), it says what and the fix,
/// with `unreadable.item`.
std::optional<std::string> read_source_file(const std::filesystem::path& path, const std::string& file, Diagnostics& d,
                                            const WhenUnreadable& unreadable);

}  // namespace content
