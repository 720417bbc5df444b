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

// Italian names, as Torino's content managers write them first: lun or lunedì for Mo, matched on
// at least three letters. "mar" (martedì) is Mar, March, to the parser, so it never comes here.
struct ItalianName {
    std::string_view name, english;
};
constexpr std::array<ItalianName, 7> kItalianWeekdays{{{"lunedi", "Mo"}, {"martedi", "Tu"}, {"mercoledi", "We"}, {"giovedi", "Th"},
                                                       {"venerdi", "Fr"}, {"sabato", "Sa"}, {"domenica", "Su"}}};
constexpr std::array<ItalianName, 12> kItalianMonths{{{"gennaio", "Jan"}, {"febbraio", "Feb"}, {"marzo", "Mar"}, {"aprile", "Apr"},
                                                      {"maggio", "May"}, {"giugno", "Jun"}, {"luglio", "Jul"}, {"agosto", "Aug"},
                                                      {"settembre", "Sep"}, {"ottobre", "Oct"}, {"novembre", "Nov"}, {"dicembre", "Dec"}}};

// The word with Italian accented vowels as plain ones: lunedì, LUNEDÌ and lunedi are one word.
std::string without_accents(std::string_view word) {
    static constexpr std::pair<std::string_view, char> kAccents[] = {
        {"\u00E0", 'a'}, {"\u00E8", 'e'}, {"\u00E9", 'e'}, {"\u00EC", 'i'}, {"\u00F2", 'o'}, {"\u00F9", 'u'},
        {"\u00C0", 'a'}, {"\u00C8", 'e'}, {"\u00C9", 'e'}, {"\u00CC", 'i'}, {"\u00D2", 'o'}, {"\u00D9", 'u'}};
    std::string out;
    for (size_t i = 0; i < word.size();) {
        bool replaced = false;
        for (const auto& [accented, plain] : kAccents)
            if (word.substr(i, accented.size()) == accented) {
                out += plain;
                i += accented.size();
                replaced = true;
                break;
            }
        if (!replaced) out += word[i++];
    }
    return out;
}

template <size_t N>
const ItalianName* italian(const std::array<ItalianName, N>& names, std::string_view accented) {
    const std::string word = without_accents(accented);
    if (word.size() < 3) return nullptr;
    for (const auto& n : names)
        if (word.size() <= n.name.size() && same(n.name.substr(0, word.size()), word)) return &n;
    return nullptr;
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
    if (same(word, "week")) return {"week numbers come before the days", "write the week first, e.g. week 01-10 Mo-Fr 09:00-12:00"};
    if (same(word, "easter"))
        return {"easter as a date is not supported by the kiosk", "PH already covers Easter Monday; write other days as dates, e.g. Apr 05"};
    if (const auto* day = italian(kItalianWeekdays, word))
        return {quoted + " is Italian for " + std::string(day->english) + ": opening hours are written with English day names",
                "write " + std::string(day->english) + " (lun Mo, mar Tu, mer We, gio Th, ven Fr, sab Sa, dom Su), e.g. Mo-Fr 09:00-17:00"};
    if (const auto* month = italian(kItalianMonths, word))
        return {quoted + " is Italian for " + std::string(month->english) + ": opening hours are written with English month names",
                "write " + std::string(month->english) + " (gen Jan, mag May, giu Jun, lug Jul, ago Aug, set Sep, ott Oct, dic Dec), e.g. Dec 24 off"};
    if (same(word, "festivi") || same(word, "festivo"))
        return {quoted + " is Italian for public holidays", "write PH, e.g. PH off"};
    if (same(word, "chiuso") || same(word, "chiusa")) return {quoted + " is Italian for closed", "write off, e.g. Su off"};
    if (same(word, "aperto") || same(word, "aperta")) return {quoted + " is Italian for open", "write the hours, e.g. Mo-Fr 09:00-17:00"};
    if (longer_name_in(kFullWeekdays, word, 2)) return {quoted + " is not a day", "write days with two letters: Mo Tu We Th Fr Sa Su"};
    if (longer_name_in(kFullMonths, word, 3))
        return {quoted + " is not a month", "write months with three letters: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"};
    return {quoted + " is not a day, a month or a keyword", kGeneralFix};
}

}  // namespace content::hours_words
