#pragma once
// Tells when anything under a folder changes, through inotify: files written, renamed into
// place (as editors save), created or deleted, in the folder and every folder below it,
// including folders made after the watch began. For the content preview, which rebuilds a
// source folder as a content manager edits it.
#include <chrono>
#include <filesystem>
#include <string>

namespace platform {

class FolderWatch {
public:
    /// Throws std::runtime_error naming the folder when it cannot be watched.
    explicit FolderWatch(const std::filesystem::path& root);
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    /// Waits up to `timeout` for a change; after one, waits until `quiet` passes with no other,
    /// so a save that touches several files (or writes one in pieces) is one change. True when
    /// something changed.
    bool wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet);
    /// Makes a wait under way, and every later one, return false at once (from another thread).
    void stop();

private:
    void watch_tree(const std::filesystem::path& dir);
    bool read_events(int timeout_ms);  // true when an event came
    bool stopped() const;

    std::filesystem::path root_;
    int inotify_ = -1;
    int wake_ = -1;  // an eventfd stop() writes to
};

}  // namespace platform
