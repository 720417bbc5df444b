#include "place_text.hpp"

#include "unit_stops.hpp"

namespace kiosk {

namespace {

std::string fill(std::string text, const std::string& field, const std::string& value) {
    if (const auto at = text.find(field); at != std::string::npos) text.replace(at, field.size(), value);
    return text;
}

std::string say(const content::Bundle& bundle, const std::string& key, const std::string& lang) { return bundle.ui(key, lang).text; }

}  // namespace

std::string services_line(const content::Bundle& bundle, const std::string& lang, const std::vector<content::ServiceView>& services) {
    if (services.empty()) return {};
    std::string labels;
    // An unlabelled id (a bundle from elsewhere) is shown as written rather than dropped.
    for (const auto& s : services) labels += (labels.empty() ? "" : " · ") + (s.label.found() ? s.label.text : s.id);
    return say(bundle, "place.services", lang) + ": " + labels;
}

std::string stop_line(const content::Bundle& bundle, const std::string& lang, const content::Stop& stop) {
    std::string date = say(bundle, "stops.date", lang);
    date = fill(date, "{weekday}", say(bundle, "day." + std::to_string(stop.date.weekday() + 1), lang));
    date = fill(date, "{day}", std::to_string(stop.date.day));
    date = fill(date, "{month}", say(bundle, "month." + std::to_string(stop.date.month), lang));
    return date + " " + content::format_clock(stop.from_minute) + "–" + content::format_clock(stop.to_minute) + " · " + stop.name;
}

}  // namespace kiosk
