#pragma once
// A card of facts: a bold first line, then detail lines. Places (name, address, hours, phone,
// services, access, note, a mobile unit's next stops) and links (label, address) look the same
// wherever they appear: in a guide, a place's own screen, search results.
#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

class App;
struct Ui;

struct InfoCard {
    TextBlock heading;
    std::vector<TextBlock> lines;
};

/// A place's card in the visitor's language: whether it is open now and until when, and with
/// `with_week` its hours for the seven days ahead; its services and access; for a mobile unit
/// its next three stops.
InfoCard place_card(const App& app, const content::PlaceView& place, bool with_week = false);
/// Draws the card across the available width and advances the cursor. With an `id`, the whole
/// card is a control of that id, and the result says whether it was tapped.
bool draw_info_card(Ui& ui, InfoCard& card, const std::string& id = {});

}  // namespace kiosk
