#pragma once
// What one frame showed, in reading order, as a screen reader needs it: every text drawn and
// every control with the words that name it, their language and where they lie. Collected while
// drawing (TextBlock::draw and Ui's controls write to `current`); read by tests, by speech (the
// page read aloud, a control's label spoken) and by the keypad's focus ring.
#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk {

/// A control as it is spoken: its id (e.g. lang:ar, nav:back, guide:food-help), the words that
/// name it and their language, and its box on the screen, whole, even where scrolled out of view.
struct DrawnControl {
    std::string id, label, lang;
    ImVec2 min, max;
    bool visible = false;  // some of it is in view
    bool in_page = false;  // inside the scrolling page, not the header, footer or an overlay
};

struct DrawnText {
    /// Texts in drawing order, as UTF-8.
    std::vector<std::string> blocks;
    /// Beside blocks: where each was drawn, and the part of that which is inside its clip (the
    /// page's scroll area), empty when it is scrolled out of view.
    std::vector<std::pair<ImVec2, ImVec2>> boxes, visible;
    std::vector<bool> rtl;            // beside blocks: laid out as a right-to-left paragraph
    std::vector<std::string> said;    // beside blocks: the words a voice says when they are not those shown, else empty
    std::vector<std::string> langs;   // beside blocks: the language the text is in
    std::vector<int> label_of;        // beside blocks: the control the text names, or -1
    std::vector<bool> block_in_page;  // beside blocks: inside the scrolling page
    std::vector<bool> live;           // beside blocks: news of something the visitor did (a ticket printed), said when it appears
    std::vector<DrawnControl> controls;
    /// Blocks and controls interleaved as drawn: an index into blocks, or -1 - an index into controls.
    std::vector<int> order;

    /// The part of a text to find on screen, asked before drawing: characters [from, to) of the
    /// block-th text drawn (what is being heard, so it can be highlighted). When that text is
    /// drawn, `spotlit` gets one box per line the part runs over.
    struct Spotlight {
        int block = -1;
        size_t from = 0, to = 0;
    } spotlight;
    std::vector<std::pair<ImVec2, ImVec2>> spotlit;

    /// While drawing: the control whose label is being drawn (-1: none), and whether the page is.
    int labelling = -1;
    bool in_page = false, announcing = false;
    static inline DrawnText* current = nullptr;

    void add_block(std::string text, std::string spoken, std::string lang, bool right_to_left, ImVec2 min, ImVec2 max, ImVec2 vmin, ImVec2 vmax) {
        order.push_back(static_cast<int>(blocks.size()));
        blocks.push_back(std::move(text));
        said.push_back(std::move(spoken));
        langs.push_back(std::move(lang));
        rtl.push_back(right_to_left);
        boxes.emplace_back(min, max);
        visible.emplace_back(vmin, vmax);
        label_of.push_back(labelling);
        block_in_page.push_back(in_page);
        live.push_back(announcing);
    }
    /// Whether the next text drawn is the one `spotlight` asks for.
    bool spotlit_next() const { return spotlight.block == static_cast<int>(blocks.size()); }
    /// Returns the control's index.
    int add_control(DrawnControl control) {
        control.in_page = in_page;
        order.push_back(-1 - static_cast<int>(controls.size()));
        controls.push_back(std::move(control));
        return static_cast<int>(controls.size()) - 1;
    }

    /// Whether a text containing `part` lies wholly in view: its box not cut by its scroll area's
    /// clip, nor by the bottom of the screen.
    bool wholly_in_view(const std::string& part, float screen_height) const {
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].find(part) == std::string::npos) continue;
            const auto& [min, max] = boxes[i];
            const auto& [vmin, vmax] = visible[i];
            if (vmin.y == min.y && vmax.y == max.y && max.y <= screen_height) return true;
        }
        return false;
    }
};

}  // namespace kiosk
