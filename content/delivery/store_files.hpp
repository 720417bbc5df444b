#pragma once
// File operations the store is built from, each durable before it returns. Internal to the
// content library (the store, and publish.cpp for the folder a server serves).
#include <filesystem>
#include <stdexcept>
#include <string>

namespace content::store_files {

struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The store names each bundle after its version: bundles/v12.kbundle. The name is enough to
/// know the version without opening the file.
std::string file_name_for(long long version);
long long version_in_name(const std::filesystem::path& bundle);

/// fsync of a file or a directory; throws IoError.
void fsync_path(const std::filesystem::path& path, bool directory);
/// Points `link` at `target` atomically: a new symlink beside it, renamed over it.
void switch_link(const std::filesystem::path& link, const std::filesystem::path& target);
/// Replaces `path` with `text` by writing a temporary file and renaming it over; a full disk
/// leaves the old file as it was. Throws IoError.
void replace_file(const std::filesystem::path& path, const std::string& text);
/// The time now in strftime's `format`, in UTC or local time.
std::string time_now(const char* format, bool utc);

}  // namespace content::store_files
