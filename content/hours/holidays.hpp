#pragma once
// Public holidays, for the `PH` of opening hours: Italy's national holidays and a city's own
// (Torino's patron saint). Another city is another HolidayRegion.
#include <string>
#include <vector>

#include "content/hours/civil_time.hpp"

namespace content {

struct MonthDay {
    int month;
    int day;
};

struct HolidayRegion {
    std::string name;
    std::vector<MonthDay> local_holidays;  // besides the national ones, e.g. the patron saint's day
};

/// Torino: the national holidays and San Giovanni, 24 June.
const HolidayRegion& torino();

/// Easter Sunday in the Gregorian calendar.
CivilDate easter_sunday(int year);

bool is_public_holiday(const CivilDate& date, const HolidayRegion& region = torino());
bool is_public_holiday(int year, int month, int day, const HolidayRegion& region = torino());

}  // namespace content
