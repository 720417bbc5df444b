#include "text_layout.hpp"

#include "bidi_words.hpp"
#include "utf8.hpp"

namespace kiosk {

namespace {

struct Word {
    std::u32string text;
    bool bold, link;
    bool space_before;
    float width = 0;
};

// In a right-to-left paragraph, punctuation that ends a Latin word ("Questura.") belongs to the
// sentence, not the word, and is drawn at the sentence's end: split it off as its own word.
void split_trailing_punctuation(std::vector<Word>& words) {
    static const std::u32string punctuation = U".,;:!?";
    for (size_t i = 0; i < words.size(); ++i) {
        Word& w = words[i];
        if (fonts::word_direction(w.text) != fonts::WordDirection::LeftToRight) continue;
        size_t keep = w.text.size();
        while (keep > 1 && punctuation.find(w.text[keep - 1]) != std::u32string::npos) --keep;
        if (keep == w.text.size() || fonts::word_direction(w.text.substr(0, keep)) != fonts::WordDirection::LeftToRight) continue;
        Word tail{w.text.substr(keep), w.bold, w.link, false};
        w.text.resize(keep);
        words.insert(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, tail);
        ++i;
    }
}

std::vector<Word> split_words(const std::vector<content::Span>& spans) {
    std::vector<Word> words;
    bool pending_space = false;
    for (const auto& span : spans) {
        const std::u32string text = fonts::decode_utf8(span.text);
        std::u32string current;
        auto flush = [&] {
            if (current.empty()) return;
            words.push_back({current, span.bold, span.is_link(), pending_space && !words.empty()});
            current.clear();
            pending_space = false;
        };
        for (char32_t c : text) {
            if (c == U' ' || c == U'\t' || c == U'\n') {
                flush();
                pending_space = true;
            } else {
                current += c;
            }
        }
        flush();
    }
    return words;
}

}  // namespace

TextBlock TextBlock::plain(std::string text, bool rtl, bool bold) {
    content::Span span;
    span.text = std::move(text);
    span.bold = bold;
    return TextBlock({std::move(span)}, rtl);
}

float TextBlock::layout(const FontPair& font, float width) {
    line_height_ = font.size * 1.35f;
    if (width == width_ && font.size == size_ && font.regular == font_) return line_height_ * static_cast<float>(lines_.size());
    width_ = width;
    size_ = font.size;
    font_ = font.regular;
    lines_.clear();
    widest_ = 0;

    auto words = split_words(spans_);
    if (rtl_) split_trailing_punctuation(words);
    const float space = font.regular->CalcTextSizeA(font.size, FLT_MAX, 0, " ").x;
    for (auto& w : words) {
        const std::string utf8 = fonts::encode_utf8(w.text);
        w.width = (w.bold ? font.bold : font.regular)->CalcTextSizeA(font.size, FLT_MAX, 0, utf8.c_str()).x;
    }
    // Wrap in logical order.
    std::vector<std::vector<const Word*>> lines(1);
    float used = 0;
    for (const auto& w : words) {
        const float gap = lines.back().empty() || !w.space_before ? 0 : space;
        if (!lines.back().empty() && used + gap + w.width > width) {
            lines.emplace_back();
            used = 0;
        }
        used += (lines.back().empty() ? 0 : gap) + w.width;
        lines.back().push_back(&w);
    }
    // Place each line.
    for (const auto& line : lines) {
        if (line.empty()) continue;
        std::vector<Run> runs;
        std::vector<size_t> order(line.size());
        for (size_t i = 0; i < line.size(); ++i) order[i] = i;
        if (rtl_) {
            std::vector<std::u32string> texts;
            for (const auto* w : line) texts.push_back(w->text);
            order = fonts::rtl_visual_order(texts);
        }
        float cursor = 0;
        for (size_t k = 0; k < order.size(); ++k) {
            const Word& w = *line[order[k]];
            if (k > 0) {
                // Logical neighbours keep the spacing the text had; others are a word apart.
                const size_t a = order[k - 1], b = order[k];
                const bool adjacent = a + 1 == b || b + 1 == a;
                if (!adjacent || line[std::max(a, b)]->space_before) cursor += space;
            }
            const bool reverse = rtl_ && fonts::word_direction(w.text) != fonts::WordDirection::LeftToRight;
            const std::string text = fonts::encode_utf8(reverse ? fonts::rtl_word_glyph_order(w.text) : w.text);
            const float x = rtl_ ? width - cursor - w.width : cursor;
            runs.push_back({text, w.bold ? font.bold : font.regular, x, w.width, w.link});
            cursor += w.width;
        }
        widest_ = std::max(widest_, cursor);
        lines_.push_back(std::move(runs));
    }
    return line_height_ * static_cast<float>(lines_.size());
}

void TextBlock::draw(ImDrawList* list, ImVec2 origin, ImU32 color, ImU32 link_color) const {
    float y = origin.y;
    for (const auto& line : lines_) {
        for (const auto& run : line) {
            const ImVec2 pos(origin.x + run.x, y);
            list->AddText(run.font, size_, pos, run.link ? link_color : color, run.text.c_str());
            if (run.link) {
                const float underline = y + size_ * 1.12f;
                list->AddLine(ImVec2(pos.x, underline), ImVec2(pos.x + run.width, underline), link_color, std::max(1.0f, size_ / 16));
            }
        }
        y += line_height_;
    }
}

}  // namespace kiosk
