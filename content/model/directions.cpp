#include "content/model/directions.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace content {

namespace {

constexpr std::string_view kLat = "{lat}", kLon = "{lon}", kAddress = "{address}";

// Fixed-point with five decimals; std::to_chars ignores the C locale, so the separator is '.'.
std::string degrees(double value) {
    const double rounded = std::round(value * 1e5) / 1e5;
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded,  // no "-0.00000"
                                         std::chars_format::fixed, 5);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0.00000");
}

bool valid_position(double lat, double lon) {
    return std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90 && std::abs(lon) <= 180 && !(lat == 0 && lon == 0);
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// RFC 3986: unreserved characters stay, every other byte (UTF-8 included) is %XX.
std::string percent_encoded(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// A decimal number with a '.' at `at` ("-45.0797"), its value and where it ends.
std::optional<std::pair<double, size_t>> decimal_at(std::string_view text, size_t at) {
    size_t i = at;
    if (i < text.size() && text[i] == '-') ++i;
    const size_t digits = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == digits || i - digits > 3 || i >= text.size() || text[i] != '.') return std::nullopt;
    const size_t decimals = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == decimals) return std::nullopt;
    double value = 0;
    if (std::from_chars(text.data() + at, text.data() + i, value).ec != std::errc()) return std::nullopt;
    return std::pair{value, i};
}

}  // namespace

std::optional<std::string> directions_template_problem(std::string_view t) {
    if (t.starts_with("geo:"))
        return "is a geo: address, which the iPhone's camera does not open";
    if (!t.starts_with("https://") && !t.starts_with("http://")) return "does not start with https:// or http://";
    for (const char c : t)
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return "contains a space or control character";
    const bool by_address = contains(t, kAddress), by_lat = contains(t, kLat), by_lon = contains(t, kLon);
    if (!by_address && !by_lat && !by_lon) return "has no {address} placeholder (nor {lat} and {lon})";
    if (!by_address && !by_lon) return "has no {lon} placeholder for the longitude";
    if (!by_address && !by_lat) return "has no {lat} placeholder for the latitude";
    for (size_t open = t.find('{'); open != std::string_view::npos; open = t.find('{', open + 1)) {
        const auto rest = t.substr(open);
        if (!rest.starts_with(kLat) && !rest.starts_with(kLon) && !rest.starts_with(kAddress)) {
            const auto close = rest.find('}');
            return "has an unknown placeholder " + std::string(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1)) +
                   " (only {address}, {lat} and {lon} are replaced)";
        }
    }
    return std::nullopt;
}

std::string fill_directions_template(std::string_view t, double lat, double lon, std::string_view address) {
    std::string out;
    const std::string lat_text = degrees(lat), lon_text = degrees(lon), address_text = percent_encoded(address);
    for (size_t i = 0; i < t.size();) {
        const auto rest = t.substr(i);
        if (rest.starts_with(kLat)) {
            out += lat_text;
            i += kLat.size();
        } else if (rest.starts_with(kLon)) {
            out += lon_text;
            i += kLon.size();
        } else if (rest.starts_with(kAddress)) {
            out += address_text;
            i += kAddress.size();
        } else {
            out += t[i++];
        }
    }
    return out;
}

std::string searchable_address(std::string_view address) {
    std::string out;
    int depth = 0;
    for (const char c : address) {
        if (c == '(') ++depth;
        else if (c == ')' && depth > 0) --depth;
        else if (depth == 0) out += c;
    }
    // Spaces the notes left: none doubled, none before a comma, none at the ends.
    std::string tidy;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == ' ' && (tidy.empty() || tidy.back() == ' ' || i + 1 == out.size() || out[i + 1] == ',' || out[i + 1] == ' ')) continue;
        tidy += out[i];
    }
    while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
    return tidy;
}

std::string position_text(double lat, double lon) { return degrees(lat) + "," + degrees(lon); }

bool has_position(const Place& p) { return valid_position(p.lat, p.lon); }

std::optional<std::string> directions_url(const Meta& meta, const Destination& to) {
    const std::string_view t = meta.directions_url.empty() ? kDefaultDirectionsUrl : std::string_view(meta.directions_url);
    if (directions_template_problem(t)) return std::nullopt;
    const std::string address = searchable_address(to.address);
    if (!address.empty() && contains(t, kAddress)) return fill_directions_template(t, 0, 0, address);
    if (to.approximate || !valid_position(to.lat, to.lon)) return std::nullopt;
    if (contains(t, kAddress)) return fill_directions_template(t, 0, 0, position_text(to.lat, to.lon));
    return fill_directions_template(t, to.lat, to.lon);
}

std::optional<std::string> directions_url(const Meta& meta, const Place& place) {
    return directions_url(meta, Destination{place.address, place.lat, place.lon, place.approximate});
}

std::optional<std::string> directions_url(const Meta& meta, const Stop& stop) {
    return directions_url(meta, Destination{stop.address, stop.lat, stop.lon, stop.approximate});
}

std::optional<std::pair<double, double>> coordinates_in(std::string_view url) {
    for (size_t i = 0; i < url.size(); ++i) {
        if (i > 0 && (std::isdigit(static_cast<unsigned char>(url[i - 1])) || url[i - 1] == '.' || url[i - 1] == '-')) continue;
        const auto lat = decimal_at(url, i);
        if (!lat) continue;
        size_t j = lat->second;
        if (url.substr(j).starts_with(",")) j += 1;
        else if (url.substr(j).starts_with("%2C") || url.substr(j).starts_with("%2c")) j += 3;
        else continue;
        const auto lon = decimal_at(url, j);
        if (lon && std::abs(lat->first) <= 90 && std::abs(lon->first) <= 180) return std::pair{lat->first, lon->first};
    }
    return std::nullopt;
}

}  // namespace content
