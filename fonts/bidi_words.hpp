#pragma once
// Interim right-to-left ordering at word level, until the HarfBuzz/FriBidi text engine (issue 4)
// replaces it. Words of a right-to-left line are placed right to left, runs of left-to-right
// words (Latin names, numbers, phone numbers) keep their own order inside, and the characters of
// right-to-left words are reversed so they read correctly. Letters are not joined yet.
#include <string>
#include <vector>

namespace fonts {

enum class WordDirection { LeftToRight, RightToLeft, Neutral };

/// Direction of a word from its first strong character (Arabic/Hebrew letters are RTL, other
/// letters and digits LTR, punctuation neutral).
WordDirection word_direction(const std::u32string& word);

/// For a line whose words are in logical order, the indexes of the words in visual order from
/// the right edge (for an RTL paragraph) — i.e. the order in which to place them leftwards.
/// Neutral words take the direction of the paragraph.
std::vector<size_t> rtl_visual_order(const std::vector<std::u32string>& words);

/// The characters of an RTL word in drawing order (reversed, with brackets mirrored).
std::u32string rtl_word_glyph_order(const std::u32string& word);

}  // namespace fonts
