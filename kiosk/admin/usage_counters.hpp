#pragma once
// Anonymous usage counters: per day, how many visits started, how often each guide was opened
// and each language chosen, how many QR codes were shown and tickets printed. Only counts by day:
// no time of day, no order of events, nothing a visitor typed, nothing that links one event to
// another, so no visit can be followed or told apart.
//
// Counts gather in memory and are written to a SQLite file when a visit ends (and when the
// kiosk stops), in one transaction: an SD card is written once a visit, not once a touch, and a
// power cut loses at most the visit under way.
#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <cstdint>
#include <tuple>

namespace content::sql {
class Database;
}

namespace kiosk {

class UsageCounters {
public:
    /// Opens or creates the counters' database; throws std::runtime_error naming the file.
    explicit UsageCounters(const std::filesystem::path& file);
    /// Writes what is pending.
    ~UsageCounters();

    /// One more `event` (e.g. guide_opened) for `item` (e.g. the guide's id) on `day` (YYYY-MM-DD).
    void count(const std::string& day, const std::string& event, const std::string& item);
    /// Writes the pending counts; false when the disk refused (they stay pending).
    bool flush();
    /// Every count written so far as CSV: day,event,item,count. Returns the number of rows.
    int export_csv(std::ostream& out) const;

    /// The counts written for `day`, as "event item" → count: what a report to the console carries.
    std::map<std::string, std::int64_t> counts_on(const std::string& day) const;
    /// The Europe/Rome date of `t` as YYYY-MM-DD: the day a count belongs to.
    static std::string day_of(std::chrono::system_clock::time_point t);

private:
    std::unique_ptr<content::sql::Database> db_;
    std::map<std::tuple<std::string, std::string, std::string>, long> pending_;
};

}  // namespace kiosk
