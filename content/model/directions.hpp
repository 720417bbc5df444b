#pragma once
// The address a place's QR code carries: a URL that opens directions to the place on the
// visitor's phone, made from the bundle's template (bundle.ini `directions_url`). Directions
// lead to what the sources know: a place's address, or a position the source gives as exact.
// An approximate map position never leaves the kiosk as a destination. Plain text work: no
// SDL, no ImGui, no QR encoding.
#include <optional>
#include <string>
#include <string_view>

#include "content/model/model.hpp"

namespace content {

/// The template a bundle without `directions_url` uses: Google Maps URLs, walking directions.
/// Why this form: a phone's camera app opens an https:// URL it reads in a QR code, on iPhone
/// as on Android; a geo: URI (RFC 5870) opens a map app on Android only, and the iPhone camera
/// ignores it. Google documents the Maps URL as cross-platform: it opens the Google Maps app on
/// Android and on iOS when installed, else Google Maps in the browser, with no API key, and its
/// destination may be an address or "lat,lon"
/// (https://developers.google.com/maps/documentation/urls/get-started).
inline constexpr std::string_view kDefaultDirectionsUrl =
    "https://www.google.com/maps/dir/?api=1&destination={address}&travelmode=walking";

/// What is wrong with a directions template, in plain words, or nothing when it can be used:
/// it must start with https:// or http://, contain {address} (an address or "lat,lon" goes
/// there) or both {lat} and {lon} (for exact positions only), no other {placeholder}, and no
/// spaces or control characters (a QR code carries the URL as it is).
std::optional<std::string> directions_template_problem(std::string_view url_template);

/// The template with {lat} and {lon} replaced by the coordinates in decimal degrees with five
/// decimals (about 1 m) and a '.' whatever the locale, e.g. 45.07970 and -7.60000, and
/// {address} by `address` percent-encoded (RFC 3986 unreserved characters kept).
std::string fill_directions_template(std::string_view url_template, double lat, double lon, std::string_view address = {});

/// The address as a map search reads it: notes in parentheses, such as "(piano terra)", left
/// out, and spaces tidied. "Corso Regina Margherita 137 (piano terra), Torino" gives
/// "Corso Regina Margherita 137, Torino".
std::string searchable_address(std::string_view address);

/// "45.07970,7.67120": a position as a directions URL writes it.
std::string position_text(double lat, double lon);

/// True when the place has a position to give directions to (0,0 is "not set", not the Gulf
/// of Guinea).
bool has_position(const Place& place);

/// Where directions may lead: an address, or a position that is not approximate.
struct Destination {
    std::string address;
    double lat = 0, lon = 0;
    bool approximate = true;
};

/// The directions URL for a destination from the bundle's template (the default when the
/// bundle has none): to its address when it has one and the template takes {address}, else to
/// its exact position. Nothing when neither is known (an approximate position is not a
/// destination) or the template is unusable (a bundle not made by `kiosk-bundle build`).
std::optional<std::string> directions_url(const Meta& meta, const Destination& to);
std::optional<std::string> directions_url(const Meta& meta, const Place& place);
std::optional<std::string> directions_url(const Meta& meta, const Stop& stop);

/// The first "lat,lon" pair of decimal degrees written in a URL (a comma or %2C between them),
/// e.g. for "geo:45.0797,7.6712" or "...destination=45.07970%2C7.67120"; nothing when the URL
/// names no coordinates. The build uses it to refuse directions to an approximate position.
std::optional<std::pair<double, double>> coordinates_in(std::string_view url);

}  // namespace content
