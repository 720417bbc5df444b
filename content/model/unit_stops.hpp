#pragma once
// A mobile unit's stops (stops.csv): which stops a visitor can still reach. Times are Europe/
// Rome's wall clock, as the unit's own timetable would print them (read by hours/dates.hpp).
#include <cstddef>
#include <vector>

#include "content/hours/dates.hpp"
#include "content/hours/time_zone.hpp"
#include "content/model/model.hpp"

namespace content {

/// The instant a stop ends, read on `zone`'s clock on the stop's own date (so the summer-time
/// change of that date counts, not the one of the day it is asked).
Instant stop_end(const Stop& stop, const TimeZone& zone = TimeZone::rome());

/// Of `stops`, those that have not ended at `now` (one ending at `now` has), soonest first; at
/// most `limit`. A stop under way is still upcoming: the visitor can reach it.
std::vector<Stop> first_upcoming(std::vector<Stop> stops, Instant now, std::size_t limit,
                                 const TimeZone& zone = TimeZone::rome());

}  // namespace content
