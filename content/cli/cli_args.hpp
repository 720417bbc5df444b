#pragma once
// kiosk-bundle's arguments: positional words and `--name value` options (some repeatable),
// with messages that say what to type instead.
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace content::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    /// `flags` take no value; every other `--name` takes one.
    Args(const std::vector<std::string>& words, const std::set<std::string>& flags, const std::set<std::string>& options);

    const std::vector<std::string>& positional() const { return positional_; }
    bool flag(const std::string& name) const { return flags_.contains(name); }
    std::optional<std::string> option(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    /// The option's value, or a UsageError naming it.
    std::string required(const std::string& name) const;

private:
    std::vector<std::string> positional_;
    std::set<std::string> flags_;
    std::multimap<std::string, std::string> options_;
};

/// Reads a password: from `file` when given (first line), else from the terminal without echo.
std::string read_password(const std::optional<std::string>& file, const char* prompt, bool confirm);

}  // namespace content::cli
