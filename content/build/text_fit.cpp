#include "content/build/text_fit.hpp"

#include <cmath>

#include "fonts/line_layout.hpp"
#include "fonts/shaper.hpp"
#include "fonts/utf8.hpp"

namespace content {

float text_width(const fonts::FontSet& fonts, const std::string& text, const std::string& lang, bool rtl, bool bold, float size) {
    const auto chars = fonts::decode_utf8(text);
    const auto shaped = fonts::shape(fonts, chars, std::vector<bool>(bold ? chars.size() : 0, true), lang, rtl);
    float width = 0;
    for (const auto& line : fonts::layout_lines(fonts, shaped, size, 1e9f)) width = std::max(width, line.width);
    return width;
}

namespace {

struct Checked {
    std::string file, key, item, text, lang;
    bool rtl;
};

void check(const TextSlot& slot, const Checked& t, const Content& c, const fonts::FontSet& fonts, Diagnostics& d) {
    const float width = text_width(fonts, t.text, t.lang, t.rtl, slot.bold, slot.text_size);
    if (width <= slot.room()) return;
    const auto line = c.source_lines.find({t.file, t.key});
    const int over = static_cast<int>(std::ceil(100 * (width / slot.room() - 1)));
    d.error(t.file, line == c.source_lines.end() ? 0 : line->second, t.item,
            "\"" + t.text + "\" is too long for " + slot.name + ": " + std::to_string(int(std::ceil(width))) + " px wide, where " + std::to_string(int(slot.room())) + " px fit (" +
                std::to_string(over) + " % too long)",
            "use a shorter word or phrase; it must stay on one line");
}

}  // namespace

void check_text_slots(const Content& c, const fonts::FontSet& fonts, Diagnostics& d) {
    for (const auto& lang : c.languages) {
        const bool rtl = lang.direction == Direction::RightToLeft;
        check(language_button_slot(), {"languages.csv", lang.code, "language \"" + lang.code + "\"", lang.native_name, lang.code, rtl}, c,
              fonts, d);
        const auto texts = c.texts.find(lang.code);
        if (texts == c.texts.end()) continue;
        for (const TextSlot* slot : {&header_button_slot(), &action_button_slot()}) {
            for (const auto& key : slot->keys) {
                const auto text = texts->second.strings.find(key);
                if (text == texts->second.strings.end()) continue;
                const std::string file = "lang/" + lang.code + "/strings.txt";
                check(*slot, {file, key, "key \"" + key + "\"", text->second, lang.code, rtl}, c, fonts, d);
            }
        }
    }
}

}  // namespace content
