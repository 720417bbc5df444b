#pragma once
// The kiosks' reports and what the fleet view makes of them. A kiosk reports every few minutes
// with its own token (kiosk.conf `report_token`): the content version it shows, its last update,
// when its content expires, uptime, free space, display and printer state, its last problem and
// the anonymous usage counters — nothing about visitors. Reports are kept bounded: at most one
// per kiosk every kMinGap seconds is taken, and only the last kKeepDays days, at most kKeep a
// kiosk, are kept, so a flood of reports cannot fill the disk.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/console/console_db.hpp"

namespace content::console {

struct Report {
    std::int64_t version = 0;
    std::string channel, update_result;
    std::int64_t update_at = 0;     // seconds since the epoch; 0: never
    std::string content_expires;    // YYYY-MM-DD, empty when the content does not expire
    std::int64_t uptime_s = 0, free_bytes = 0;
    std::string display, printer;   // printer: ok, paper_low, paper_out, jammed, offline, none
    std::string last_error;
    std::map<std::string, std::int64_t> usage;
};

/// A report as JSON, or what is wrong with it ("field \"version\": … Fix: …").
std::variant<Report, std::string> parse_report(std::string_view json);
std::string report_json(const Report& report);

struct KioskState {
    std::string name, site;
    std::optional<Report> last;
    std::int64_t received_at = 0;  // of the last report; 0: none yet
    bool silent = false;    // no report in two intervals
    bool behind = false;    // shows an older version than the one published
    bool paper = false;     // the printer needs paper or a hand
    bool expiring = false;  // its content expires within 30 days
};

class Fleet {
public:
    static constexpr std::int64_t kMinGap = 20;
    static constexpr std::int64_t kKeepDays = 30;
    static constexpr int kKeep = 3000;

    Fleet(sql::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

    /// Allows a kiosk to report; returns its token, shown once (only its digest is kept).
    /// Throws std::invalid_argument on a bad name.
    std::string add_kiosk(const std::string& name, const std::string& site);
    enum class Taken { Yes, UnknownToken, TooSoon };
    /// A report with the token it came with: which kiosk it is from follows from the token.
    Taken take(const std::string& token, const Report& report);
    /// Every kiosk, by name, as the fleet view shows it, against the version published and the
    /// reporting interval.
    std::vector<KioskState> states(std::int64_t published_version, std::int64_t interval_s) const;

private:
    sql::Database& db_;
    Clock clock_;
};

}  // namespace content::console
