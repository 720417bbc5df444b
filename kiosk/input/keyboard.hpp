#pragma once
// The on-screen keyboard for search: one key per character of one of the bundle's layouts
// (keyboards.txt), then a row with the layout switch, the space bar and backspace. No physical
// keyboard is needed. Rows too long for a narrow screen wrap, so no key is under 9 mm.
// Key ids, for scripts and tests: key:<character>, key:space, key:backspace, key:layout.
#include <string>
#include <vector>

#include "content/model/model.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

struct Theme;
struct Ui;

class Keyboard {
public:
    /// Starts on the layout that lists `lang`, else on the first.
    Keyboard(std::vector<content::Keyboard> layouts, const std::string& lang);
    bool empty() const { return layouts_.empty(); }
    const content::Keyboard& layout() const { return layouts_[current_]; }

    /// What a key did this frame.
    struct Typed {
        enum class Kind { Nothing, Text, Backspace } kind = Kind::Nothing;
        std::string text;  // the character, or " " for the space bar
    };
    /// The height the keyboard takes at `width`.
    float height(const Theme& theme, float width) const;
    /// Draws the keys in the box from `origin` across `width`.
    Typed draw(Ui& ui, ImVec2 origin, float width);

private:
    void use_layout(size_t index);
    /// The layout's rows, long ones cut so that keys stay at least `min_key` wide.
    std::vector<std::vector<size_t>> rows(const Theme& theme, float width) const;
    float key_height(const Theme& theme) const;

    std::vector<content::Keyboard> layouts_;
    size_t current_ = 0;
    std::vector<std::string> keys_;  // the current layout's keys, row after row
    std::vector<size_t> row_sizes_;
    std::vector<TextBlock> labels_;
    TextBlock switch_label_;  // the next layout's name
};

}  // namespace kiosk
