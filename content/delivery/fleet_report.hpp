#pragma once
// What a kiosk tells the console about itself, every few minutes (kiosk.conf `report_url`): the
// content version it shows, its last update, when its content expires, uptime, free space,
// display and printer state, its last problem and the anonymous usage counters — nothing about
// visitors. The kiosk writes it, the console reads it (content/console/fleet.hpp): one format.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace content {

struct FleetReport {
    std::int64_t version = 0;
    std::string channel;
    std::string update_result, update_time;  // the last update check's result and when, as the store says them
    std::string content_expires;             // YYYY-MM-DD, empty when the content does not expire
    std::int64_t uptime_s = 0, free_bytes = 0;
    std::string display;
    std::string printer;                     // ok, paper_low, paper_out, jammed, offline, none
    std::string last_error;
    std::map<std::string, std::int64_t> usage;  // today's anonymous counters, "event item" → count
};

/// A report as JSON, or what is wrong with it ("field \"version\": … Fix: …").
std::variant<FleetReport, std::string> parse_fleet_report(std::string_view json);
std::string fleet_report_json(const FleetReport& report);

/// Days since 1970-01-01 of a YYYY-MM-DD date; none when it is not one.
std::optional<std::int64_t> days_since_epoch(const std::string& date);

}  // namespace content
