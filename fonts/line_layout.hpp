#pragma once
// Lines from a shaped paragraph: wrapped in logical order at UAX #14 opportunities (inside a
// word only when the word alone is wider than the line), then each line reordered for display
// by FriBidi (rule L2), so an Arabic sentence reads right to left while the phone number inside
// it keeps its own order.
#include <vector>

#include "fonts/shaper.hpp"

namespace fonts {

struct PlacedGlyph {
    const Face* face;
    uint32_t id;
    uint32_t cluster;
    float x, y;   // pixels from the line's left edge and baseline, y down
    float advance;
    float size;   // pixel size of the face (the family's scale applied)
};

struct Piece {  // a stretch of one run on a line, in visual order
    size_t start, end;
    bool rtl;
};

struct Line {
    size_t start, end;  // characters [start, end), trailing spaces left out
    float width = 0;    // pixels
    std::vector<Piece> pieces;
    std::vector<PlacedGlyph> glyphs;  // left to right
};

/// Wraps `text` at `size` pixels per em into lines of at most `max_width` pixels.
std::vector<Line> layout_lines(const FontSet& fonts, const ShapedText& text, float size, float max_width);

/// For a line, the characters' logical indexes from left to right, as FriBidi's own
/// visual-to-logical map gives them (combining marks after their base letter).
std::vector<size_t> visual_order(const Line& line, const std::u32string& text);

}  // namespace fonts
