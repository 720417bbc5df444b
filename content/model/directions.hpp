#pragma once
// The address a place's QR code carries: a URL that opens directions to the place on the
// visitor's phone, made from the bundle's template (bundle.ini `directions_url`) and the
// place's coordinates. Plain text work: no SDL, no ImGui, no QR encoding.
#include <optional>
#include <string>
#include <string_view>

#include "content/model/model.hpp"

namespace content {

/// The template a bundle without `directions_url` uses: Google Maps URLs, walking directions.
/// Why this form: a phone's camera app opens an https:// URL it reads in a QR code, on iPhone
/// as on Android; a geo: URI (RFC 5870) opens a map app on Android only, and the iPhone camera
/// ignores it. Google documents the Maps URL as cross-platform: it opens the Google Maps app on
/// Android and on iOS when installed, else Google Maps in the browser, with no API key
/// (https://developers.google.com/maps/documentation/urls/get-started). A city that prefers
/// not to send visitors to Google sets e.g. https://www.openstreetmap.org/directions?to={lat},{lon}.
inline constexpr std::string_view kDefaultDirectionsUrl =
    "https://www.google.com/maps/dir/?api=1&destination={lat},{lon}&travelmode=walking";

/// What is wrong with a directions template, in plain words, or nothing when it can be used:
/// it must start with https://, http:// or geo:, contain {lat} and {lon}, no other {placeholder},
/// and no spaces or control characters (a QR code carries the URL as it is).
std::optional<std::string> directions_template_problem(std::string_view url_template);

/// The template with {lat} and {lon} replaced by the coordinates in decimal degrees with five
/// decimals (about 1 m) and a '.' whatever the locale, e.g. 45.07970 and -7.60000.
std::string fill_directions_template(std::string_view url_template, double lat, double lon);

/// True when the place has a position to give directions to (0,0 is "not set", not the Gulf
/// of Guinea).
bool has_position(const Place& place);

/// The directions URL for a place from the bundle's template (the default when the bundle has
/// none); nothing when the place has no position or the template is unusable (a bundle not
/// made by `kiosk-bundle build`, which refuses bad templates).
std::optional<std::string> directions_url(const Meta& meta, const Place& place);

}  // namespace content
