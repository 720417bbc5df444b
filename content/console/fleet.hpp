#pragma once
// The kiosks' reports (content/delivery/fleet_report.hpp) and what the fleet view makes of them.
// A kiosk reports every few minutes with its own token (kiosk.conf `report_token`), which says
// which kiosk it is. Reports are kept bounded: at most one per kiosk every kMinGap seconds is
// taken, and only the last kKeepDays days, at most kKeep a kiosk, are kept, so a flood of
// reports cannot fill the disk.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/console/console_db.hpp"
#include "content/delivery/fleet_report.hpp"

namespace content::console {

struct KioskState {
    std::string name, site;
    std::optional<FleetReport> last;
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
    Taken take(const std::string& token, const FleetReport& report);
    /// Every kiosk, by name, as the fleet view shows it, against the version published and the
    /// reporting interval.
    std::vector<KioskState> states(std::int64_t published_version, std::int64_t interval_s) const;

private:
    sql::Database& db_;
    Clock clock_;
};

}  // namespace content::console
