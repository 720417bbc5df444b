#pragma once
// Every action taken in the console, by whom and when, kept in its database: logins (and failed
// ones), saves, publishes, kiosks added. Read by administrators; never about visitors.
#include <cstdint>
#include <string>
#include <vector>

#include "content/console/console_db.hpp"

namespace content::console {

struct AuditEntry {
    std::int64_t at = 0;
    std::string user, action, detail;
};

class AuditLog {
public:
    AuditLog(sql::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}
    void record(const std::string& user, const std::string& action, const std::string& detail = "");
    /// The last `count` entries, newest first.
    std::vector<AuditEntry> recent(int count) const;

private:
    sql::Database& db_;
    Clock clock_;
};

}  // namespace content::console
