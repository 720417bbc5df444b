#pragma once
// A card of facts: a bold first line, then detail lines. Places (name, address, hours, phone,
// services, access, note, a mobile unit's next stops) and links (label, address) look the same
// wherever they appear: in a guide, a place's own screen, search results.
#include <optional>
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
/// The facts a visitor came for, for the top of a guide: the place's phone, whether it is open
/// now and its week in a few lines ("Monday–Friday: 09:00–17:00"). Nothing for a place of which
/// the sources give neither phone nor hours: the guide's text says what to do instead.
std::optional<InfoCard> key_facts_card(const App& app, const content::PlaceView& place);
/// Draws the card across the available width and advances the cursor. With an `id`, the whole
/// card is a control of that id, and the result says whether it was tapped.
bool draw_info_card(Ui& ui, InfoCard& card, const std::string& id = {});

}  // namespace kiosk
