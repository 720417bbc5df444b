#pragma once
// A mobile unit's stops (stops.csv): reading their dates and times as content managers write
// them, and which stops a visitor can still reach. Times are Europe/Rome's wall clock, as the
// unit's own timetable would print them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model.hpp"
#include "time_zone.hpp"

namespace content {

/// `YYYY-MM-DD` naming a real day (2027-02-30 is not one); none otherwise.
std::optional<CivilDate> parse_date(std::string_view text);
/// `HH:MM-HH:MM` within one day, the end after the start, as minutes after midnight; none otherwise.
std::optional<std::pair<int, int>> parse_time_span(std::string_view text);

/// `2026-12-01`, as stored in the bundle and written in stops.csv.
std::string format_date(const CivilDate& date);
/// `10:00`.
std::string format_clock(int minute_of_day);

/// The instant a stop ends, read on `zone`'s clock on the stop's own date (so the summer-time
/// change of that date counts, not the one of the day it is asked).
Instant stop_end(const Stop& stop, const TimeZone& zone = TimeZone::rome());

/// Of `stops`, those that have not ended at `now` (one ending at `now` has), soonest first; at
/// most `limit`. A stop under way is still upcoming: the visitor can reach it.
std::vector<Stop> first_upcoming(std::vector<Stop> stops, Instant now, std::size_t limit,
                                 const TimeZone& zone = TimeZone::rome());

}  // namespace content
