#include "content/model/directions.hpp"

#include <charconv>
#include <cmath>

namespace content {

namespace {

constexpr std::string_view kLat = "{lat}", kLon = "{lon}";

// Fixed-point with five decimals; std::to_chars ignores the C locale, so the separator is '.'.
std::string degrees(double value) {
    const double rounded = std::round(value * 1e5) / 1e5;
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded,  // no "-0.00000"
                                         std::chars_format::fixed, 5);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0.00000");
}

}  // namespace

std::optional<std::string> directions_template_problem(std::string_view t) {
    if (!t.starts_with("https://") && !t.starts_with("http://") && !t.starts_with("geo:"))
        return "does not start with https://, http:// or geo:";
    for (const char c : t)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return "contains a space or control character";
    if (t.find(kLat) == std::string_view::npos) return "has no {lat} placeholder for the latitude";
    if (t.find(kLon) == std::string_view::npos) return "has no {lon} placeholder for the longitude";
    for (size_t open = t.find('{'); open != std::string_view::npos; open = t.find('{', open + 1)) {
        const auto rest = t.substr(open);
        if (!rest.starts_with(kLat) && !rest.starts_with(kLon)) {
            const auto close = rest.find('}');
            return "has an unknown placeholder " + std::string(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1)) +
                   " (only {lat} and {lon} are replaced)";
        }
    }
    return std::nullopt;
}

std::string fill_directions_template(std::string_view t, double lat, double lon) {
    std::string out;
    const std::string lat_text = degrees(lat), lon_text = degrees(lon);
    for (size_t i = 0; i < t.size();) {
        if (t.substr(i).starts_with(kLat)) {
            out += lat_text;
            i += kLat.size();
        } else if (t.substr(i).starts_with(kLon)) {
            out += lon_text;
            i += kLon.size();
        } else {
            out += t[i++];
        }
    }
    return out;
}

bool has_position(const Place& p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180 &&
           !(p.lat == 0 && p.lon == 0);
}

std::optional<std::string> directions_url(const Meta& meta, const Place& place) {
    const std::string_view t = meta.directions_url.empty() ? kDefaultDirectionsUrl : std::string_view(meta.directions_url);
    if (!has_position(place) || directions_template_problem(t)) return std::nullopt;
    return fill_directions_template(t, place.lat, place.lon);
}

}  // namespace content
