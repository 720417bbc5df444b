#include "kiosk/words/hours_text.hpp"

#include <cstdio>

#include "content/hours/time_zone.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

namespace {

std::string clock_time(int minute_of_day) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60 % 24 + (minute_of_day == 1440 ? 24 : 0), minute_of_day % 60);
    return text;
}

std::string day_name(const content::Bundle& bundle, const std::string& lang, const content::CivilDate& date) {
    return say(bundle, "day." + std::to_string(date.weekday() + 1), lang);
}

}  // namespace

std::string hours_now(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                      content::Instant now) {
    const bool open = hours.at(now).state == content::OpenState::Open;
    const auto change = hours.next_change(now, std::chrono::days(8));
    if (!change) return say(bundle, open ? "hours.open" : "hours.closed", lang);
    const auto here = content::TimeZone::rome().local(now), then = content::TimeZone::rome().local(change->at);
    const std::string time = clock_time(then.minute_of_day());
    if (open) return fill(say(bundle, "hours.open_until", lang), "{time}", time);
    const int days_ahead = static_cast<int>((then.date.days() - here.date.days()).count());
    if (days_ahead == 0) return fill(say(bundle, "hours.opens_today", lang), "{time}", time);
    if (days_ahead == 1) return fill(say(bundle, "hours.opens_tomorrow", lang), "{time}", time);
    return fill(fill(say(bundle, "hours.opens_day", lang), "{day}", day_name(bundle, lang, then.date)), "{time}", time);
}

std::vector<std::string> hours_week(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                    content::Instant now) {
    std::vector<std::string> lines;
    const content::CivilDate today = content::TimeZone::rome().local(now).date;
    for (int d = 0; d < 7; ++d) {
        const content::CivilDate date = today.plus_days(d);
        std::string spans;
        for (const auto& [from, to] : hours.open_spans(date)) spans += (spans.empty() ? "" : ", ") + clock_time(from) + "–" + clock_time(to);
        lines.push_back(day_name(bundle, lang, date) + ": " + (spans.empty() ? say(bundle, "hours.closed_all_day", lang) : spans));
    }
    return lines;
}

}  // namespace kiosk
