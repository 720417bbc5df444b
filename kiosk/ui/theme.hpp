#pragma once
// The look: a high-contrast palette, touch-sized metrics scaled to the screen, and the fonts
// the bundle carries. Sizes are given for a 1080-pixel-high screen and scaled to the real one.
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/ui/text_layout.hpp"

namespace content { class Bundle; }

namespace kiosk {

/// Colours. Standard: dark text on a light background; high contrast: white and yellow on
/// black. Every text/background pair is above WCAG AA (4.5:1).
struct Palette {
    ImU32 background, text, muted;
    ImU32 header, header_text, header_button, header_disabled;  // the dark bars and their buttons
    ImU32 card, card_pressed, card_border, link;
    ImU32 selected, selected_text;  // the current language, toggles that are on
    ImU32 notice, notice_text;      // fallback and demo notices
    ImU32 scrollbar;
    static const Palette& standard();
    static const Palette& high_contrast();
};

struct Theme : Palette {
    float scale = 1;  // 1 on a 1920x1080 screen, landscape or portrait
    float min_touch = 0;  // the smallest control in pixels that is 9 mm on the glass (0: size unknown)

    // Text sizes in pixels at 1080p (body >= 28 px, per the touch brief).
    TextEngine engine;
    TextStyle body, heading, title, small;
    TextStyle label;  // the footer's language names: the same size in every look, so the page keeps its room

    float px(float at_1080) const { return at_1080 * scale; }
    /// A control's smallest side: 96 px at 1080p (48 px is the minimum), and never under 9 mm.
    float touch() const { return std::max(px(96), min_touch); }
    /// The height of the smaller controls (language buttons, keys): as small as 9 mm allows.
    float touch_small(float at_1080) const { return std::max(px(at_1080), min_touch); }
    float gap() const { return px(20); }    // space between controls: no fingertip hits two
    float margin() const { return px(48); }

    /// The visitor's choices: text 30 % larger; white and yellow on black. Sets the palette and
    /// the text sizes; the fonts and glyph atlas stay.
    void set_look(bool larger_text, bool high_contrast);
    bool larger_text() const { return larger_text_; }
    bool high_contrast() const { return high_contrast_; }

    /// Builds the palette and fonts for a screen of `width` x `height` pixels, with the fonts
    /// the bundle carries, or when they cannot be read the Noto fonts under `font_root`.
    /// The glyph atlas starts at `first_atlas` and stays within `max_atlas` pixels a side (the
    /// GPU's texture limit). Problems go into `warnings`.
    /// `pixels_per_mm` (0 when the screen's size is unknown) makes every control at least 9 mm.
    /// Touches no ImGui or SDL state, so a new bundle's theme can be built on a worker thread.
    static std::unique_ptr<Theme> create(const content::Bundle& bundle, int width, int height,
                                         const std::filesystem::path& font_root, std::vector<std::string>& warnings,
                                         int max_atlas = 2048, float pixels_per_mm = 0, int first_atlas = 512);

private:
    bool larger_text_ = false, high_contrast_ = false;
};

}  // namespace kiosk
