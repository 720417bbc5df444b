#pragma once
// The look: a high-contrast palette, touch-sized metrics scaled to the screen, and the fonts
// the bundle carries. Sizes are given for a 1080-pixel-high screen and scaled to the real one.
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "text_layout.hpp"

namespace content { class Bundle; }

namespace kiosk {

struct Theme {
    float scale = 1;  // 1 on a 1920x1080 screen, landscape or portrait

    // Palette: dark text on a light background; every pair is above WCAG AA (4.5:1).
    ImU32 background = IM_COL32(250, 250, 247, 255);
    ImU32 text = IM_COL32(17, 17, 17, 255);
    ImU32 muted = IM_COL32(70, 70, 70, 255);
    ImU32 header = IM_COL32(11, 61, 117, 255);       // dark blue bar
    ImU32 header_text = IM_COL32(255, 255, 255, 255);
    ImU32 card = IM_COL32(232, 239, 247, 255);
    ImU32 card_pressed = IM_COL32(196, 214, 236, 255);
    ImU32 card_border = IM_COL32(11, 79, 156, 255);
    ImU32 link = IM_COL32(11, 79, 156, 255);
    ImU32 selected = IM_COL32(255, 212, 0, 255);      // current language
    ImU32 notice = IM_COL32(255, 241, 194, 255);      // fallback and demo notices
    ImU32 notice_text = IM_COL32(94, 64, 0, 255);

    // Text sizes in pixels at 1080p (body >= 28 px, per the touch brief).
    TextEngine engine;
    TextStyle body, heading, title, small;

    float px(float at_1080) const { return at_1080 * scale; }
    float touch() const { return px(96); }  // smallest control height (>= 48 px needed)
    float gap() const { return px(20); }    // space between controls: no fingertip hits two
    float margin() const { return px(48); }

    /// Builds the palette and fonts for a screen of `width` x `height` pixels, with the fonts
    /// the bundle carries, or when they cannot be read the Noto fonts under `font_root`.
    /// The glyph atlas stays within `max_atlas` pixels a side (the GPU's texture limit).
    /// Problems go into `warnings`.
    static std::unique_ptr<Theme> create(const content::Bundle& bundle, int width, int height,
                                         const std::filesystem::path& font_root, std::vector<std::string>& warnings,
                                         int max_atlas = 2048);
};

}  // namespace kiosk
