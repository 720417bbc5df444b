#include "kiosk/words/distance_text.hpp"

#include "content/model/map_projection.hpp"
#include "content/text/locale_format.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

namespace {

// The template filled, without the doubled or edge spaces an empty direction leaves.
std::string filled(const std::string& pattern, const std::string& distance, const std::string& direction) {
    const std::string text = fill(fill(pattern, "{distance}", distance), "{direction}", direction);
    std::string out;
    for (const char c : text)
        if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::optional<DistanceText> distance_text(const content::Bundle& bundle, const std::string& lang, std::pair<double, double> here,
                                          const content::Place& place) {
    if (place.kind == "mobile_unit") return std::nullopt;
    const content::MapProjection from_here(here.first, here.second);
    const content::MapPoint there = from_here.project(place.lat, place.lon);
    const double straight = content::distance_metres({0, 0}, there);
    std::string direction;
    if (straight >= (place.approximate ? 600 : 150)) {
        const char* point = content::kCompassPointNames[static_cast<int>(content::compass_point({0, 0}, there))];
        direction = say(bundle, "direction." + std::string(point), lang);
    }
    const std::string pattern = say(bundle, "place.distance_from_here", lang);
    const content::LocaleFormat& format = content::locale_format(lang);
    const double metres = straight * kDetour;
    // Isolated left to right, so "800 m" keeps its order in an Arabic or Persian line.
    return DistanceText{metres, filled(pattern, isolated(format.distance(metres)), direction), filled(pattern, format.spoken_distance(metres), direction)};
}

}  // namespace kiosk
