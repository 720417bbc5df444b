#pragma once
// Who may use the console and as what: accounts with a role (editor, translator for named
// languages, publisher, administrator), passwords kept as Argon2id hashes, sessions by a random
// token (its digest kept), each with its own CSRF token, and logins slowed after failures.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/console/console_db.hpp"

namespace content::console {

enum class Role { Editor, Translator, Publisher, Administrator };
const char* role_name(Role role);
std::optional<Role> parse_role(const std::string& name);

struct User {
    std::string name;
    Role role = Role::Editor;
    std::vector<std::string> languages;  // a translator's; empty for the other roles
};

struct Session {
    User user;
    std::string csrf;
};

struct Login {
    enum class Result { Ok, Wrong, Throttled } result = Result::Wrong;
    std::string token, csrf;      // with Ok
    std::int64_t retry_after = 0;  // with Throttled: seconds until another try is heard
};

class Accounts {
public:
    /// Failed logins heard per name and per address within kLoginWindow before more are refused.
    static constexpr int kLoginTries = 5;
    static constexpr std::int64_t kLoginWindow = 15 * 60;
    /// A session unused this long ends.
    static constexpr std::int64_t kSessionIdle = 8 * 60 * 60;

    Accounts(sql::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

    /// Adds or replaces an account. Throws std::invalid_argument with what to do on a bad name,
    /// a short password, or a translator without languages.
    void set_user(const User& user, const std::string& password);
    std::optional<User> user(const std::string& name) const;

    /// A login from `address` (the client's IP).
    Login log_in(const std::string& name, const std::string& password, const std::string& address);
    /// The session `token` opens, its idle time renewed; none when unknown or expired.
    std::optional<Session> session(const std::string& token);
    void log_out(const std::string& token);

private:
    std::int64_t throttled_for(const std::string& who, std::int64_t now) const;

    sql::Database& db_;
    Clock clock_;
};

}  // namespace content::console
