#include "content/hours/opening_hours_words.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace content::hours_words {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kFullWeekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 12> kFullMonths{"january", "february", "march",     "april",   "may",      "june",
                                                       "july",    "august",   "september", "october", "november", "december"};

template <size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view word) {
    for (size_t i = 0; i < N; ++i)
        if (same(names[i], word)) return int(i);
    return -1;
}

// Whether `word` is a longer English name than the short one OSM uses: Mon, Tues, Monday, Sept.
template <size_t N>
bool longer_name_in(const std::array<std::string_view, N>& full_names, std::string_view word, size_t short_length) {
    return word.size() > short_length && std::any_of(full_names.begin(), full_names.end(), [&](std::string_view full) {
               return word.size() <= full.size() && same(full.substr(0, word.size()), word);
           });
}

}  // namespace

const char* const kGeneralFix =
    "write days as Mo Tu We Th Fr Sa Su, months as Jan Feb … Dec, hours as 09:00-17:00, PH for public holidays, "
    "off for closed and remarks in \"double quotes\"";

bool same(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

int weekday(std::string_view word) { return index_of(kWeekdays, word); }
int month(std::string_view word) { return index_of(kMonths, word) + 1; }
std::string_view month_name(int month) { return kMonths[size_t(month - 1)]; }

Advice about_unknown(std::string_view word) {
    const std::string quoted = "\"" + std::string(word) + "\"";
    for (const char* event : {"sunrise", "sunset", "dawn", "dusk"})
        if (same(word, event)) return {"times of sunrise and sunset are not supported by the kiosk", "write clock times, e.g. 07:00-20:00"};
    if (same(word, "week")) return {"week numbers are not supported by the kiosk", "write months and dates instead, e.g. Jan 10-Feb 20"};
    if (same(word, "easter"))
        return {"easter as a date is not supported by the kiosk", "PH already covers Easter Monday; write other days as dates, e.g. Apr 05"};
    if (longer_name_in(kFullWeekdays, word, 2)) return {quoted + " is not a day", "write days with two letters: Mo Tu We Th Fr Sa Su"};
    if (longer_name_in(kFullMonths, word, 3))
        return {quoted + " is not a month", "write months with three letters: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"};
    return {quoted + " is not a day, a month or a keyword", kGeneralFix};
}

}  // namespace content::hours_words
