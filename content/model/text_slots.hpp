#pragma once
// Texts the kiosk draws in a control of fixed size, where a long translation would spill over
// the button's edge. The kiosk sizes those controls from these numbers, and `kiosk-bundle
// validate` shapes every language's text with the same fonts to check it fits on one line at
// the normal text size (build/text_fit.hpp), so a content manager hears of it before a visitor
// sees it. (With larger text the kiosk shrinks such a label back until it fits; see Ui::button.)
#include <string>
#include <vector>

namespace content {

/// Space a button keeps between its label and each side (Ui::button), pixels at 1080p.
inline constexpr float kButtonLabelInset = 12;

struct TextSlot {
    const char* name;      // as a content manager would describe the place on screen
    float button_width;    // the control's width at 1080p, pixels
    float text_size;       // pixels per em at 1080p
    bool bold;
    std::vector<std::string> keys;  // strings.txt keys shown there; empty: the languages' own names

    float room() const { return button_width - 2 * kButtonLabelInset; }
};

/// The header's Back, Home and Listen buttons.
const TextSlot& header_button_slot();
/// A language's name in the footer, on every screen.
const TextSlot& language_button_slot();
/// Print (on guides, places and QR codes) and a place's Show on the map.
const TextSlot& action_button_slot();

}  // namespace content
