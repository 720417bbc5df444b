// Evaluating opening hours. Each day is painted minute by minute with the rules in order,
// which is the specification's semantics read literally:
//  - a rule joined by `;` that names a day first wipes what earlier rules said about that day
//    (so `Mo-Fr 09:00-17:00; We 10:00-12:00` gives Wednesday 10-12 only), except a closed rule
//    with times, which closes just those times (`Mo-Fr 08:00-18:00; We 12:00-14:00 off`);
//  - a rule joined by `,` paints over the day without wiping it;
//  - a rule joined by `||` paints only the minutes earlier rules leave closed, whether they say
//    `off` there or say nothing (as the reference library does);
//  - the part of a span after midnight belongs to the next day: it is painted there, and a
//    later `;` rule naming that day wipes it like anything else of that day.
// Minutes are exact (times are written to the minute) and a day is 1440 small cells: simple,
// and painting 400 days for the next change takes well under a millisecond per rule.
//
// Instants are turned into wall-clock minutes by the zone, in the next-change search too: the
// clock runs linearly between two changes of its offset, so each stretch is searched on the
// wall clock and the instant at each change of offset is checked on its own.
#include <algorithm>
#include <array>

#include "content/hours/opening_hours.hpp"

namespace content {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

struct Cell {
    OpenState state = OpenState::Closed;
    int rule = -1;  // the rule that painted it; -1: none, closed by default
};
using DayCells = std::array<Cell, kMinutesPerDay>;

void paint(DayCells& day, int from, int to, Cell cell, bool only_closed) {
    from = std::clamp(from, 0, kMinutesPerDay);
    to = std::clamp(to, 0, kMinutesPerDay);
    for (int m = from; m < to; ++m)
        if (!only_closed || day[size_t(m)].state == OpenState::Closed) day[size_t(m)] = cell;
}

DayCells paint_day(const std::vector<HoursRule>& rules, const CivilDate& date, const HolidayRegion& region) {
    DayCells day{};
    const CivilDate yesterday = date.plus_days(-1);
    for (size_t i = 0; i < rules.size(); ++i) {
        const HoursRule& r = rules[i];
        const bool today = r.names(date, region);
        const bool from_yesterday = r.runs_past_midnight() && r.names(yesterday, region);
        if (!today && !from_yesterday) continue;
        const Cell cell{r.state, int(i)};
        const bool fallback = r.joined == HoursRule::Joined::Fallback;
        const bool closes_only_its_times = r.state == OpenState::Closed && !r.times.empty();
        if (today && r.joined == HoursRule::Joined::Normal && !closes_only_its_times) day.fill(Cell{});
        if (today && r.times.empty()) paint(day, 0, kMinutesPerDay, cell, fallback);
        for (const auto& span : r.times) {
            if (today) paint(day, span.from, span.to, cell, fallback);
            if (from_yesterday) paint(day, span.from - kMinutesPerDay, span.to - kMinutesPerDay, cell, fallback);
        }
    }
    return day;
}

bool date_in(const HoursRule::DateRange& d, const CivilDate& day) {
    if (d.from_year) {
        const int key = day.year * 10000 + day.month * 100 + day.day;
        return d.from_year * 10000 + d.from_month * 100 + d.from_day <= key && key <= d.to_year * 10000 + d.to_month * 100 + d.to_day;
    }
    const int key = day.month * 100 + day.day, from = d.from_month * 100 + d.from_day, to = d.to_month * 100 + d.to_day;
    return from <= to ? (from <= key && key <= to) : (key >= from || key <= to);  // Dec 20-Jan 06 wraps the year end
}

// ISO 8601: weeks start on Monday, and week 1 is the one with the year's first Thursday.
int iso_week(const CivilDate& day) {
    const CivilDate thursday = day.plus_days(3 - day.weekday());
    return int((thursday.days() - CivilDate{thursday.year, 1, 1}.days()).count() / 7) + 1;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string_view to_string(OpenState state) {
    switch (state) {
        case OpenState::Open: return "open";
        case OpenState::Closed: return "closed";
        case OpenState::Unknown: break;
    }
    return "unknown";
}

bool HoursRule::names(const CivilDate& day, const HolidayRegion& region) const {
    if (all_week_all_day) return true;
    if (!dates.empty() && std::none_of(dates.begin(), dates.end(), [&](const DateRange& d) { return date_in(d, day); })) return false;
    if (weeks && !((weeks >> iso_week(day)) & 1)) return false;
    const int from_start = (day.day - 1) / 7, from_end = (days_in_month(day.year, day.month) - day.day) / 7;  // 0: the first, the last
    const bool weekday_listed = ((weekdays >> day.weekday()) & 1) ||
                                std::any_of(nth_weekdays.begin(), nth_weekdays.end(), [&](const NthWeekdays& n) {
                                    return ((n.weekdays >> day.weekday()) & 1) && (((n.nth >> from_start) & 1) || ((n.nth >> (5 + from_end)) & 1));
                                });
    if (holidays_on_weekdays) return weekday_listed && is_public_holiday(day, region);
    if (weekdays == 0 && nth_weekdays.empty() && !public_holidays) return true;
    return weekday_listed || (public_holidays && is_public_holiday(day, region));
}

bool HoursRule::runs_past_midnight() const {
    return std::any_of(times.begin(), times.end(), [](const TimeSpan& s) { return s.to > kMinutesPerDay; });
}

OpeningHours::OpeningHours(std::string_view text, const TimeZone& zone, const HolidayRegion& region)
    : text_(text), rules_(parse_opening_hours(text)), zone_(&zone), region_(&region) {}

std::string_view OpeningHours::text_of(const HoursRule& rule) const { return std::string_view(text_).substr(rule.offset, rule.length); }

HoursStatus OpeningHours::at(const CivilDate& date, int minute_of_day) const {
    if (rules_.empty()) return {OpenState::Unknown, nullptr, {}};
    const Cell cell = paint_day(rules_, date, *region_)[size_t(std::clamp(minute_of_day, 0, kMinutesPerDay - 1))];
    const HoursRule* rule = cell.rule < 0 ? nullptr : &rules_[size_t(cell.rule)];
    return {cell.state, rule, rule ? rule->comment : std::string()};
}

std::vector<std::pair<int, int>> OpeningHours::open_spans(const CivilDate& date, OpenState state) const {
    std::vector<std::pair<int, int>> spans;
    if (rules_.empty()) return spans;
    const DayCells day = paint_day(rules_, date, *region_);
    for (int m = 0; m < kMinutesPerDay; ++m) {
        if (day[size_t(m)].state != state) continue;
        if (spans.empty() || spans.back().second != m) spans.emplace_back(m, m + 1);
        else spans.back().second = m + 1;
    }
    return spans;
}

HoursStatus OpeningHours::at(Instant t) const {
    const LocalTime local = zone_->local(t);
    return at(local.date, local.minute_of_day());
}

std::optional<HoursChange> OpeningHours::next_change(Instant t, std::chrono::days horizon) const {
    if (rules_.empty()) return std::nullopt;
    // The state at a wall-clock minute (counted from 1970-01-01 00:00), painting each day once.
    std::int64_t painted = INT64_MIN;
    DayCells cells{};
    auto state_at = [&](std::int64_t wall_minute) {
        const std::int64_t day = floor_div(wall_minute, kMinutesPerDay);
        if (day != painted) {
            cells = paint_day(rules_, CivilDate::from_days(std::chrono::sys_days(std::chrono::days(day))), *region_);
            painted = day;
        }
        return cells[size_t(wall_minute - day * kMinutesPerDay)].state;
    };
    auto wall_minute_of = [&](Instant i) {
        return floor_div(i.time_since_epoch().count() + zone_->utc_offset(i).count(), 60);
    };

    const OpenState now = state_at(wall_minute_of(t));
    const Instant end = t + horizon;
    for (Instant cursor = t; cursor < end;) {
        const std::int64_t offset = zone_->utc_offset(cursor).count();
        const Instant stretch_end = std::min(zone_->next_transition(cursor).value_or(end), end);
        // Minutes that start inside [cursor, stretch_end) on this stretch's clock.
        const std::int64_t last = floor_div(stretch_end.time_since_epoch().count() + offset - 1, 60);
        for (std::int64_t m = wall_minute_of(cursor) + 1; m <= last; ++m)
            if (const OpenState s = state_at(m); s != now) return HoursChange{Instant(std::chrono::seconds(m * 60 - offset)), s};
        if (stretch_end >= end) break;
        if (const OpenState s = state_at(wall_minute_of(stretch_end)); s != now) return HoursChange{stretch_end, s};  // the clock jumped
        cursor = stretch_end;
    }
    return std::nullopt;
}

}  // namespace content
