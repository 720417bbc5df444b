#include "kiosk/words/place_text.hpp"

#include "content/hours/time_zone.hpp"
#include "content/model/unit_stops.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

std::string services_line(const content::Bundle& bundle, const std::string& lang, const std::vector<content::ServiceView>& services) {
    if (services.empty()) return {};
    std::string labels;
    // An unlabelled id (a bundle from elsewhere) is shown as written rather than dropped.
    for (const auto& s : services) labels += (labels.empty() ? "" : " · ") + (s.label.found() ? s.label.text : s.id);
    return say(bundle, "place.services", lang) + ": " + labels;
}

std::string date_text(const content::Bundle& bundle, const std::string& lang, const content::CivilDate& date) {
    std::string text = say(bundle, "stops.date", lang);
    text = fill(text, "{weekday}", say(bundle, "day." + std::to_string(date.weekday() + 1), lang));
    text = fill(text, "{day}", std::to_string(date.day));
    return fill(text, "{month}", say(bundle, "month." + std::to_string(date.month), lang));
}

std::string now_text(const content::Bundle& bundle, const std::string& lang, content::Instant now) {
    const auto local = content::TimeZone::rome().local(now);
    return date_text(bundle, lang, local.date) + " " + isolated(content::format_clock(local.minute_of_day()));
}

std::string stop_line(const content::Bundle& bundle, const std::string& lang, const content::Stop& stop) {
    std::string line = date_text(bundle, lang, stop.date) + " " + isolated(content::format_clock(stop.from_minute) + "–" + content::format_clock(stop.to_minute)) +
                       " · " + stop.name;
    if (stop.example) line += " · " + say(bundle, "stops.example", lang);  // made up for tests and training: said in every language
    return line;
}

}  // namespace kiosk
