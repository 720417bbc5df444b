#include "content/model/text_slots.hpp"

namespace content {

const TextSlot& header_button_slot() {
    static const TextSlot slot{"the header's Back, Home and Listen buttons", 250, 32, true,
                               {"nav.back", "nav.home", "speech.listen", "speech.stop", "speech.no_voice"}};
    return slot;
}

const TextSlot& language_button_slot() {
    // The footer's names keep one size in every look, so the page keeps its room.
    static const TextSlot slot{"the language buttons at the foot of every screen", 280, 28, true, {}};
    return slot;
}

const TextSlot& action_button_slot() {
    static const TextSlot slot{"the Print buttons and a place's Show on the map button", 340, 32, true, {"place.print", "place.on_map"}};
    return slot;
}

}  // namespace content
