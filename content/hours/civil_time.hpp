#pragma once
// Dates and clock readings as people write them on a wall calendar, with no time zone: what
// opening hours and public holidays are written in. Turning them into instants, and back, is
// the job of time_zone.hpp alone.
#include <chrono>

namespace content {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1 = January
    int day = 1;

    static CivilDate from_days(std::chrono::sys_days days) {
        const std::chrono::year_month_day ymd(days);
        return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
    }
    std::chrono::sys_days days() const {
        return std::chrono::sys_days(std::chrono::year(year) / std::chrono::month(unsigned(month)) / std::chrono::day(unsigned(day)));
    }
    CivilDate plus_days(int n) const { return from_days(days() + std::chrono::days(n)); }
    /// 0 = Monday … 6 = Sunday: the order of OpenStreetMap's Mo Tu We Th Fr Sa Su.
    int weekday() const { return int(std::chrono::weekday(days()).iso_encoding()) - 1; }

    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

inline int days_in_month(int year, int month) {
    return int(unsigned((std::chrono::year(year) / std::chrono::month(unsigned(month)) / std::chrono::last).day()));
}

/// What a wall clock in some zone shows at an instant, to the second, and how far it is from UTC.
struct LocalTime {
    CivilDate date;
    int hour = 0, minute = 0, second = 0;
    std::chrono::seconds utc_offset{0};

    int minute_of_day() const { return hour * 60 + minute; }
};

}  // namespace content
