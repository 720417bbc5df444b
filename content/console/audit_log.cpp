#include "content/console/audit_log.hpp"

namespace content::console {

void AuditLog::record(const std::string& user, const std::string& action, const std::string& detail) {
    db_.prepare("INSERT INTO audit(at, user, action, detail) VALUES(?, ?, ?, ?)").bind(1, clock_()).bind(2, user).bind(3, action).bind(4, detail).run();
}

std::vector<AuditEntry> AuditLog::recent(int count) const {
    std::vector<AuditEntry> out;
    auto rows = db_.prepare("SELECT at, user, action, detail FROM audit ORDER BY id DESC LIMIT ?");
    rows.bind(1, std::int64_t{count});
    while (rows.step()) out.push_back({rows.integer(0), rows.text(1), rows.text(2), rows.text(3)});
    return out;
}

}  // namespace content::console
