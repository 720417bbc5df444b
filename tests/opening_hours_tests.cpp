// OpenStreetMap opening_hours: parsing, evaluation on Europe/Rome's clock (summer time
// included), Torino's public holidays, errors with their position, and the source check.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/build/source.hpp"
#include "content/hours/opening_hours.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

namespace {

// An instant given as Rome's wall clock, `2026-06-24T10:00`, or with an offset for the hour
// that happens twice, `2026-10-25T02:30+01:00`.
Instant rome(const char* when) {
    const auto t = parse_local_iso(when);
    REQUIRE_MESSAGE(t, when);
    return *t;
}

OpenState state(const char* hours, const char* when) { return OpeningHours(hours).at(rome(when)).state; }

// The next change as Rome's wall clock with its offset, "none" when there is none.
std::string next(const char* hours, const char* when) {
    const auto change = OpeningHours(hours).next_change(rome(when));
    return change ? format_local_iso(change->at) : "none";
}

constexpr auto Open = OpenState::Open;
constexpr auto Closed = OpenState::Closed;
constexpr auto Unknown = OpenState::Unknown;

const std::string kBundleTool = KIOSK_BUNDLE_TOOL;

}  // namespace

TEST_CASE("opening hours: weekday ranges, lists and ranges that wrap over the weekend") {
    // 2026-06-22 is a Monday.
    CHECK(state("Mo-Fr 09:00-17:00", "2026-06-22T10:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00", "2026-06-22T08:59") == Closed);
    CHECK(state("Mo-Fr 09:00-17:00", "2026-06-22T17:00") == Closed);  // the closing minute is closed
    CHECK(state("Mo-Fr 09:00-17:00", "2026-06-27T10:00") == Closed);  // Saturday
    CHECK(state("Mo,We,Fr 10:00-12:00", "2026-06-24T11:00") == Open);
    CHECK(state("Mo,We,Fr 10:00-12:00", "2026-06-23T11:00") == Closed);
    CHECK(state("Sa-Mo 10:00-12:00", "2026-06-28T11:00") == Open);  // Sunday
    CHECK(state("Sa-Mo 10:00-12:00", "2026-06-22T11:00") == Open);  // Monday
    CHECK(state("Sa-Mo 10:00-12:00", "2026-06-23T11:00") == Closed);
    CHECK(state("mo-fr 09:00-17:00", "2026-06-22T10:00") == Open);  // lower case is understood
    CHECK(state("Mo 10:00-12:00", "2026-06-22T09:00") == Closed);
    CHECK(next("Mo-Fr 09:00-17:00", "2026-06-26T18:00") == "2026-06-29T09:00+02:00");  // Friday evening to Monday
}

// Food hubs open "the first Saturday of the month" (issue 21). December 2026: Tuesday 1 to
// Thursday 31; its Saturdays are the 5th, 12th, 19th and 26th, its Mondays the 7th to the 28th.
TEST_CASE("opening hours: the nth weekday of the month, counted from its start or its end") {
    CHECK(state("Sa[1] 09:00-12:00", "2026-12-05T10:00") == Open);
    CHECK(state("Sa[1] 09:00-12:00", "2026-12-12T10:00") == Closed);
    CHECK(state("Sa[1] 09:00-12:00", "2026-12-04T10:00") == Closed);  // a Friday
    CHECK(state("Sa[-1] 09:00-12:00", "2026-12-26T10:00") == Open);
    CHECK(state("Sa[-1] 09:00-12:00", "2026-12-19T10:00") == Closed);
    CHECK(state("Mo[2,4] 09:00-12:00", "2026-12-14T10:00") == Open);
    CHECK(state("Mo[2,4] 09:00-12:00", "2026-12-21T10:00") == Closed);
    CHECK(state("Mo[2,4] 09:00-12:00", "2026-12-28T10:00") == Open);
    CHECK(state("We[1-2] 09:00-12:00", "2026-12-09T10:00") == Open);
    CHECK(state("We[1-2] 09:00-12:00", "2026-12-16T10:00") == Closed);
    CHECK(state("Sa[5] 09:00-12:00", "2026-08-29T10:00") == Open);  // August 2026 has five Saturdays
    CHECK(state("Mo-Fr 09:00-17:00; Fr[-1] off", "2026-12-25T10:00") == Closed);
    CHECK(state("Mo-Fr 09:00-17:00; Fr[-1] off", "2026-12-18T10:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00, Sa[1] 09:00-12:00", "2026-12-05T10:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00, Sa[1] 09:00-12:00", "2026-12-07T10:00") == Open);
    CHECK(next("Sa[1] 09:00-12:00", "2026-12-05T13:00") == "2027-01-02T09:00+01:00");
}

TEST_CASE("opening hours: ISO 8601 week numbers, ranges, lists and every nth week") {
    // 2026 starts on a Thursday, so it has 53 weeks: week 50 is 7-13 December, week 53 runs
    // from 28 December to 3 January 2027, and 2027's week 1 starts on Monday 4 January.
    CHECK(state("week 50 Mo-Fr 09:00-12:00", "2026-12-07T10:00") == Open);
    CHECK(state("week 50 Mo-Fr 09:00-12:00", "2026-12-14T10:00") == Closed);
    CHECK(state("week 02-52/2 Fr 09:00-12:00", "2026-12-11T10:00") == Open);   // week 50
    CHECK(state("week 02-52/2 Fr 09:00-12:00", "2026-12-18T10:00") == Closed);  // week 51
    CHECK(state("week 01-10,50 09:00-12:00", "2026-03-02T10:00") == Open);      // week 10
    CHECK(state("week 01-10,50 09:00-12:00", "2026-03-09T10:00") == Closed);    // week 11
    CHECK(state("09:00-12:00; week 53 off", "2027-01-02T10:00") == Closed);     // still 2026's week 53
    CHECK(state("09:00-12:00; week 53 off", "2027-01-04T10:00") == Open);
    CHECK(state("Dec week 53 09:00-12:00", "2027-01-02T10:00") == Closed);     // week 53, but January
    CHECK(next("week 50 Mo 09:00-12:00", "2026-12-07T13:00") == "2027-12-13T09:00+01:00");
    const auto rules = parse_opening_hours("week 02-10/4,20 Fr 09:00-12:00");
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].weeks == ((1ull << 2) | (1ull << 6) | (1ull << 10) | (1ull << 20)));
}

TEST_CASE("opening hours: several spans a day") {
    const char* hours = "Mo-Fr 08:30-12:30,14:00-18:00";
    CHECK(state(hours, "2026-06-22T12:29") == Open);
    CHECK(state(hours, "2026-06-22T12:30") == Closed);
    CHECK(state(hours, "2026-06-22T13:00") == Closed);
    CHECK(state(hours, "2026-06-22T14:00") == Open);
    CHECK(next(hours, "2026-06-22T13:00") == "2026-06-22T14:00+02:00");
    CHECK(next(hours, "2026-06-22T10:00") == "2026-06-22T12:30+02:00");
}

TEST_CASE("opening hours: a span past midnight belongs to the next day") {
    const char* hours = "Fr-Sa 22:00-02:00";
    CHECK(state(hours, "2026-06-26T23:00") == Open);    // Friday night
    CHECK(state(hours, "2026-06-27T01:00") == Open);    // Saturday 01:00, from Friday's rule
    CHECK(state(hours, "2026-06-28T01:00") == Open);    // Sunday 01:00, from Saturday's
    CHECK(state(hours, "2026-06-26T01:00") == Closed);  // Friday 01:00: Thursday is not named
    CHECK(state(hours, "2026-06-29T01:00") == Closed);  // Monday 01:00
    CHECK(state(hours, "2026-06-27T02:00") == Closed);
    CHECK(next(hours, "2026-06-26T23:00") == "2026-06-27T02:00+02:00");
    CHECK(next(hours, "2026-06-27T03:00") == "2026-06-27T22:00+02:00");
    // A later `;` rule naming Saturday overrides Saturday's part of Friday night; `,` keeps it.
    CHECK(state("Fr 22:00-02:00; Sa 10:00-12:00", "2026-06-27T01:00") == Closed);
    CHECK(state("Fr 22:00-02:00, Sa 10:00-12:00", "2026-06-27T01:00") == Open);
    CHECK(state("Fr 22:00-02:00, Sa 10:00-12:00", "2026-06-27T11:00") == Open);
    // Times past 24:00 are the same thing written another way.
    CHECK(state("Fr 20:00-26:00", "2026-06-27T01:59") == Open);
    CHECK(state("Fr 20:00-26:00", "2026-06-27T02:00") == Closed);
}

TEST_CASE("opening hours: 24/7, off and closed") {
    CHECK(state("24/7", "2026-06-22T03:00") == Open);
    CHECK(next("24/7", "2026-06-22T03:00") == "none");
    CHECK(state("off", "2026-06-22T10:00") == Closed);
    CHECK(next("off", "2026-06-22T10:00") == "none");
    CHECK(state("24/7; Dec 25 off", "2026-12-25T10:00") == Closed);
    CHECK(state("24/7; Dec 25 off", "2026-12-24T23:59") == Open);
    CHECK(next("24/7; Dec 25 off", "2026-12-25T10:00") == "2026-12-26T00:00+01:00");
    CHECK(next("24/7; Dec 25 off", "2026-12-20T10:00") == "2026-12-25T00:00+01:00");
    CHECK(state("Mo-Fr 09:00-17:00; We closed", "2026-06-24T10:00") == Closed);
    CHECK(state("Mo-Fr 09:00-17:00; We closed", "2026-06-23T10:00") == Open);
}

TEST_CASE("opening hours: `;` overrides earlier rules on the days it names, `,` adds to them") {
    CHECK(state("Mo-Fr 09:00-17:00; We 10:00-12:00", "2026-06-24T15:00") == Closed);
    CHECK(state("Mo-Fr 09:00-17:00; We 10:00-12:00", "2026-06-24T11:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00; We 10:00-12:00", "2026-06-23T15:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00, We 19:00-21:00", "2026-06-24T15:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00, We 19:00-21:00", "2026-06-24T20:00") == Open);
    CHECK(state("Mo-Fr 09:00-17:00, We 19:00-21:00", "2026-06-23T20:00") == Closed);
    // A closed rule with times closes just those times.
    CHECK(state("Mo-Fr 08:00-18:00; We 12:00-14:00 off", "2026-06-24T10:00") == Open);
    CHECK(state("Mo-Fr 08:00-18:00; We 12:00-14:00 off", "2026-06-24T13:00") == Closed);
    // A rule with no days names every day.
    CHECK(state("Mo-Fr 08:00-12:00; 14:00-20:00", "2026-06-22T10:00") == Closed);
}

TEST_CASE("opening hours: months and dates, including ranges across the year end") {
    CHECK(state("Jan-Mar 10:00-12:00", "2026-02-10T11:00") == Open);
    CHECK(state("Jan-Mar 10:00-12:00", "2026-04-01T11:00") == Closed);
    CHECK(state("Oct-Mar Mo-Fr 09:00-12:00", "2026-11-02T10:00") == Open);  // a Monday in November
    CHECK(state("Oct-Mar Mo-Fr 09:00-12:00", "2027-01-04T10:00") == Open);  // and in January
    CHECK(state("Oct-Mar Mo-Fr 09:00-12:00", "2026-06-22T10:00") == Closed);
    CHECK(state("Oct-Mar Mo-Fr 09:00-12:00", "2026-11-01T10:00") == Closed);  // a Sunday
    CHECK(state("Mo-Sa 09:00-19:00; Dec 24-26 off", "2026-12-24T10:00") == Closed);
    CHECK(state("Mo-Sa 09:00-19:00; Dec 24-26 off", "2026-12-26T10:00") == Closed);
    CHECK(state("Mo-Sa 09:00-19:00; Dec 24-26 off", "2026-12-23T10:00") == Open);
    CHECK(state("Mo-Sa 09:00-19:00; Dec 24-26 off", "2026-12-28T10:00") == Open);
    CHECK(state("Mo-Sa 09:00-19:00; Jun 24 off", "2026-06-24T10:00") == Closed);
    CHECK(state("Mo-Sa 09:00-19:00; Jun 24 off", "2026-06-25T10:00") == Open);
    CHECK(state("Dec 24,31 10:00-12:00", "2026-12-31T11:00") == Open);
    CHECK(state("Dec 24,31 10:00-12:00", "2026-12-30T11:00") == Closed);
    CHECK(state("Jan,Mar 10:00-12:00", "2026-03-02T11:00") == Open);
    CHECK(state("Jan,Mar 10:00-12:00", "2026-02-02T11:00") == Closed);
    CHECK(state("Dec 24: 10:00-12:00", "2026-12-24T11:00") == Open);  // the colon after dates is for readability
    // With a year, a date range happens once.
    CHECK(state("2026 Dec 20-2027 Jan 06 off; 09:00-18:00", "2026-06-22T10:00") == Open);
    CHECK(state("09:00-18:00; 2026 Dec 20-2027 Jan 06 off", "2027-01-04T10:00") == Closed);
    CHECK(state("09:00-18:00; 2026 Dec 20-2027 Jan 06 off", "2027-12-21T10:00") == Open);
}

TEST_CASE("opening hours: year boundaries") {
    const char* hours = "Dec 20-Jan 06 10:00-12:00";
    CHECK(state(hours, "2026-01-03T11:00") == Open);
    CHECK(state(hours, "2026-12-31T11:00") == Open);
    CHECK(state(hours, "2026-12-20T11:00") == Open);
    CHECK(state(hours, "2027-01-06T11:00") == Open);
    CHECK(state(hours, "2027-01-07T11:00") == Closed);
    CHECK(state(hours, "2026-12-19T11:00") == Closed);
    CHECK(next(hours, "2026-12-31T13:00") == "2027-01-01T10:00+01:00");
    // Next changes that cross New Year.
    CHECK(next("Dec 31 22:00-02:00", "2026-12-31T23:00") == "2027-01-01T02:00+01:00");
    CHECK(next("09:00-18:00; Dec 24-Jan 01 off", "2026-12-23T19:00") == "2027-01-02T09:00+01:00");
}

TEST_CASE("opening hours: summer time starts on 2026-03-29 (02:00 does not happen)") {
    const char* hours = "Su 01:00-04:00";
    CHECK(state(hours, "2026-03-29T00:30") == Closed);
    CHECK(next(hours, "2026-03-29T00:30") == "2026-03-29T01:00+01:00");
    CHECK(state(hours, "2026-03-29T01:30") == Open);
    CHECK(state(hours, "2026-03-29T03:30") == Open);
    CHECK(state(hours, "2026-03-29T04:00") == Closed);
    // 01:00 to 04:00 on the wall clock is two real hours that day.
    const OpeningHours oh(hours);
    const auto closes = oh.next_change(rome("2026-03-29T01:30"));
    REQUIRE(closes);
    CHECK(format_local_iso(closes->at) == "2026-03-29T04:00+02:00");
    CHECK(closes->state == Closed);
    const auto opened = rome("2026-03-29T01:00");
    CHECK(closes->at - opened == std::chrono::hours(2));
    CHECK(closes->at == Instant(std::chrono::sys_days(std::chrono::March / 29 / 2026)) + std::chrono::hours(2));  // 02:00 UTC
    // A span that starts in the skipped hour opens when the clock jumps to 03:00.
    CHECK(next("Su 02:30-05:00", "2026-03-29T01:30") == "2026-03-29T03:00+02:00");
    CHECK(state("Su 02:30-05:00", "2026-03-29T03:00") == Open);
}

TEST_CASE("opening hours: summer time ends on 2026-10-25 (02:00-03:00 happens twice)") {
    const char* hours = "Su 01:00-04:00";
    CHECK(state(hours, "2026-10-25T00:30") == Closed);
    CHECK(next(hours, "2026-10-25T00:30") == "2026-10-25T01:00+02:00");
    CHECK(state(hours, "2026-10-25T02:30+02:00") == Open);  // the first 02:30
    CHECK(state(hours, "2026-10-25T02:30+01:00") == Open);  // the second
    CHECK(state(hours, "2026-10-25T04:00") == Closed);
    const OpeningHours oh(hours);
    const auto closes = oh.next_change(rome("2026-10-25T01:30"));
    REQUIRE(closes);
    CHECK(format_local_iso(closes->at) == "2026-10-25T04:00+01:00");
    CHECK(closes->at - rome("2026-10-25T01:00") == std::chrono::hours(4));  // three wall-clock hours, four real ones
    CHECK(closes->at == Instant(std::chrono::sys_days(std::chrono::October / 25 / 2026)) + std::chrono::hours(3));  // 03:00 UTC
    // The wall clock decides: a span ending at 02:30 opens again when 02:00 comes round again.
    CHECK(state("Su 01:00-02:30", "2026-10-25T02:45+02:00") == Closed);
    CHECK(next("Su 01:00-02:30", "2026-10-25T02:45+02:00") == "2026-10-25T02:00+01:00");
}

TEST_CASE("Europe/Rome: offsets, wall clock and the tz database agree with the EU rule") {
    const TimeZone& zone = TimeZone::rome();
    CHECK(zone.utc_offset(rome("2026-01-15T12:00")) == std::chrono::hours(1));
    CHECK(zone.utc_offset(rome("2026-07-15T12:00")) == std::chrono::hours(2));
    CHECK(format_local_iso(rome("2026-03-29T02:30")) == "2026-03-29T03:30+02:00");  // the skipped hour
    CHECK(format_local_iso(rome("2026-10-25T02:30")) == "2026-10-25T02:30+02:00");  // the first of two
    CHECK(format_local_iso(rome("2026-06-24T17:00Z")) == "2026-06-24T19:00+02:00");
    const auto spring = zone.next_transition(rome("2026-01-01T00:00"));
    REQUIRE(spring);
    CHECK(format_local_iso(*spring) == "2026-03-29T03:00+02:00");
    const LocalTime l = zone.local(rome("2026-06-24T17:05"));
    CHECK(l.date == CivilDate{2026, 6, 24});
    CHECK(l.hour == 17);
    CHECK(l.minute == 5);
    CHECK(l.date.weekday() == 2);  // Wednesday
    CHECK_FALSE(parse_local_iso("2026-02-30T10:00"));
    CHECK_FALSE(parse_local_iso("tomorrow"));

    // The system's tzdata file and the rule it ends with, hour by hour across 30 years.
    const TimeZone from_file = TimeZone::from_file("/usr/share/zoneinfo/Europe/Rome");
    const TimeZone from_rule = TimeZone::from_rule("CET-1CEST,M3.5.0,M10.5.0/3");
    int differences = 0;
    const Instant end = rome("2030-01-01T00:00");
    for (Instant t = rome("2000-01-01T00:00"); t < end; t += std::chrono::hours(1))
        if (from_file.utc_offset(t) != from_rule.utc_offset(t)) ++differences;
    CHECK(differences == 0);
    CHECK(from_file.utc_offset(rome("2090-07-01T12:00")) == std::chrono::hours(2));  // past the file's table: its footer rule
    CHECK_THROWS_AS(TimeZone::from_file("/nonexistent/Europe/Rome"), TimeZoneError);
}

TEST_CASE("holidays: Italy's national holidays, Easter and Torino's San Giovanni") {
    CHECK(easter_sunday(2024) == CivilDate{2024, 3, 31});
    CHECK(easter_sunday(2025) == CivilDate{2025, 4, 20});
    CHECK(easter_sunday(2026) == CivilDate{2026, 4, 5});
    CHECK(easter_sunday(2027) == CivilDate{2027, 3, 28});
    CHECK(easter_sunday(2038) == CivilDate{2038, 4, 25});
    CHECK(is_public_holiday(2026, 4, 6));   // Easter Monday
    CHECK(is_public_holiday(2027, 3, 29));  // Easter Monday
    CHECK_FALSE(is_public_holiday(2026, 4, 7));
    for (const MonthDay d : std::initializer_list<MonthDay>{{1, 1}, {1, 6}, {4, 25}, {5, 1}, {6, 2}, {8, 15}, {11, 1}, {12, 8}, {12, 25}, {12, 26}, {6, 24}}) {
        INFO(d.month, "-", d.day);
        CHECK(is_public_holiday(2026, d.month, d.day));
    }
    CHECK_FALSE(is_public_holiday(2026, 6, 23));
    CHECK_FALSE(is_public_holiday(2026, 12, 24));
    CHECK(is_public_holiday(2027, 10, 4));  // San Francesco, national again from 2026 (law 151/2025)
    CHECK_FALSE(is_public_holiday(2025, 10, 4));
    const HolidayRegion milano{"Milano", {{12, 7}}};  // Sant'Ambrogio
    CHECK_FALSE(is_public_holiday(2026, 6, 24, milano));
    CHECK(is_public_holiday(2026, 12, 7, milano));
    CHECK(is_public_holiday(2026, 12, 25, milano));
}

TEST_CASE("opening hours: public holidays") {
    const char* hours = "Mo-Fr 09:00-17:00; PH off";
    CHECK(state(hours, "2026-04-06T10:00") == Closed);  // Easter Monday 2026
    CHECK(state(hours, "2026-04-07T10:00") == Open);
    CHECK(state(hours, "2027-03-29T10:00") == Closed);  // Easter Monday 2027
    CHECK(state(hours, "2027-03-30T10:00") == Open);
    CHECK(state(hours, "2026-06-24T10:00") == Closed);  // San Giovanni, Torino only
    CHECK(state(hours, "2026-06-23T10:00") == Open);
    CHECK(next(hours, "2026-06-23T18:00") == "2026-06-25T09:00+02:00");
    CHECK(state("Mo-Sa 09:00-13:00; PH off", "2026-04-25T10:00") == Closed);  // a Saturday
    CHECK(state("Mo-Sa 09:00-13:00; PH off", "2026-04-18T10:00") == Open);
    // Other hours on holidays.
    CHECK(state("Mo-Sa 09:00-19:00; PH 10:00-12:00", "2026-06-24T11:00") == Open);
    CHECK(state("Mo-Sa 09:00-19:00; PH 10:00-12:00", "2026-06-24T13:00") == Closed);
    CHECK(state("Mo-Sa 09:00-19:00; PH 10:00-12:00", "2026-06-23T13:00") == Open);
    // Weekdays or holidays, and holidays on weekdays only.
    CHECK(state("Mo-Fr,PH 10:00-12:00", "2026-11-01T11:00") == Open);  // All Saints' on a Sunday
    CHECK(state("Mo-Fr,PH 10:00-12:00", "2026-11-08T11:00") == Closed);
    CHECK(state("PH,Sa 10:00-12:00", "2026-06-24T11:00") == Open);
    CHECK(state("PH Mo-Fr 10:00-12:00", "2026-06-24T11:00") == Open);
    CHECK(state("PH Mo-Fr 10:00-12:00", "2026-11-01T11:00") == Closed);
    CHECK(state("PH Mo-Fr 10:00-12:00", "2026-06-23T11:00") == Closed);
    // Another city's holidays.
    const HolidayRegion elsewhere{"Elsewhere", {}};
    CHECK(OpeningHours(hours, TimeZone::rome(), elsewhere).at(rome("2026-06-24T10:00")).state == Open);
}

TEST_CASE("opening hours: comments, unknown hours and fallback rules") {
    // A comment without a state qualifies the hours: not plainly open (the reference library agrees).
    const OpeningHours appointment("Mo-Fr 10:00-12:00 \"by appointment\"");
    const auto s = appointment.at(rome("2026-06-22T11:00"));
    CHECK(s.state == Unknown);
    CHECK(s.comment() == "by appointment");
    REQUIRE(s.rule);
    CHECK(appointment.text_of(*s.rule) == "Mo-Fr 10:00-12:00 \"by appointment\"");
    CHECK(appointment.at(rome("2026-06-22T13:00")).comment().empty());
    CHECK(appointment.at(rome("2026-06-22T13:00")).state == Closed);
    CHECK(state("Mo-Fr 10:00-12:00 open \"ring twice\"", "2026-06-22T11:00") == Open);

    const auto only_comment = OpeningHours("\"by appointment\"").at(rome("2026-06-22T11:00"));
    CHECK(only_comment.state == Unknown);
    CHECK(only_comment.comment() == "by appointment");
    CHECK(state("Mo off \"inventory\"", "2026-06-22T11:00") == Closed);
    CHECK(OpeningHours("Mo off \"inventory\"").at(rome("2026-06-22T11:00")).comment() == "inventory");
    CHECK(state("Mo-Fr 09:00-17:00; We unknown \"ask at the desk\"", "2026-06-24T10:00") == Unknown);

    // `||` covers what the rules before it leave closed.
    const char* fallback = "Mo-Fr 09:00-17:00 || \"call first\"";
    CHECK(state(fallback, "2026-06-22T10:00") == Open);
    CHECK(state(fallback, "2026-06-27T10:00") == Unknown);
    CHECK(OpeningHours(fallback).at(rome("2026-06-27T10:00")).comment() == "call first");
    CHECK(state(fallback, "2026-06-22T18:00") == Unknown);
    // What the rules before it close, `off` included, is what it covers.
    CHECK(state("Mo-Fr 09:00-17:00; Sa off || \"call first\"", "2026-06-27T10:00") == Unknown);
    CHECK(state("Mo-Fr 09:00-17:00; We unknown || Mo-Su 08:00-20:00", "2026-06-24T10:00") == Unknown);

    // No hours at all: not known, and no change to announce.
    const OpeningHours none("");
    CHECK(none.at(rome("2026-06-22T10:00")).state == Unknown);
    CHECK_FALSE(none.at(rome("2026-06-22T10:00")).rule);
    CHECK_FALSE(none.next_change(rome("2026-06-22T10:00")));
}

TEST_CASE("opening hours: what people write is read, rule by rule") {
    for (const char* text : {"Mo-Fr 09:00-17:00", "Mo-Fr 08:30-12:30,14:00-18:00; Sa 09:00-12:00; PH off", "24/7",
                             "Mo-Su 10:00-02:00", "Mo-Fr 09:00-17:00;", "Mo-Fr 9:00-17:00", "Mo-Fr 09:00 - 17:00",
                             "Jan-Mar,Nov-Dec Mo-Fr 09:00-12:00", "Dec 24-26,31 off", "Mo-Fr 09:00-17:00 open \"ring twice\"",
                             "Tu-Sa 10:00-18:00 || unknown", "Mo-Fr 00:00-24:00", "Sa 10:00-10:00", ""}) {
        INFO(text);
        CHECK_FALSE(check_opening_hours(text));
    }
    const auto rules = parse_opening_hours("Mo-Fr 09:00-17:00; Sa 10:00-12:00, Su 11:00-12:00 || \"call\"");
    REQUIRE(rules.size() == 4);
    CHECK(rules[0].joined == HoursRule::Joined::Normal);
    CHECK(rules[1].joined == HoursRule::Joined::Normal);
    CHECK(rules[2].joined == HoursRule::Joined::Additional);
    CHECK(rules[3].joined == HoursRule::Joined::Fallback);
    CHECK(rules[0].weekdays == 0b0011111);
    CHECK(rules[0].times.size() == 1);
    CHECK(rules[0].times[0].from == 9 * 60);
    CHECK(rules[0].times[0].to == 17 * 60);
    CHECK(parse_opening_hours("Sa 10:00-10:00")[0].times[0].to == 34 * 60);  // equal times: a full day
}

TEST_CASE("opening hours: mistakes are refused at their position with a fix") {
    struct Case {
        const char* text;
        size_t offset;
        const char* problem;
    };
    for (const Case c : {
             Case{"Mo-Fr 9-17", 6, "expected a time like 09:00 after \"Mo-Fr \""},
             Case{"Mo-Fr 09:60-17:00", 6, "\"09:60\" is not an opening time"},
             Case{"Mo-Fr 09:00-49:00", 12, "\"49:00\" is not a closing time"},
             Case{"Mo-Fr 09:00", 11, "expected \"-\" and a closing time"},
             Case{"Lu-Ve 09:00-12:00", 0, "\"Lu\" is not a day, a month or a keyword"},
             Case{"Mon-Fri 09:00-17:00", 0, "\"Mon\" is not a day"},
             Case{"January 10:00-12:00", 0, "\"January\" is not a month"},
             Case{"Mo-Fr 09:00-17:00 Sa 09:00-12:00", 18, "\"Sa\" starts a new rule"},
             Case{"Mo-Fr 09:00-12:00 14:00-18:00", 18, "a time span follows another without a comma"},
             Case{"Mo-Fr 09:00-17:00 \"by appointment", 18, "the comment opened with \" is never closed"},
             Case{"Feb 30 off", 4, "Feb has no day 30"},
             Case{"Dec 20-Jan off", 11, "expected a day of the month after \"Dec 20-Jan"},
             Case{"Mo-Fr 18:00+", 11, "an open end"},
             Case{"Mo-Fr sunrise-sunset", 6, "sunrise and sunset are not supported"},
             Case{"SH off", 0, "school holidays (SH) are not supported"},
             Case{"Mo-Fr 09:00-12:00; 2027 off", 19, "a year without a month and day"},
             Case{"2026-2027 Mo 09:00-12:00", 0, "a year without a month and day"},
             Case{"week 54 off", 5, "expected a week number from 01 to 53"},
             Case{"week 10-02 off", 8, "the weeks run backwards"},
             Case{"week 02-52/1 Fr 09:00-12:00", 11, "expected how many weeks apart, from 2 to 26"},
             Case{"week Mo 09:00-12:00", 5, "expected a week number"},
             Case{"Mo-Fr week 01 off", 6, "week numbers come before the days"},
             Case{"Mo[6] 10:00-12:00", 3, "expected a week of the month from 1 to 5, or -1 to -5"},
             Case{"Mo[0] 10:00-12:00", 3, "expected a week of the month from 1 to 5"},
             Case{"Mo[3-1] 10:00-12:00", 5, "a range of weeks must count up"},
             Case{"Mo[1 10:00-12:00", 4, "expected ] after the weeks of the month"},
             Case{"Sa[1] +1 day 10:00-12:00", 6, "a day offset after the weeks of the month"},
             Case{"Mo-Fr 09:00-17:00;; Sa off", 18, "a rule is missing after \";\""},
             Case{"Mo-Fr 09:00-17:00,", 18, "a rule is missing after \",\""},
             Case{"Mo-Fr 09:00-17:00 & Sa", 18, "unexpected \"&\""},
             // Italian names and a word processor's typography, named for what they are (issue 21).
             Case{"Lun-Ven 09:00-17:00", 0, "\"Lun\" is Italian for Mo"},
             Case{"luned\u00EC-venerd\u00EC 09:00-17:00", 0, "\"luned\u00EC\" is Italian for Mo"},
             Case{"Mo-Fr 09:00-17:00; Dom off", 19, "\"Dom\" is Italian for Su"},
             Case{"gennaio 10:00-12:00", 0, "\"gennaio\" is Italian for Jan"},
             Case{"Mo-Fr 09:00-17:00; festivi off", 19, "\"festivi\" is Italian for public holidays"},
             Case{"Mo-Fr 09:00-17:00; Su chiuso", 22, "\"chiuso\" is Italian for closed"},
             Case{"Mo-Fr 09:00\u201317:00", 11, "en dash"},
             Case{"Mo\u2013Fr 09:00-17:00", 2, "en dash"},
             Case{"Mo-Fr 09:00-17:00 \u201Csu appuntamento\u201D", 18, "curly quote"},
             Case{"Mo-Fr\u00A009:00-17:00", 5, "no-break space"},
         }) {
        INFO(c.text);
        const auto e = check_opening_hours(c.text);
        REQUIRE(e);
        CHECK(e->offset == c.offset);
        CHECK(e->column == int(c.offset) + 1);
        CHECK(e->problem.find(c.problem) != std::string::npos);
        CHECK_FALSE(e->fix.empty());
        CHECK(std::string(e->what()).starts_with("position " + std::to_string(c.offset) + ": "));
        CHECK_THROWS_AS(OpeningHours{c.text}, OpeningHoursError);
    }
    const auto e = check_opening_hours("Mo-Fr 9-17");
    REQUIRE(e);
    CHECK(std::string(e->what()) == "position 6: expected a time like 09:00 after \"Mo-Fr \". Fix: write hours as HH:MM-HH:MM, e.g. 09:00-17:00");
    CHECK(e->explain() == "cannot be read at position 6: expected a time like 09:00 after \"Mo-Fr \"");
    const auto lun = check_opening_hours("Lun-Ven 09:00-17:00");
    REQUIRE(lun);
    CHECK(lun->fix.starts_with("write Mo (lun Mo, mar Tu, mer We, gio Th, ven Fr, sab Sa, dom Su)"));
    const auto dash = check_opening_hours("Mo-Fr 09:00\u201317:00");
    REQUIRE(dash);
    CHECK(dash->fix == "type a plain hyphen -, e.g. Mo-Fr 09:00-17:00");
    CHECK_FALSE(check_opening_hours("Mo-Fr 09:00-17:00 \"su appuntamento \u2013 chiamare prima\""));  // a remark may have any dash
    // Positions count bytes, columns count characters.
    const std::string utf8 = "Mo-Fr 09:00-17:00 \"caffè chiuso\"; Sa 9-12";
    const auto u = check_opening_hours(utf8);
    REQUIRE(u);
    CHECK(u->offset == utf8.find("9-12"));
    CHECK(u->column == int(u->offset));  // è is two bytes and one character
}

TEST_CASE("the source check refuses a place whose opening hours cannot be read") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "places.csv", "Mo-Fr 09:00-17:00", "Mo-Fr 9-17");
    Diagnostics d;
    load_source(src, d);
    const auto e = std::find_if(d.all().begin(), d.all().end(), [](const Diagnostic& item) {
        return item.severity == Diagnostic::Severity::Error && item.file == "places.csv";
    });
    REQUIRE(e != d.all().end());
    CHECK(e->line == 2);
    CHECK(e->item == "place \"rednova-call-center\"");
    CHECK(e->problem == "opening hours \"Mo-Fr 9-17\" cannot be read at position 6: expected a time like 09:00 after \"Mo-Fr \"");
    CHECK(e->fix == "write hours as HH:MM-HH:MM, e.g. 09:00-17:00");

    const auto r = test::run(kBundleTool + " build " + src.string() + " -o " + (dir / "out.kbundle").string());
    CHECK(r.status == 1);
    CHECK(r.output.find("places.csv:2: error: place \"rednova-call-center\": opening hours \"Mo-Fr 9-17\" cannot be read at "
                        "position 6: expected a time like 09:00 after \"Mo-Fr \". Fix: write hours as HH:MM-HH:MM") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.kbundle"));
}
