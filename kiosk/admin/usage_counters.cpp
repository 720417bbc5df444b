#include "kiosk/admin/usage_counters.hpp"

#include <cstdio>
#include <ostream>

#include "content/hours/time_zone.hpp"
#include "content/model/sqlite.hpp"

namespace kiosk {

UsageCounters::UsageCounters(const std::filesystem::path& file)
    : db_(std::make_unique<content::sql::Database>(file, content::sql::Database::Mode::Create)) {
    db_->exec(
        "CREATE TABLE IF NOT EXISTS usage(day TEXT NOT NULL, event TEXT NOT NULL, item TEXT NOT NULL,"
        " count INTEGER NOT NULL, PRIMARY KEY(day, event, item)) WITHOUT ROWID");
}

UsageCounters::~UsageCounters() { flush(); }

void UsageCounters::count(const std::string& day, const std::string& event, const std::string& item) {
    ++pending_[{day, event, item}];
}

bool UsageCounters::flush() {
    if (pending_.empty()) return true;
    try {
        db_->exec("BEGIN");
        auto add = db_->prepare(
            "INSERT INTO usage(day, event, item, count) VALUES(?, ?, ?, ?)"
            " ON CONFLICT(day, event, item) DO UPDATE SET count = count + excluded.count");
        for (const auto& [key, n] : pending_)
            add.bind(1, std::get<0>(key)).bind(2, std::get<1>(key)).bind(3, std::get<2>(key)).bind(4, std::int64_t{n}).run();
        db_->exec("COMMIT");
        pending_.clear();
        return true;
    } catch (const content::sql::Error&) {
        try {
            db_->exec("ROLLBACK");
        } catch (const content::sql::Error&) {
        }
        return false;
    }
}

int UsageCounters::export_csv(std::ostream& out) const {
    out << "day,event,item,count\n";
    auto rows = db_->prepare("SELECT day, event, item, count FROM usage ORDER BY day, event, item");
    int n = 0;
    // Items are ids and language codes ([a-z0-9-]), so no field needs quoting.
    for (; rows.step(); ++n) out << rows.text(0) << ',' << rows.text(1) << ',' << rows.text(2) << ',' << rows.integer(3) << '\n';
    return n;
}

std::map<std::string, std::int64_t> UsageCounters::counts_on(const std::string& day) const {
    std::map<std::string, std::int64_t> out;
    auto rows = db_->prepare("SELECT event, item, count FROM usage WHERE day = ?");
    rows.bind(1, day);
    while (rows.step()) out[rows.text(0) + " " + rows.text(1)] = rows.integer(2);
    return out;
}

std::string UsageCounters::day_of(std::chrono::system_clock::time_point t) {
    const auto date = content::TimeZone::rome().local(std::chrono::floor<std::chrono::seconds>(t)).date;
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

}  // namespace kiosk
