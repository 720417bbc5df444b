#pragma once
// OpenStreetMap `opening_hours` (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification):
// the part of the syntax places really use, parsed into rules and evaluated in Europe/Rome time.
//
//   Mo-Fr 08:30-12:30,14:00-18:00; Sa 09:00-12:00     days, several spans a day
//   Fr-Sa 22:00-02:00                                  past midnight: 00:00-02:00 is Saturday's and Sunday's
//   24/7; Dec 25 off                                   a later rule overrides earlier ones on the days it names
//   Oct-Mar Mo-Fr 09:00-12:00; Dec 20-Jan 06 off       months and dates, wrapping the year end too
//   Mo-Fr,PH 10:00-12:00; PH off                       public holidays (holidays.hpp)
//   Sa[1] 09:00-12:00; Mo[-1] off                      the first Saturday, the last Monday of each month
//   week 02-52/2 Fr 09:00-12:00                        ISO 8601 week numbers: every other Friday
//   Mo-Fr 09:00-17:00, We 19:00-21:00                  `,` adds to a day instead of overriding it
//   Mo 10:00-12:00 open "ring twice" || "call first"  comments; `||` fills the times left closed
//   Mo 10:00-12:00 "by appointment"                    a comment without `open` makes the times unknown
//
// Evaluation paints each day minute by minute with the rules in order (see opening_hours.cpp).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "content/hours/civil_time.hpp"
#include "content/hours/holidays.hpp"
#include "content/hours/time_zone.hpp"

namespace content {

enum class OpenState { Closed, Open, Unknown };
std::string_view to_string(OpenState state);  // "closed", "open", "unknown"

/// A text that is not opening hours: where (0-based byte offset, 1-based column in characters),
/// what is wrong and how to write it instead.
struct OpeningHoursError : std::runtime_error {
    OpeningHoursError(std::size_t offset, int column, std::string problem, std::string fix);
    std::size_t offset;
    int column;
    std::string problem;
    std::string fix;
    /// "cannot be read at position 6: expected …", for an error line that names the text first.
    std::string explain() const;
};

struct HoursRule {
    // How the rule joins the ones before it: `;` overrides them on the days it names, `,` adds
    // to them, `||` applies only at the times the earlier rules leave closed.
    enum class Joined { Normal, Additional, Fallback };
    struct DateRange {  // inclusive; year 0 means every year
        int from_year = 0, from_month = 1, from_day = 1;
        int to_year = 0, to_month = 12, to_day = 31;
    };
    struct TimeSpan {  // minutes after the day's midnight; `to` past 1440 runs into the next day
        int from, to;
    };

    // Weekdays of some weeks of the month only: `Sa[1]` the first Saturday, `Mo[-1]` the last
    // Monday, `We[1,3]`, `Th[2-4]`.
    struct NthWeekdays {
        std::uint8_t weekdays = 0;  // as `weekdays` below
        std::uint16_t nth = 0;      // bit n-1: the nth in the month (1-5); bit 4+k: the kth from its end (-1 to -5)
    };

    Joined joined = Joined::Normal;
    bool all_week_all_day = false;  // 24/7
    std::vector<DateRange> dates;   // empty: every date
    std::uint64_t weeks = 0;        // bit w: ISO 8601 week w (1-53) of its year; 0: every week
    std::uint8_t weekdays = 0;      // bit 0 = Monday … bit 6 = Sunday; none, no nth and no PH: every day
    std::vector<NthWeekdays> nth_weekdays;
    bool public_holidays = false;   // PH
    bool holidays_on_weekdays = false;  // `PH Mo-Fr`: holidays that fall on those weekdays only
    std::vector<TimeSpan> times;    // empty: the whole day
    OpenState state = OpenState::Open;
    std::string comment;            // without its quotes
    std::size_t offset = 0, length = 0;  // where the rule is in the text

    /// Whether the rule names this day (its dates, weekdays and holidays, not its times).
    bool names(const CivilDate& day, const HolidayRegion& region) const;
    bool runs_past_midnight() const;
};

/// The state at some moment, and the rule that decides it (none when no rule covers it; it
/// points into the OpeningHours it came from). The comment is a copy: it outlives both.
struct HoursStatus {
    OpenState state = OpenState::Unknown;
    const HoursRule* rule = nullptr;
    std::string comment_text;
    std::string_view comment() const { return comment_text; }
};

struct HoursChange {
    Instant at;
    OpenState state;  // from then on
};

class OpeningHours {
public:
    /// Parses `text`; throws OpeningHoursError. An empty text means the hours are not known:
    /// the state is always Unknown. The zone and region must outlive the object.
    explicit OpeningHours(std::string_view text, const TimeZone& zone = TimeZone::rome(),
                          const HolidayRegion& region = torino());

    const std::string& text() const { return text_; }
    const std::vector<HoursRule>& rules() const { return rules_; }
    /// The text of one rule, as written.
    std::string_view text_of(const HoursRule& rule) const;

    /// At a wall-clock minute (no time zone involved).
    HoursStatus at(const CivilDate& date, int minute_of_day) const;
    /// At an instant, read on the zone's clock.
    HoursStatus at(Instant t) const;
    /// The minutes of a wall-clock day in a state (open unless told), as [from, to) spans in
    /// minutes of the day.
    std::vector<std::pair<int, int>> open_spans(const CivilDate& date, OpenState state = OpenState::Open) const;
    /// The first instant after `t` at which the state changes, searched up to `horizon` ahead;
    /// none when it does not change (24/7, never open, not known).
    std::optional<HoursChange> next_change(Instant t, std::chrono::days horizon = std::chrono::days(400)) const;

private:
    std::string text_;
    std::vector<HoursRule> rules_;
    const TimeZone* zone_;
    const HolidayRegion* region_;
};

/// The rules of an opening_hours text; throws OpeningHoursError (opening_hours_parser.cpp).
std::vector<HoursRule> parse_opening_hours(std::string_view text);

/// Why `text` is not valid opening hours; nothing when it is (an empty text is valid).
std::optional<OpeningHoursError> check_opening_hours(std::string_view text);

}  // namespace content
