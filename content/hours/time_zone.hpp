#pragma once
// The one place that knows about time zones: instants (std::chrono::system_clock) to the wall
// clock of Europe/Rome and back, summer time included. The rules come from the system's tz
// database (Debian's tzdata), read from its TZif file.
//
// Why a TZif reader of our own: GCC 12's standard library has the C++20 calendar but not its
// time zones (std::chrono::locate_zone arrived in GCC 14), and localtime_r/mktime take the zone
// from the process-wide TZ variable: switching it to Rome is not thread-safe and would change
// every other local time the process prints. The TZif format (RFC 8536) is small and stable.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "content/hours/civil_time.hpp"

namespace content {

using Instant = std::chrono::sys_seconds;

struct TimeZoneError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class TimeZone {
public:
    /// Reads a TZif file, e.g. /usr/share/zoneinfo/Europe/Rome. Throws TimeZoneError.
    static TimeZone from_file(const std::filesystem::path& tzif);
    /// A zone given by a POSIX TZ rule alone, e.g. "CET-1CEST,M3.5.0,M10.5.0/3". Throws TimeZoneError.
    static TimeZone from_rule(std::string_view posix_tz);
    /// Europe/Rome from the system's tz database; when tzdata is missing, the EU summer-time rule
    /// that Italy has followed since 1996, which is also what the database's file ends with.
    static const TimeZone& rome();

    std::chrono::seconds utc_offset(Instant t) const;
    /// The first instant after `t` at which the offset from UTC changes; none if it never does.
    std::optional<Instant> next_transition(Instant t) const;
    LocalTime local(Instant t) const;
    /// The instant a wall-clock reading names. In the hour that happens twice (autumn) the first
    /// one; in the hour that is skipped (spring) the clock is read with the offset from before the
    /// change, so 02:30 on the last Sunday of March is 03:30 summer time.
    Instant instant(const CivilDate& date, int hour, int minute) const;

private:
    // A POSIX TZ rule: the offsets east of UTC and, with summer time, when it starts and ends.
    struct Rule {
        struct Change {
            int month = 0, week = 0, weekday = 0;  // Mm.w.d: week 5 is the last, weekday 0 is Sunday
            std::int64_t seconds = 7200;           // local time of day of the change
        };
        std::int64_t standard = 0, summer = 0;
        bool has_summer = false;
        Change starts, ends;
        static Rule parse(std::string_view text);
        std::int64_t offset_at(std::int64_t t) const;
        std::optional<std::int64_t> next_change(std::int64_t t) const;
        std::int64_t change_instant(int year, const Change& c, std::int64_t offset_before) const;
    };
    struct Transition {
        std::int64_t at;      // seconds since the epoch
        std::int64_t offset;  // seconds east of UTC from then on
    };

    std::vector<Transition> transitions_;
    std::int64_t initial_offset_ = 0;  // before the first transition
    std::optional<Rule> rule_;         // after the last transition

    std::int64_t offset_at(std::int64_t t) const;
};

/// `2026-06-24T17:00+02:00`: the local time of an instant to the minute, with its offset from UTC.
std::string format_local_iso(Instant t, const TimeZone& zone = TimeZone::rome());

/// Reads `YYYY-MM-DDTHH:MM` as local time in `zone`, or with an explicit offset
/// (`…+02:00`, `…Z`), which settles the hour that happens twice. None when it is not one.
std::optional<Instant> parse_local_iso(std::string_view text, const TimeZone& zone = TimeZone::rome());

}  // namespace content
