#include "content/delivery/store_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

namespace content::store_files {

namespace fs = std::filesystem;

std::string file_name_for(long long version) { return "v" + std::to_string(version) + ".kbundle"; }

long long version_in_name(const fs::path& bundle) { return std::atoll(bundle.stem().string().c_str() + 1); }

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError("cannot open " + path.string() + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw IoError("cannot sync " + path.string() + " to disk");
}

void switch_link(const fs::path& link, const fs::path& target) {
    const fs::path fresh = fs::path(link).concat(".new");
    std::error_code ec;
    fs::remove(fresh, ec);
    fs::create_symlink(target, fresh);
    fs::rename(fresh, link);
}

void replace_file(const fs::path& path, const std::string& text) {
    const fs::path fresh = fs::path(path).concat(".new");
    const int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw IoError("cannot write " + fresh.string());
    size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) break;
        done += static_cast<size_t>(n);
    }
    const bool written = done == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (!written) {
        fs::remove(fresh, ec);
        throw IoError("cannot write " + fresh.string() + " (disk full?)");
    }
    fs::rename(fresh, path, ec);
    if (ec) throw IoError("cannot replace " + path.string() + ": " + ec.message());
}

std::string time_now(const char* format, bool utc) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    if (utc) gmtime_r(&t, &tm);
    else localtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, format, &tm);
    return out;
}

}  // namespace content::store_files
