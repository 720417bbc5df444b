#include "tests/test_support.hpp"

#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <random>
#include <sstream>

namespace test {

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("kiosk-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

fs::path demo_source() { return fs::path(KIOSK_SOURCE_DIR) / "content" / "torino"; }

fs::path example_stops() { return fs::path(KIOSK_SOURCE_DIR) / "tests" / "fixtures" / "example-stops.csv"; }

fs::path copy_demo_source(const TempDir& dir) {
    const fs::path target = dir / "src";
    fs::copy(demo_source(), target, fs::copy_options::recursive);
    for (auto& entry : fs::recursive_directory_iterator(target))  // the repository's files are read-only in some checkouts
        fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
    return target;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = read(path);
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "\"" << from << "\" not found in " << path);
    text.replace(at, from.size(), to);
    write(path, text);
}

Run run(const std::string& command) {
    Run result{-1, {}};
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

Run run_bounded(const std::string& command) {
#if defined(__SANITIZE_ADDRESS__)
    const std::string limit;
#else
    const std::string limit = "ulimit -v 2000000; ";
#endif
    const fs::path script = fs::temp_directory_path() / ("kiosk-bounded-" + std::to_string(getpid()) + ".sh");
    write(script, limit + "exec timeout 20 " + command + "\n");
    auto result = run("bash " + script.string());
    fs::remove(script);
    return result;
}

Run run_on_terminal(const std::string& command, const std::string& prompt, const std::string& input) {
    Run result{-1, {}};
    int master = -1;
    const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) {
        result.output = std::string("no pseudo-terminal available (is /dev/pts mounted?): ") + std::strerror(errno);
        return result;
    }
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    bool typed = false;
    char buffer[4096];
    for (;;) {
        pollfd p{master, POLLIN, 0};
        if (poll(&p, 1, 60'000) <= 0) break;  // a minute of silence: give up
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n <= 0) break;  // EIO once the child has exited
        result.output.append(buffer, static_cast<size_t>(n));
        if (!typed && result.output.find(prompt) != std::string::npos) {
            const std::string line = input + "\n";
            if (::write(master, line.data(), line.size()) < 0) break;
            typed = true;
        }
    }
    close(master);
    int status = 0;
    waitpid(pid, &status, 0);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

}  // namespace test
