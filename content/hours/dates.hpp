#pragma once
// Dates and times of day as content managers write them (`2026-12-01`, `10:00-12:30`), and
// today's date on a given clock: the kiosk passes its own clock's time (a test's fake one), a
// command its system's, so no date is read behind the caller's back.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "content/hours/civil_time.hpp"
#include "content/hours/time_zone.hpp"

namespace content {

/// `YYYY-MM-DD` naming a real day (2027-02-30 is not one); none otherwise.
std::optional<CivilDate> parse_date(std::string_view text);
/// `HH:MM-HH:MM` within one day, the end after the start, as minutes after midnight; none otherwise.
std::optional<std::pair<int, int>> parse_time_span(std::string_view text);

/// `2026-12-01`, as stored in the bundle and written in stops.csv.
std::string format_date(const CivilDate& date);
/// `10:00`.
std::string format_clock(int minute_of_day);

/// The date on the wall calendar of `zone` (Europe/Rome unless told) at `now`.
CivilDate today(std::chrono::system_clock::time_point now, const TimeZone& zone = TimeZone::rome());
/// The same as YYYY-MM-DD, the form bundle expiry dates take.
std::string today_iso(std::chrono::system_clock::time_point now, const TimeZone& zone = TimeZone::rome());

}  // namespace content
