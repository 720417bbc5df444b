#include "content/text/locale_format.hpp"

#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/measunit.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/smpdtfmt.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "content/hours/dates.hpp"

namespace content {

namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

icu::UnicodeString unicode(std::string_view s) { return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))); }

// English as written in Europe ("Tuesday 1 December", not the US "Tuesday, December 1"); every
// language with the Gregorian calendar, which Persian and Amharic do not default to.
icu::Locale icu_locale(std::string_view lang) {
    const std::string base = lang == "en" ? "en_150" : std::string(lang);
    return icu::Locale((base + "@calendar=gregorian").c_str());
}

// The kiosk's dates are wall-calendar days, formatted as midnight UTC of that day.
UDate udate(const CivilDate& d, int minute_of_day = 0) {
    return static_cast<UDate>(d.days().time_since_epoch().count()) * 86400000.0 + minute_of_day * 60000.0;
}

std::unique_ptr<icu::SimpleDateFormat> date_format(const icu::Locale& locale, const icu::UnicodeString& pattern, UDisplayContext capitalization) {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_FAILURE(status)) return nullptr;
    f->adoptTimeZone(icu::TimeZone::createTimeZone("Etc/UTC"));
    f->setContext(capitalization, status);
    return f;
}

// The locale's own order and punctuation for the fields of `skeleton` ("Hm" gives "HH:mm" in
// Italian, "H:mm" in Persian).
// `at` formatted by `f`, or `fallback` when ICU could not make the formatter.
std::string format(const icu::SimpleDateFormat* f, UDate at, const std::string& fallback) {
    if (!f) return fallback;
    icu::UnicodeString out;
    f->format(at, out);
    return utf8(out);
}

icu::UnicodeString best_pattern(icu::DateTimePatternGenerator& patterns, const char* skeleton) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString pattern = patterns.getBestPattern(skeleton, status);
    return U_SUCCESS(status) ? pattern : icu::UnicodeString(skeleton);
}

}  // namespace

struct LocaleFormat::Formatters {
    icu::Locale locale;
    std::unique_ptr<icu::SimpleDateFormat> time, end_of_day;
    std::unique_ptr<icu::SimpleDateFormat> weekday[2], date[2], dated_year[2];  // by Placement
};

LocaleFormat::LocaleFormat(std::string_view lang) : lang_(lang), f_(std::make_unique<Formatters>()) {
    f_->locale = icu_locale(lang);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateTimePatternGenerator> patterns(icu::DateTimePatternGenerator::createInstance(f_->locale, status));
    if (U_FAILURE(status)) return;  // every format below then falls back to plain digits
    const UDisplayContext start = UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE, middle = UDISPCTX_CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE;
    icu::UnicodeString clock = best_pattern(*patterns, "Hm");
    f_->time = date_format(f_->locale, clock, middle);
    // The same with the hour counted 1–24, so the end of a day reads "24:00".
    f_->end_of_day = date_format(f_->locale, clock.findAndReplace("H", "k"), middle);
    for (int p = 0; p < 2; ++p) {
        const UDisplayContext c = p == 0 ? start : middle;
        f_->weekday[p] = date_format(f_->locale, best_pattern(*patterns, "EEEE"), c);
        f_->date[p] = date_format(f_->locale, best_pattern(*patterns, "EEEEdMMMM"), c);
        f_->dated_year[p] = date_format(f_->locale, best_pattern(*patterns, "yEEEEdMMMM"), c);
    }
}

LocaleFormat::~LocaleFormat() = default;

std::string LocaleFormat::time(int minute_of_day) const {
    const bool end = minute_of_day == 24 * 60;
    const std::lock_guard lock(mutex_);
    return format(end ? f_->end_of_day.get() : f_->time.get(), udate(CivilDate{}, end ? 0 : minute_of_day), format_clock(minute_of_day));
}

std::string LocaleFormat::weekday(int weekday, Placement placement) const {
    const CivilDate monday{1970, 1, 5};
    const std::lock_guard lock(mutex_);
    return format(f_->weekday[placement == Placement::StartOfLine ? 0 : 1].get(), udate(monday.plus_days(weekday)), std::to_string(weekday + 1));
}

std::string LocaleFormat::date(const CivilDate& date, Placement placement, bool with_year) const {
    const int p = placement == Placement::StartOfLine ? 0 : 1;
    const std::lock_guard lock(mutex_);
    return format((with_year ? f_->dated_year[p] : f_->date[p]).get(), udate(date), format_date(date));
}

std::string LocaleFormat::integer(long n) const {
    UErrorCode status = U_ZERO_ERROR;
    const std::string out = utf8(icu::number::NumberFormatter::withLocale(f_->locale).grouping(UNUM_GROUPING_OFF).formatInt(n, status).toString(status));
    return U_SUCCESS(status) ? out : std::to_string(n);
}

std::string LocaleFormat::distance(double metres) const { return distance(metres, false); }

std::string LocaleFormat::spoken_distance(double metres) const { return distance(metres, true); }

std::string LocaleFormat::distance(double metres, bool unit_in_full) const {
    namespace number = icu::number;
    UErrorCode status = U_ZERO_ERROR;
    const bool near = metres < 950;
    const double value = near ? std::max(50.0, std::round(metres / 50) * 50) : metres / 1000;
    const auto formatter = number::NumberFormatter::withLocale(f_->locale)
                               .unit(near ? icu::MeasureUnit::getMeter() : icu::MeasureUnit::getKilometer())
                               .unitWidth(unit_in_full ? UNUM_UNIT_WIDTH_FULL_NAME : UNUM_UNIT_WIDTH_SHORT)
                               .precision(near ? number::Precision::integer() : number::Precision::fixedFraction(1));
    const std::string out = utf8(formatter.formatDouble(value, status).toString(status));
    return U_SUCCESS(status) ? out : std::to_string(static_cast<long>(value)) + (near ? " m" : " km");
}

std::string LocaleFormat::count_message(const std::string& pattern, const std::string& name, long count) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat message(unicode(pattern), f_->locale, status);
    const icu::UnicodeString names[] = {unicode(name)};
    const icu::Formattable values[] = {icu::Formattable(static_cast<int32_t>(count))};
    icu::UnicodeString out;
    message.format(names, values, 1, out, status);
    return U_SUCCESS(status) ? utf8(out) : pattern;
}

std::string LocaleFormat::specimen() const {
    std::string out = integer(1234567890) + " " + time(23 * 60 + 59) + " " + time(24 * 60) + " " + distance(350) + " " + distance(1234);
    for (int weekday_ = 0; weekday_ < 7; ++weekday_)
        for (const auto p : {Placement::StartOfLine, Placement::InSentence}) out += " " + weekday(weekday_, p);
    for (int month = 1; month <= 12; ++month)
        for (const auto p : {Placement::StartOfLine, Placement::InSentence}) out += " " + date(CivilDate{2026, month, 28}, p, true);
    return out;
}

const LocaleFormat& locale_format(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<LocaleFormat>, std::less<>> made;
    const std::lock_guard lock(mutex);
    auto it = made.find(lang);
    if (it == made.end()) it = made.emplace(std::string(lang), std::make_unique<LocaleFormat>(lang)).first;
    return *it->second;
}

std::optional<std::string> count_message_problem(const std::string& pattern, const std::string& name, std::string_view lang) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    icu::MessagePattern parsed(unicode(pattern), &where, status);
    if (U_FAILURE(status))
        return "it is not a valid counted message (" + std::string(u_errorName(status)) + " at character " + std::to_string(where.offset) + ")";
    // The forms each plural argument gives.
    std::vector<std::set<std::string>> given;
    for (int i = 0; i < parsed.countParts(); ++i) {
        const auto& part = parsed.getPart(i);
        if (part.getType() == UMSGPAT_PART_TYPE_ARG_START && part.getArgType() == UMSGPAT_ARG_TYPE_PLURAL) given.emplace_back();
        else if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME && utf8(parsed.getSubstring(part)) != name)
            return "it counts {" + utf8(parsed.getSubstring(part)) + "}, which the kiosk does not give; the number is {" + name + "}";
        else if (part.getType() == UMSGPAT_PART_TYPE_ARG_SELECTOR && !given.empty()) given.back().insert(utf8(parsed.getSubstring(part)));
    }
    if (given.empty()) return "it has no {" + name + ", plural, …} part, so the words cannot follow the number";
    // The forms the language needs for the counts a kiosk shows (0 to 1000): Italian's "many",
    // used only for millions, is not asked for.
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu_locale(lang), status));
    std::set<std::string> needed{"other"};
    if (U_SUCCESS(status))
        for (int n = 0; n <= 1000; ++n) needed.insert(utf8(rules->select(static_cast<int32_t>(n))));
    for (const auto& forms : given)
        for (const auto& form : needed)
            if (!forms.contains(form)) {
                std::string all;
                for (const auto& f : needed) all += (all.empty() ? "" : ", ") + f;
                return "the plural form `" + form + "` is missing; this language needs " + all;
            }
    return std::nullopt;
}

}  // namespace content
