#include "bidi_words.hpp"

#include <algorithm>

namespace fonts {

namespace {
bool is_rtl_letter(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}
bool is_ltr_strong(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
           (c >= 0x00C0 && c < 0x0590 && c != 0x00D7 && c != 0x00F7) || (c >= 0x0900 && c < 0x2000) ||
           (c >= 0x2E80 && c < 0xFB1D);
}
char32_t mirror(char32_t c) {
    switch (c) {
        case U'(': return U')';
        case U')': return U'(';
        case U'[': return U']';
        case U']': return U'[';
        case U'«': return U'»';
        case U'»': return U'«';
        case U'<': return U'>';
        case U'>': return U'<';
        default: return c;
    }
}
}  // namespace

WordDirection word_direction(const std::u32string& word) {
    for (char32_t c : word) {
        if (is_rtl_letter(c)) return WordDirection::RightToLeft;
        if (is_ltr_strong(c)) return WordDirection::LeftToRight;
    }
    return WordDirection::Neutral;
}

std::vector<size_t> rtl_visual_order(const std::vector<std::u32string>& words) {
    // Placing right to left: RTL words one by one; an LTR run is placed as a block whose words
    // read left to right, so within the block they are taken last-first.
    std::vector<size_t> order;
    size_t i = 0;
    while (i < words.size()) {
        if (word_direction(words[i]) != WordDirection::LeftToRight) {
            order.push_back(i++);
            continue;
        }
        size_t end = i;
        // Extend the LTR run across neutrals that sit between LTR words ("Red Nova - LGNet3").
        for (size_t j = i; j < words.size(); ++j) {
            const auto d = word_direction(words[j]);
            if (d == WordDirection::RightToLeft) break;
            if (d == WordDirection::LeftToRight) end = j;
        }
        for (size_t k = end + 1; k-- > i;) order.push_back(k);
        i = end + 1;
    }
    return order;
}

std::u32string rtl_word_glyph_order(const std::u32string& word) {
    std::u32string out(word.rbegin(), word.rend());
    std::transform(out.begin(), out.end(), out.begin(), mirror);
    return out;
}

}  // namespace fonts
