#include "content/delivery/outside_file.hpp"

#include "content/text/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace content {

namespace fs = std::filesystem;

std::optional<OutsideFile> OutsideFile::open(const fs::path& path, Links links, std::string& problem) {
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (links == Links::Refuse ? O_NOFOLLOW : 0);
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        const int error = errno;
        struct stat st {};
        const bool known = ::lstat(path.c_str(), &st) == 0;
        if (known && S_ISLNK(st.st_mode) && links == Links::Refuse) problem = "is a symbolic link; only plain files are read";
        else if (known && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))  // a socket cannot be opened at all
            problem = "is " + file_kind_words(st.st_mode) + ", not a file; only plain files are read";
        else problem = std::string("cannot be opened (") + std::strerror(error) + ")";
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        problem = "is " + file_kind_words(st.st_mode) + ", not a file; only plain files are read";
        ::close(fd);
        return std::nullopt;
    }
    // Reads from a regular file do not block anyway; this only undoes the open's precaution.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return OutsideFile(fd, static_cast<std::uintmax_t>(st.st_size),
                       static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec);
}

OutsideFile::OutsideFile(OutsideFile&& other) noexcept : fd_(other.fd_), size_(other.size_), mtime_ns_(other.mtime_ns_) {
    other.fd_ = -1;
}

OutsideFile::~OutsideFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string OutsideFile::stamp() const { return std::to_string(size_) + "@" + std::to_string(mtime_ns_); }

void OutsideFile::copy_to(const fs::path& to, std::uintmax_t limit, const char* what, const std::function<bool()>& cancelled) const {
    const std::string limit_text = std::to_string(limit);
    if (size_ > limit)
        throw std::runtime_error(std::string("the ") + what + " is " + std::to_string(size_) + " bytes, larger than the limit of " +
                                 limit_text + " bytes; refused before copying");
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) throw LocalFailure("cannot write " + to.string() + " (" + std::strerror(errno) + ")");
    std::vector<char> buffer(1 << 20);
    std::uintmax_t total = 0;
    std::string failure;
    bool local = false;
    for (off_t at = 0; failure.empty();) {
        if (cancelled && cancelled()) {
            failure = "the kiosk is stopping; the copy was abandoned and is tried again at the next start";
            local = true;
            break;
        }
        const ssize_t n = ::pread(fd_, buffer.data(), buffer.size(), at);
        if (n < 0) {
            if (errno == EINTR) continue;
            failure = std::string("cannot read the ") + what + " (" + std::strerror(errno) + ")";
            break;
        }
        if (n == 0) break;
        at += n;
        total += static_cast<std::uintmax_t>(n);
        // A file that grows while it is read (or lied about its size) is still held to the limit.
        if (total > limit) {
            failure = std::string("the ") + what + " grew past the limit of " + limit_text + " bytes while it was copied; abandoned";
            break;
        }
        for (ssize_t done = 0; done < n && failure.empty();) {
            const ssize_t w = ::write(out, buffer.data() + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) {
                failure = "cannot write " + to.string() + " (" + std::strerror(errno) + ")";
                local = true;
            }
            else done += w;
        }
    }
    if (failure.empty() && ::fsync(out) != 0) {
        failure = "cannot write " + to.string() + " (" + std::strerror(errno) + ")";
        local = true;
    }
    ::close(out);
    if (local) throw LocalFailure(failure);
    if (!failure.empty()) throw std::runtime_error(failure);
}

std::uintmax_t free_bytes(const fs::path& dir) {
    struct statvfs s {};
    if (::statvfs(dir.c_str(), &s) != 0) return 0;
    return static_cast<std::uintmax_t>(s.f_bavail) * s.f_frsize;
}

bool has_control_characters(const std::string& name) {
    for (const unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

std::string escaped(const std::string& name) {
    std::string out;
    for (const unsigned char c : name) {
        if (c < 0x20 || c == 0x7f || c == '\\') {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace content
