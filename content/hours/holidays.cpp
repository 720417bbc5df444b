#include "content/hours/holidays.hpp"

#include <algorithm>
#include <array>

namespace content {

namespace {

// Italy's national holidays on fixed dates (law 260/1949 and its amendments).
constexpr std::array<MonthDay, 10> kItalianFixedHolidays{{
    {1, 1},    // Capodanno
    {1, 6},    // Epifania
    {4, 25},   // Festa della Liberazione
    {5, 1},    // Festa del Lavoro
    {6, 2},    // Festa della Repubblica
    {8, 15},   // Ferragosto
    {11, 1},   // Ognissanti
    {12, 8},   // Immacolata Concezione
    {12, 25},  // Natale
    {12, 26},  // Santo Stefano
}};

bool listed(const auto& days, const CivilDate& date) {
    return std::any_of(days.begin(), days.end(), [&](const MonthDay& d) { return d.month == date.month && d.day == date.day; });
}

}  // namespace

const HolidayRegion& torino() {
    static const HolidayRegion region{"Torino", {{6, 24}}};  // San Giovanni Battista
    return region;
}

// The anonymous Gregorian computus (Meeus/Jones/Butcher): the first Sunday after the
// ecclesiastical full moon on or after 21 March.
CivilDate easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return {year, month, day};
}

bool is_public_holiday(const CivilDate& date, const HolidayRegion& region) {
    if (listed(kItalianFixedHolidays, date) || listed(region.local_holidays, date)) return true;
    // San Francesco d'Assisi, a national holiday again from 2026 (law 151/2025).
    if (date.year >= 2026 && date.month == 10 && date.day == 4) return true;
    const CivilDate easter = easter_sunday(date.year);
    return date == easter || date == easter.plus_days(1);  // Pasqua and Pasquetta
}

bool is_public_holiday(int year, int month, int day, const HolidayRegion& region) {
    return is_public_holiday(CivilDate{year, month, day}, region);
}

}  // namespace content
