#pragma once
// How places look on the map: each kind of place has its own colour and its own shape, so a
// visitor who cannot tell the colours apart still tells the kinds apart; the legend draws the
// same symbols. "You are here" is the blue dot phones use.
#include <imgui.h>

#include <string_view>

namespace kiosk {

enum class MarkerShape { Circle, Square, Diamond, Triangle, Hexagon };

struct MarkerStyle {
    ImU32 fill;
    MarkerShape shape;
};

/// A colour with another opacity (0-255): halos, see-through panels.
inline ImU32 with_alpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }

/// The style of a place kind (content::kPlaceKinds); a grey circle for a kind it does not know.
MarkerStyle marker_style(std::string_view kind);

/// A marker of radius `r` centred on `at`: the shape in its colour, ringed in white and then
/// in a dark line, so it stands out on any basemap colour. `hollow`: a white centre (a stop the
/// mobile unit will make, not a place that is there).
void draw_marker(ImDrawList* list, ImVec2 at, float r, const MarkerStyle& style, bool hollow = false);

/// How far a marker of radius `r` reaches from its centre, its rings included.
float marker_reach(MarkerShape shape, float r);

/// The kiosk's own position.
void draw_you_are_here(ImDrawList* list, ImVec2 at, float r);

/// The badge of a place whose hours are not known: a "?" in `ink` on a white disc of radius `r`,
/// drawn as shapes (no font), so a map picture can hold thousands of them.
void draw_question_badge(ImDrawList* list, ImVec2 at, float r, ImU32 ink);

}  // namespace kiosk
