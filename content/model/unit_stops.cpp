#include "content/model/unit_stops.hpp"

#include <algorithm>
#include <tuple>

namespace content {

Instant stop_end(const Stop& stop, const TimeZone& zone) { return zone.instant(stop.date, stop.to_minute / 60, stop.to_minute % 60); }

std::vector<Stop> first_upcoming(std::vector<Stop> stops, Instant now, std::size_t limit, const TimeZone& zone) {
    std::erase_if(stops, [&](const Stop& s) { return stop_end(s, zone) <= now; });
    std::sort(stops.begin(), stops.end(), [](const Stop& a, const Stop& b) {
        return std::tie(a.date, a.from_minute, a.unit) < std::tie(b.date, b.from_minute, b.unit);
    });
    if (stops.size() > limit) stops.resize(limit);
    return stops;
}

}  // namespace content
