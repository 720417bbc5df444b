#include "kiosk/words/place_text.hpp"

#include "content/hours/time_zone.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/locale_format.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

std::string services_line(const content::Bundle& bundle, const std::string& lang, const std::vector<content::ServiceView>& services) {
    if (services.empty()) return {};
    std::string labels;
    // An unlabelled id (a bundle from elsewhere) is shown as written rather than dropped.
    for (const auto& s : services) labels += (labels.empty() ? "" : " · ") + (s.label.found() ? s.label.text : s.id);
    return say(bundle, "place.services", lang) + ": " + labels;
}

std::string now_text(const std::string& lang, content::Instant now) {
    const auto local = content::TimeZone::rome().local(now);
    const auto& format = content::locale_format(lang);
    return format.date(local.date, content::Placement::StartOfLine) + " " + isolated(format.time(local.minute_of_day()));
}

std::string stop_line(const content::Bundle& bundle, const std::string& lang, const content::Stop& stop) {
    const auto& format = content::locale_format(lang);
    std::string line = format.date(stop.date, content::Placement::StartOfLine) + " " +
                       isolated(format.time(stop.from_minute) + "–" + format.time(stop.to_minute)) + " · " + stop.name;
    if (stop.example) line += " · " + say(bundle, "stops.example", lang);  // made up for tests and training: said in every language
    return line;
}

}  // namespace kiosk
