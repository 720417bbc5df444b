#include "kiosk/words/hours_text.hpp"

#include <algorithm>

#include "content/hours/time_zone.hpp"
#include "content/text/locale_format.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

namespace {

std::string clock_time(const std::string& lang, int minute_of_day) { return content::locale_format(lang).time(minute_of_day); }

std::string day_name(const std::string& lang, const content::CivilDate& date, content::Placement placement) {
    return content::locale_format(lang).weekday(date.weekday(), placement);
}

// "09:00–12:30, 14:00–17:00", isolated; "hours not known" for a day with no open time but some
// not known (`Sa unknown`, `Sa 10:00-12:00 "by appointment"`); or the language's "closed".
std::string spans_text(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                       const content::CivilDate& date) {
    std::string spans;
    for (const auto& [from, to] : hours.open_spans(date)) spans += (spans.empty() ? "" : ", ") + clock_time(lang, from) + "–" + clock_time(lang, to);
    if (!spans.empty()) return isolated(spans);
    if (!hours.open_spans(date, content::OpenState::Unknown).empty()) return say(bundle, "place.hours_unknown", lang);
    return say(bundle, "hours.closed_all_day", lang);
}

bool mentions_public_holidays(const content::OpeningHours& hours) {
    return std::any_of(hours.rules().begin(), hours.rules().end(), [](const content::HoursRule& r) { return r.public_holidays; });
}

}  // namespace

std::string hours_now(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                      content::Instant now) {
    const auto state = hours.at(now).state;
    if (state == content::OpenState::Unknown) return say(bundle, "place.hours_unknown", lang);
    const bool open = state == content::OpenState::Open;
    const auto change = hours.next_change(now, std::chrono::days(8));
    // Closed until hours that are not known (`Sa unknown`) is closed, not "opens at".
    if (!change || (!open && change->state != content::OpenState::Open)) return say(bundle, open ? "hours.open" : "hours.closed", lang);
    const auto here = content::TimeZone::rome().local(now), then = content::TimeZone::rome().local(change->at);
    const std::string time = isolated(clock_time(lang, then.minute_of_day()));
    if (open) return fill(say(bundle, "hours.open_until", lang), "{time}", time);
    const int days_ahead = static_cast<int>((then.date.days() - here.date.days()).count());
    if (days_ahead == 0) return fill(say(bundle, "hours.opens_today", lang), "{time}", time);
    if (days_ahead == 1) return fill(say(bundle, "hours.opens_tomorrow", lang), "{time}", time);
    return fill(fill(say(bundle, "hours.opens_day", lang), "{day}", day_name(lang, then.date, content::Placement::InSentence)), "{time}", time);
}

std::vector<std::string> hours_summary(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                       content::Instant now) {
    const content::CivilDate today = content::TimeZone::rome().local(now).date;
    const auto date_of = [&](int weekday) { return today.plus_days((weekday - static_cast<int>(today.weekday()) + 7) % 7); };
    std::vector<std::string> lines;
    for (int first = 0; first < 7;) {
        const std::string spans = spans_text(bundle, lang, hours, date_of(first));
        int last = first;
        while (last + 1 < 7 && spans_text(bundle, lang, hours, date_of(last + 1)) == spans) ++last;
        std::string days = day_name(lang, date_of(first), content::Placement::StartOfLine);
        if (last > first) days += "–" + day_name(lang, date_of(last), content::Placement::InSentence);
        lines.push_back(days + ": " + spans);
        first = last + 1;
    }
    return lines;
}

std::vector<std::string> hours_week(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                    content::Instant now) {
    std::vector<std::string> lines;
    const content::CivilDate today = content::TimeZone::rome().local(now).date;
    for (int d = 0; d < 7; ++d) {
        const content::CivilDate date = today.plus_days(d);
        lines.push_back(day_name(lang, date, content::Placement::StartOfLine) + ": " + spans_text(bundle, lang, hours, date));
    }
    return lines;
}

HoursNow place_hours_now(const content::Bundle& bundle, const std::string& lang, const std::string& opening_hours,
                         content::Instant now) {
    const HoursNow unknown{HoursState::Unknown, say(bundle, "place.hours_unknown", lang)};
    if (opening_hours.empty()) return unknown;
    try {  // the build refuses hours it cannot read; a bundle from elsewhere may still have some
        const content::OpeningHours hours(opening_hours);
        const auto state = hours.at(now).state;
        if (state == content::OpenState::Unknown) return unknown;
        if (content::is_public_holiday(content::TimeZone::rome().local(now).date) && !mentions_public_holidays(hours))
            return {HoursState::Unknown, say(bundle, "hours.holiday_today", lang)};
        return {state == content::OpenState::Open ? HoursState::Open : HoursState::Closed, hours_now(bundle, lang, hours, now)};
    } catch (const content::OpeningHoursError&) {
        return unknown;
    }
}

std::optional<std::string> holiday_caveat(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                          content::Instant now) {
    if (mentions_public_holidays(hours)) return std::nullopt;
    // Only for hours that open in the week ahead, the week the visitor plans.
    bool opens = false;
    const content::CivilDate today = content::TimeZone::rome().local(now).date;
    for (int d = 0; d < 7 && !opens; ++d) opens = !hours.open_spans(today.plus_days(d)).empty();
    if (!opens) return std::nullopt;
    return say(bundle, "hours.holidays_unknown", lang);
}

}  // namespace kiosk
