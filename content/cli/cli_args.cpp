#include "content/cli/cli_args.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace content::cli {

Args::Args(const std::vector<std::string>& words, const std::set<std::string>& flags, const std::set<std::string>& options) {
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (flags.contains(w)) {
            flags_.insert(w);
        } else if (options.contains(w)) {
            if (i + 1 >= words.size()) throw UsageError(w + " needs a value");
            options_.emplace(w, words[++i]);
        } else if (w.starts_with("-") && w.size() > 1) {
            throw UsageError("unknown option " + w);
        } else {
            positional_.push_back(w);
        }
    }
}

std::optional<std::string> Args::option(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = options_.equal_range(name); it != end; ++it) out.push_back(it->second);
    return out;
}

std::string Args::required(const std::string& name) const {
    auto value = option(name);
    if (!value) throw UsageError("missing " + name + " FILE");
    return *value;
}

namespace {
std::string prompt_tty(const char* prompt) {
    FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty)
        throw std::runtime_error("no terminal to ask for the password; use --password-file FILE, or a key made with --no-password");
    std::fputs(prompt, tty);
    std::fflush(tty);
    termios old{};
    const int fd = fileno(tty);
    const bool is_tty = tcgetattr(fd, &old) == 0;
    if (is_tty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    char buffer[1024] = {};
    const bool got = std::fgets(buffer, sizeof buffer, tty) != nullptr;
    if (is_tty) tcsetattr(fd, TCSAFLUSH, &old);
    std::fputs("\n", tty);
    std::fclose(tty);
    if (!got) throw std::runtime_error("no password given");
    std::string password(buffer);
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
    return password;
}
}  // namespace

std::string read_password(const std::optional<std::string>& file, const char* prompt, bool confirm) {
    if (file) {
        std::ifstream in(*file);
        std::string password;
        if (!in || !std::getline(in, password)) throw std::runtime_error("cannot read the password from " + *file);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        return password;
    }
    std::string password = prompt_tty(prompt);
    if (confirm && prompt_tty("Password (again): ") != password) throw std::runtime_error("the two passwords differ");
    if (password.empty()) throw std::runtime_error("an empty password protects nothing; use --no-password to mean it");
    return password;
}

}  // namespace content::cli
