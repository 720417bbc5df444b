#include "platform/folder_watch.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace platform {

namespace fs = std::filesystem;

namespace {
constexpr uint32_t kChanges = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
}

FolderWatch::FolderWatch(const fs::path& root) : root_(root) {
    inotify_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (inotify_ < 0 || wake_ < 0) throw std::runtime_error(std::string("cannot watch for changes: ") + std::strerror(errno));
    std::error_code ec;  // a name too long or a loop of links is said in words, not thrown as a filesystem_error
    if (!fs::is_directory(root_, ec)) throw std::runtime_error(root_.string() + (ec ? ": " + ec.message() : " is not a folder"));
    watch_tree(root_);
}

FolderWatch::~FolderWatch() {
    if (inotify_ >= 0) close(inotify_);
    if (wake_ >= 0) close(wake_);
}

// inotify watches one folder at a time: each folder below gets its own watch. Adding a watch
// twice is harmless (the kernel returns the same one), so a rescan after a change picks up new
// folders without bookkeeping.
void FolderWatch::watch_tree(const fs::path& dir) {
    if (inotify_add_watch(inotify_, dir.c_str(), kChanges) < 0)
        throw std::runtime_error("cannot watch " + dir.string() + ": " + std::strerror(errno) +
                                 (errno == ENOSPC ? ". Fix: raise fs.inotify.max_user_watches" : ""));
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec)) inotify_add_watch(inotify_, it->path().c_str(), kChanges);
}

bool FolderWatch::read_events(int timeout_ms) {
    pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
    if (poll(fds, 2, timeout_ms) <= 0 || (fds[1].revents & POLLIN)) return false;
    alignas(inotify_event) char buffer[16 * 1024];
    bool any = false;
    while (read(inotify_, buffer, sizeof buffer) > 0) any = true;  // what changed does not matter: the whole source is rebuilt
    return any;
}

bool FolderWatch::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds quiet) {
    if (!read_events(static_cast<int>(timeout.count()))) return false;
    while (read_events(static_cast<int>(quiet.count()))) {
    }
    if (stopped()) return false;
    watch_tree(root_);  // folders made by the change
    return true;
}

bool FolderWatch::stopped() const {
    pollfd fd{wake_, POLLIN, 0};
    return poll(&fd, 1, 0) > 0;
}

void FolderWatch::stop() {
    const uint64_t one = 1;
    [[maybe_unused]] const auto written = write(wake_, &one, sizeof one);
}

}  // namespace platform
