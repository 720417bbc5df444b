#pragma once
// The pictograms that name things without words: a category's icon (categories.csv `icon`) and
// the home screen's actions. Drawn as shapes in one colour, so they follow the theme (high
// contrast too) and need no font or image file.
#include <imgui.h>

#include <string_view>

namespace kiosk {

/// Draws pictogram `icon` centred on `centre`, `size` pixels square, in `ink` over `paper`
/// (the colour of what it is drawn on, for the cut-outs). False, and nothing drawn, for an
/// icon it does not know.
bool draw_pictogram(ImDrawList* list, std::string_view icon, ImVec2 centre, float size, ImU32 ink, ImU32 paper);

/// True for the icons draw_pictogram knows: phone, document, home, basket, heart, info, pin.
bool known_pictogram(std::string_view icon);

}  // namespace kiosk
