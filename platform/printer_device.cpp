#include "platform/printer_device.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <pthread.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

extern char** environ;

namespace platform {

namespace {

using Clock = std::chrono::steady_clock;

int ms_left(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

std::string seconds(std::chrono::milliseconds t) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(t.count()) / 1000);
    return text;
}

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { if (fd_ >= 0) ::close(fd_); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    void close() { if (fd_ >= 0) ::close(fd_), fd_ = -1; }
private:
    int fd_;
};

// Writes everything before the deadline; a reader that stops reading (a jammed or offline
// printer, a pipe nobody drains) ends in "timed out", not in a blocked thread.
std::optional<std::string> write_all(int fd, const std::vector<uint8_t>& bytes, Clock::time_point deadline, std::chrono::milliseconds timeout) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return std::string("write failed: ") + std::strerror(errno);
        pollfd p{fd, POLLOUT, 0};
        const int left = ms_left(deadline);
        if (left == 0 || ::poll(&p, 1, left) == 0)
            return "timed out after " + seconds(timeout) + " with " + std::to_string(bytes.size() - done) + " of " + std::to_string(bytes.size()) +
                   " bytes unsent";
        if (p.revents & (POLLERR | POLLHUP)) return "the printer went away while printing";
    }
    return std::nullopt;
}

speed_t speed_for(int baud) {
    switch (baud) {
        case 9600: return B9600;
        case 19200: return B19200;
        case 38400: return B38400;
        case 57600: return B57600;
        case 115200: return B115200;
        default: return 0;
    }
}

// Raw bytes both ways (no echo, no newline translation), at the configured speed.
std::optional<std::string> make_raw(int fd, int baud) {
    termios t{};
    if (::tcgetattr(fd, &t) != 0) return std::nullopt;  // not a terminal (a USB printer): nothing to set
    ::cfmakeraw(&t);
    if (baud) {
        ::cfsetispeed(&t, speed_for(baud));
        ::cfsetospeed(&t, speed_for(baud));
    }
    t.c_cflag |= CLOCAL | CREAD;
    if (::tcsetattr(fd, TCSANOW, &t) != 0) return std::string("cannot set the serial port up: ") + std::strerror(errno);
    return std::nullopt;
}

SendResult send_to_device(const PrinterAddress& a, const std::vector<uint8_t>& bytes, const std::vector<uint8_t>& query, bool (*paper_out)(uint8_t),
                          std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    struct stat st {};
    if (::stat(a.path.c_str(), &st) != 0) return {false, "no printer at " + a.path + " (" + std::strerror(errno) + ")"};
    // Read and write where the device allows it, so it can answer the status query; never wait
    // in open() (a FIFO with no reader would wait for ever).
    // (A FIFO is opened write-only: read-write would make us its reader.)
    int fd = S_ISFIFO(st.st_mode) ? -1 : ::open(a.path.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (S_ISFIFO(st.st_mode)) fd = ::open(a.path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EINVAL || errno == EROFS)) fd = ::open(a.path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && errno == ENXIO) return {false, "nothing is reading from " + a.path};
    if (fd < 0) return {false, "cannot open the printer " + a.path + " (" + std::strerror(errno) + ")"};
    Fd device(fd);
    if (const auto problem = make_raw(fd, a.kind == PrinterAddress::Kind::Serial ? a.baud : 0)) return {false, *problem};
    if (S_ISCHR(st.st_mode) && !query.empty() && paper_out) {
        if (const auto problem = write_all(fd, query, deadline, timeout)) return {false, *problem};
        // A printer answers at once; one that says nothing within a moment does not do status.
        pollfd p{fd, POLLIN, 0};
        uint8_t answer = 0;
        if (::poll(&p, 1, std::min(ms_left(deadline), 500)) > 0 && (p.revents & POLLIN) && ::read(fd, &answer, 1) == 1 && paper_out(answer))
            return {false, "out of paper"};
    }
    if (const auto problem = write_all(fd, bytes, deadline, timeout)) return {false, *problem};
    return {true, {}};
}

SendResult send_to_cups(const PrinterAddress& a, const std::vector<uint8_t>& bytes, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return {false, std::string("cannot make a pipe for lp: ") + std::strerror(errno)};
    Fd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, read_end.get(), 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const auto command = cups_command(a.queue);
    std::vector<char*> argv;
    for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, "lp", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return {false, std::string("cannot run lp (install cups-client): ") + std::strerror(spawned)};
    read_end.close();
    ::fcntl(write_end.get(), F_SETFL, O_NONBLOCK);
    const auto problem = write_all(write_end.get(), bytes, deadline, timeout);
    write_end.close();
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (ms_left(deadline) == 0) {
            ::kill(pid, SIGKILL);  // our own child, stuck: ended so the next job can run
            ::waitpid(pid, &status, 0);
            return {false, "lp did not finish within " + seconds(timeout)};
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // posix_spawnp may also report a failed exec after returning, as exit status 127 (POSIX
    // allows it; glibc does so under qemu-user, which makes its vfork a fork): lp is not there.
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return {false, "cannot run lp (install cups-client): exit status 127"};
    if (problem) return {false, "lp: " + *problem};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return {false, "lp -d " + a.queue + " failed (is the queue there? lpstat -p)"};
    return {true, {}};
}

// A reader that goes away (lp exiting early, a pipe closed) must give EPIPE, not a SIGPIPE
// that ends the kiosk: the signal is blocked on this thread while sending, and one raised
// meanwhile is taken off before it is unblocked.
class SigpipeBlocked {
public:
    SigpipeBlocked() {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~SigpipeBlocked() {
        const timespec now{0, 0};
        while (sigtimedwait(&pipe_, nullptr, &now) == SIGPIPE) {}
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
private:
    sigset_t pipe_, old_;
};

}  // namespace

std::optional<PrinterAddress> parse_printer_address(std::string_view text, std::string& error) {
    PrinterAddress a;
    if (text.starts_with("cups:")) {
        a.kind = PrinterAddress::Kind::Cups;
        a.queue = std::string(text.substr(5));
        if (!a.queue.empty() && a.queue.find_first_of(" \t/") == std::string::npos) return a;
        error = "\"cups:" + a.queue + "\" needs a CUPS queue's name. Fix: write it as `lpstat -p` lists it, e.g. cups:receipt";
        return std::nullopt;
    }
    if (text.starts_with("serial:")) {
        a.kind = PrinterAddress::Kind::Serial;
        const auto rest = text.substr(7);
        const auto at = rest.rfind('@');
        a.path = std::string(rest.substr(0, at));
        const auto speed = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
        const auto [end, ec] = std::from_chars(speed.data(), speed.data() + speed.size(), a.baud);
        if (ec != std::errc() || end != speed.data() + speed.size()) a.baud = 0;
        if (a.path.starts_with("/") && speed_for(a.baud)) return a;
        error = "\"serial:" + std::string(rest) +
                "\" needs a port and a speed. Fix: write e.g. serial:/dev/ttyUSB0@19200, at 9600, 19200, 38400, 57600 or 115200 baud";
        return std::nullopt;
    }
    if (text.starts_with("/")) {
        a.path = std::string(text);
        return a;
    }
    error = "\"" + std::string(text) + "\" is not a printer. Fix: write a device such as /dev/usb/lp0, serial:/dev/ttyUSB0@19200 or cups:QUEUE";
    return std::nullopt;
}

std::string describe(const PrinterAddress& a) {
    switch (a.kind) {
        case PrinterAddress::Kind::Cups: return "cups:" + a.queue;
        case PrinterAddress::Kind::Serial: return "serial:" + a.path + "@" + std::to_string(a.baud);
        default: return a.path;
    }
}

std::vector<std::string> cups_command(const std::string& queue) { return {"lp", "-d", queue, "-o", "raw"}; }

SendResult send_to_printer(const PrinterAddress& address, const std::vector<uint8_t>& bytes, const std::vector<uint8_t>& status_query,
                           bool (*paper_out)(uint8_t), std::chrono::milliseconds timeout) {
    const SigpipeBlocked no_sigpipe;
    if (address.kind == PrinterAddress::Kind::Cups) return send_to_cups(address, bytes, timeout);
    return send_to_device(address, bytes, status_query, paper_out, timeout);
}

}  // namespace platform
