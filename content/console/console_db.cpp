#include "content/console/console_db.hpp"

#include <chrono>

namespace content::console {

Clock system_clock() {
    return [] { return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count(); };
}

std::unique_ptr<sql::Database> open_console_db(const std::filesystem::path& data_dir) {
    std::filesystem::create_directories(data_dir);
    auto db = std::make_unique<sql::Database>(data_dir / "console.db", sql::Database::Mode::Create);
    // WAL: the fleet's reports are written while pages are read; the log is cut back to 4 MiB
    // each time it starts over, so a fleet's reports cannot make it grow for good. Tokens are
    // kept as digests only.
    db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA journal_size_limit=4194304;");
    db->exec(R"(
        CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, role TEXT NOT NULL, languages TEXT NOT NULL, password TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sessions(digest TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL, last_seen INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS login_failures(who TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS login_failures_who ON login_failures(who, at);
        CREATE TABLE IF NOT EXISTS audit(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS kiosks(name TEXT PRIMARY KEY, site TEXT NOT NULL, digest TEXT NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS reports(id INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS reports_kiosk ON reports(kiosk, at);
    )");
    return db;
}

}  // namespace content::console
