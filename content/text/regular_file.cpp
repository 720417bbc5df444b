#include "content/text/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace content {

namespace {

FileRead refused(std::string problem, std::string fix) {
    FileRead r;
    r.problem = std::move(problem);
    r.fix = std::move(fix);
    return r;
}

std::string mebibytes(std::uintmax_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

FileRead too_big(std::uintmax_t max_bytes) {
    return refused("it is over the limit of " + mebibytes(max_bytes) + " for one file",
                   "make it smaller, or split it (a map layer: simplify its geometry in a GIS such as QGIS)");
}

// Closes the descriptor however the read ends.
struct Descriptor {
    int fd;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string file_kind_words(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not an ordinary file";
}

FileRead path_problem(const std::error_code& error) {
    if (error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory) {
        FileRead r = refused("it does not exist", "check the name and the folder");
        r.missing = true;
        return r;
    }
    if (error == std::errc::filename_too_long)
        return refused("its name is too long (at most 255 bytes a name, 4095 a path)", "give it a shorter name");
    if (error == std::errc::too_many_symbolic_link_levels)
        return refused("it is a symbolic link in a loop (it leads back to itself)", "make the link lead to an ordinary file, or put the file there");
    if (error == std::errc::permission_denied || error == std::errc::operation_not_permitted)
        return refused("permission denied", "make the file readable (chmod a+r) and its folders searchable (chmod a+x) for the user reading it");
    if (error == std::errc::is_a_directory) {
        FileRead r = refused("it is a folder, not a file", "put an ordinary file there");
        r.not_a_file = true;
        return r;
    }
    return refused("the system refuses it: " + error.message(), "check the file and the disk it is on");
}

bool anything_at(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found;
}

FileRead read_regular_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    // What is there is looked at before it is opened, since opening some devices does something
    // (a watchdog starts counting); and again on the open descriptor, which is what is read, in
    // case the path changed in between. O_NONBLOCK: opening a named pipe must not wait for a
    // writer; it changes nothing for an ordinary file, the only kind read.
    const auto refuse_kind = [&](const struct stat& st) -> std::optional<FileRead> {
        if (!S_ISREG(st.st_mode)) {
            FileRead r = refused("it is " + file_kind_words(st.st_mode) + ", not a file", "put an ordinary file there (a symbolic link must lead to one)");
            r.not_a_file = true;
            return r;
        }
        if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) return too_big(max_bytes);
        return std::nullopt;
    };
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return path_problem(std::error_code(errno, std::generic_category()));
    if (auto refusal = refuse_kind(st)) return *refusal;
    const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (file.fd < 0) return path_problem(std::error_code(errno, std::generic_category()));
    if (::fstat(file.fd, &st) != 0) return path_problem(std::error_code(errno, std::generic_category()));
    if (auto refusal = refuse_kind(st)) return *refusal;
    std::string text;
    text.reserve(static_cast<size_t>(st.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return path_problem(std::error_code(errno, std::generic_category()));
        }
        // A file may grow while it is read, and some (in /proc) say they are empty: the limit
        // holds for what is read, too.
        if (text.size() + static_cast<size_t>(n) > max_bytes) return too_big(max_bytes);
        text.append(buffer, static_cast<size_t>(n));
    }
    FileRead r;
    r.text = std::move(text);
    return r;
}

}  // namespace content
