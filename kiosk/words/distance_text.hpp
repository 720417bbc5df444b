#pragma once
// How far a place is from the kiosk and which way, in the visitor's language: "about 1.3 km
// north-east" on screen, "about 1.3 kilometres north-east" for the voice.
#include <optional>
#include <string>
#include <utility>

#include "content/model/bundle.hpp"

namespace kiosk {

struct DistanceText {
    double metres = 0;  // the walking estimate
    std::string shown, spoken;
};

/// Straight-line distance times this is the walking estimate: streets are rarely straight, and
/// a visitor should not be told a place is nearer than it is.
inline constexpr double kDetour = 1.3;

/// From the kiosk at `here` (latitude, longitude) to `place`; none for a mobile unit, which has
/// no one place. The way is one of the eight compass points, said only when the place is far
/// enough that where exactly it stands cannot change which point it is: 150 m, or 600 m for a
/// position its source gives as approximate (the map draws those with a 250 m halo).
std::optional<DistanceText> distance_text(const content::Bundle& bundle, const std::string& lang, std::pair<double, double> here,
                                          const content::Place& place);

}  // namespace kiosk
