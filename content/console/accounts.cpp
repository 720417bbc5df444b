#include "content/console/accounts.hpp"

#include <algorithm>
#include <stdexcept>

#include "content/delivery/password_hash.hpp"

namespace content::console {

namespace {

constexpr const char* kRoles[] = {"editor", "translator", "publisher", "administrator"};

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    size_t from = 0;
    while (from < text.size()) {
        const size_t comma = std::min(text.find(',', from), text.size());
        if (comma > from) out.push_back(text.substr(from, comma - from));
        from = comma + 1;
    }
    return out;
}

}  // namespace

const char* role_name(Role role) { return kRoles[static_cast<int>(role)]; }

std::optional<Role> parse_role(const std::string& name) {
    for (int i = 0; i < 4; ++i)
        if (name == kRoles[i]) return static_cast<Role>(i);
    return std::nullopt;
}

void Accounts::set_user(const User& user, const std::string& password) {
    const bool name_ok = !user.name.empty() && user.name.size() <= 64 &&
                         std::all_of(user.name.begin(), user.name.end(), [](unsigned char c) { return c >= 0x20 && c != 0x7F && c != ','; });
    if (!name_ok) throw std::invalid_argument("the name \"" + user.name + "\" cannot be used. Fix: 1 to 64 characters, no commas or control characters");
    if (password.size() < 10) throw std::invalid_argument("the password for " + user.name + " is too short. Fix: use at least 10 characters");
    if (user.role == Role::Translator && user.languages.empty())
        throw std::invalid_argument("translator " + user.name + " has no languages. Fix: name the languages they translate, e.g. ar,fa");
    const auto hash = hash_password(password);
    if (!hash) throw std::runtime_error("the password could not be hashed (not enough memory)");
    db_.prepare("INSERT OR REPLACE INTO users(name, role, languages, password) VALUES(?, ?, ?, ?)")
        .bind(1, user.name)
        .bind(2, role_name(user.role))
        .bind(3, user.role == Role::Translator ? joined(user.languages) : "")
        .bind(4, *hash)
        .run();
}

std::optional<User> Accounts::user(const std::string& name) const {
    auto row = db_.prepare("SELECT role, languages FROM users WHERE name = ?");
    row.bind(1, name);
    if (!row.step()) return std::nullopt;
    const auto role = parse_role(row.text(0));
    if (!role) return std::nullopt;
    return User{name, *role, split(row.text(1))};
}

std::int64_t Accounts::throttled_for(const std::string& who, std::int64_t now) const {
    auto rows = db_.prepare("SELECT at FROM login_failures WHERE who = ? AND at > ? ORDER BY at DESC LIMIT ?");
    rows.bind(1, who).bind(2, now - kLoginWindow).bind(3, std::int64_t{kLoginTries});
    int failures = 0;
    std::int64_t oldest = now;
    while (rows.step()) ++failures, oldest = rows.integer(0);
    return failures < kLoginTries ? 0 : oldest + kLoginWindow - now;
}

Login Accounts::log_in(const std::string& name, const std::string& password, const std::string& address) {
    const std::int64_t now = clock_();
    // Slowed per name (guessing one account) and per address (trying many): the hash is not even
    // checked while either is throttled, so a flood costs no Argon2id work.
    const std::int64_t wait = std::max(throttled_for("name:" + name, now), throttled_for("address:" + address, now));
    if (wait > 0) return {Login::Result::Throttled, {}, {}, wait};
    // Each read is finished before a write (fleet.cpp says why).
    std::string hash;
    {
        auto row = db_.prepare("SELECT password FROM users WHERE name = ?");
        row.bind(1, name);
        if (row.step()) hash = row.text(0);
    }
    if (!password_matches(hash, password)) {
        db_.prepare("DELETE FROM login_failures WHERE at < ?").bind(1, now - kLoginWindow).run();
        for (const std::string& who : {"name:" + name, "address:" + address})
            db_.prepare("INSERT INTO login_failures(who, at) VALUES(?, ?)").bind(1, who).bind(2, now).run();
        return {};
    }
    Login ok{Login::Result::Ok, random_token(), random_token(), 0};
    db_.prepare("INSERT INTO sessions(digest, user, csrf, last_seen) VALUES(?, ?, ?, ?)").bind(1, token_digest(ok.token)).bind(2, name).bind(3, ok.csrf).bind(4, now).run();
    return ok;
}

std::optional<Session> Accounts::session(const std::string& token) {
    if (token.empty()) return std::nullopt;
    const std::int64_t now = clock_();
    db_.prepare("DELETE FROM sessions WHERE last_seen < ?").bind(1, now - kSessionIdle).run();
    const std::string digest = token_digest(token);
    std::string name, csrf;
    {
        auto row = db_.prepare("SELECT user, csrf FROM sessions WHERE digest = ?");
        row.bind(1, digest);
        if (!row.step()) return std::nullopt;
        name = row.text(0);
        csrf = row.text(1);
    }
    auto user = this->user(name);
    if (!user) return std::nullopt;  // the account was removed
    db_.prepare("UPDATE sessions SET last_seen = ? WHERE digest = ?").bind(1, now).bind(2, digest).run();
    return Session{std::move(*user), csrf};
}

void Accounts::log_out(const std::string& token) { db_.prepare("DELETE FROM sessions WHERE digest = ?").bind(1, token_digest(token)).run(); }

}  // namespace content::console
