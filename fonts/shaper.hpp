#pragma once
// A paragraph shaped once and laid out many times. FriBidi resolves the embedding level of every
// character (Arabic with Latin names, phone numbers and digits inside), the text is cut into runs
// of one level, script, font family and weight, and HarfBuzz shapes each run with the whole
// paragraph as context, so letters join across run edges. Positions are kept in em, so the same
// shaping serves every size; line breaks come from UAX #14 (libunibreak), CJK included.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/font_set.hpp"

namespace fonts {

struct Glyph {
    uint32_t id;
    uint32_t cluster;  // index of the first character it draws
    float advance, x_offset, y_offset;  // em, y up
};

struct Run {
    size_t start, end;  // characters [start, end)
    int level;          // odd: right to left
    uint16_t family;
    bool bold;
    std::vector<Glyph> glyphs;  // in visual order, as HarfBuzz returns them
};

struct ShapedText {
    std::u32string text;
    bool rtl = false;
    std::vector<Run> runs;                 // in logical order
    std::vector<uint32_t> run_of;          // run index of each character
    std::vector<float> advance;            // em width of each character (a cluster's width on its first)
    std::vector<char> breaks;              // libunibreak's LINEBREAK_* after each character
    std::vector<uint32_t> bidi_types;      // FriBidi's, kept for reordering lines
    std::vector<signed char> levels;       // FriBidi's resolved embedding levels
    float line_height = 1;                 // its lines are this many times the usual height (FamilyStyle)
};

/// Shapes `text` for language `lang` (an ISO 639 code, which also picks a family kept for it,
/// such as Nastaliq for "ur"), in a paragraph whose base direction is right to left when `rtl`.
/// `bold` has one flag per character, or is empty for all regular.
ShapedText shape(const FontSet& fonts, std::u32string text, const std::vector<bool>& bold, std::string_view lang, bool rtl);

}  // namespace fonts
