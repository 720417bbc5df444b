#pragma once
// Times, dates, day names, distances and counted phrases as each language writes them, from
// ICU's CLDR data rather than hand-written day and month names in every strings.txt: "2,1 km"
// in Italian, "۹:۰۰" in Persian, "৯:০০" in Bengali, "1 секунда / 2 секунды / 5 секунд" in
// Russian. Dates are Gregorian in every language: they are the dates of Italian offices.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "content/hours/civil_time.hpp"

namespace content {

/// Where a formatted word stands, for languages that capitalise a day name only at the start
/// ("Martedì 1 dicembre" in a header, "apre martedì" inside a sentence).
enum class Placement { StartOfLine, InSentence };

class LocaleFormat {
public:
    /// For an ISO 639 code as languages.csv has it; ICU falls back to its root data for a
    /// language it does not know, so this never fails.
    explicit LocaleFormat(std::string_view lang);
    ~LocaleFormat();
    LocaleFormat(const LocaleFormat&) = delete;
    LocaleFormat& operator=(const LocaleFormat&) = delete;

    /// The 24-hour clock reading of a minute of the day ("09:05"); 1440, the end of a day, is "24:00".
    std::string time(int minute_of_day) const;
    /// A weekday's full name, 0 = Monday … 6 = Sunday.
    std::string weekday(int weekday, Placement placement) const;
    /// A day with its weekday and month: "martedì 1 dicembre", or "martedì 1 dicembre 2026" `with_year`.
    std::string date(const CivilDate& date, Placement placement, bool with_year = false) const;
    /// A whole number in the language's digits ("15", "۱۵", "১৫").
    std::string integer(long n) const;
    /// A walking distance, rounded as a walker needs it: "350 m" up to 950 m (never under 50),
    /// then kilometres with one decimal ("1,2 km").
    std::string distance(double metres) const;
    /// The same distance with its unit's full name, as a voice says it ("1.3 kilometres"): a
    /// voice reads "km" as two letters.
    std::string spoken_distance(double metres) const;
    /// An ICU message with one number argument, `{name, plural, one {# second} other {# seconds}}`,
    /// for `count`; the pattern as written when it is not a valid message.
    std::string count_message(const std::string& pattern, const std::string& name, long count) const;

    /// Every kind of text the formats above write: each weekday and month name, every digit, the
    /// separators and units. The bundle's fonts are cut to include it.
    std::string specimen() const;

private:
    std::string distance(double metres, bool unit_in_full) const;
    struct Formatters;
    std::string lang_;
    mutable std::mutex mutex_;  // ICU's formatters are not safe to share between threads
    std::unique_ptr<Formatters> f_;
};

/// The formatter of `lang`, made once and kept: ICU takes milliseconds to load a locale.
const LocaleFormat& locale_format(std::string_view lang);

/// What is wrong with `pattern` as a message counting `name` in `lang`: not valid ICU syntax, no
/// `{name, plural, …}`, another argument, or a plural form the language needs missing (`few`
/// in Russian); none when it is good.
std::optional<std::string> count_message_problem(const std::string& pattern, const std::string& name, std::string_view lang);

}  // namespace content
