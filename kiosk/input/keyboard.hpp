#pragma once
// The on-screen keyboard for search: one key per character of one of the bundle's layouts
// (keyboards.txt), then a row with the layout switch, the space bar and backspace. No physical
// keyboard is needed. Rows too long for a narrow screen wrap, so no key is under 9 mm.
// A layout with letter forms (Ethiopic) keeps a row above its keys for them: a key that has
// forms types its letter and shows them there; a form tapped takes that letter's place.
// Key ids, for scripts and tests: key:<character>, form:<character>, key:space, key:backspace,
// key:layout.
#include <optional>
#include <string>
#include <vector>

#include "content/model/model.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

struct Theme;
struct Ui;

class Keyboard {
public:
    /// Starts on the layout that lists `lang`, else on the first; the switch goes from it to the
    /// others in their order.
    Keyboard(std::vector<content::Keyboard> layouts, const std::string& lang);
    bool empty() const { return layouts_.empty(); }
    const content::Keyboard& layout() const { return layouts_[current_]; }

    /// What a key did this frame.
    struct Typed {
        enum class Kind { Nothing, Text, Backspace } kind = Kind::Nothing;
        std::string text;  // the character, or " " for the space bar
        std::vector<std::string> replaces;  // a form: the letters it takes the place of, when last typed
    };
    /// The height the keyboard takes at `width`.
    float height(const Theme& theme, float width) const;
    /// Draws the keys in the box from `origin` across `width`.
    Typed draw(Ui& ui, ImVec2 origin, float width);

private:
    void use_layout(size_t index);
    /// The layout's rows, long ones cut so that keys stay at least `min_key` wide.
    std::vector<std::vector<size_t>> rows(const Theme& theme, float width) const;
    /// The rows kept for letter forms: as many as the longest list of forms needs.
    size_t form_rows(const Theme& theme, float width) const;
    float key_height(const Theme& theme) const;

    std::vector<content::Keyboard> layouts_;
    size_t current_ = 0;
    std::vector<std::string> keys_;  // the current layout's keys, row after row
    std::vector<size_t> row_sizes_;
    std::vector<TextBlock> labels_;
    std::vector<std::optional<size_t>> family_of_;  // each key's list in the layout's forms
    std::vector<std::vector<TextBlock>> form_labels_;
    std::optional<size_t> family_;  // the forms on show: those of the last key typed
    TextBlock switch_label_;  // the next layout's name
};

}  // namespace kiosk
