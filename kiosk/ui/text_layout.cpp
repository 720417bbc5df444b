#include "kiosk/ui/text_layout.hpp"

#include <cmath>

#include "fonts/glyph_atlas.hpp"
#include "fonts/utf8.hpp"

namespace kiosk {

namespace {

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9); }
bool joins_digits(char32_t c) { return c == U' ' || c == U'.' || c == U':' || c == U'/' || c == U'-' || c == U'\u2013'; }

}  // namespace

std::u32string isolate_numbers(std::u32string_view text) {
    std::u32string out;
    for (size_t i = 0; i < text.size();) {
        const bool plus = text[i] == U'+' && i + 1 < text.size() && is_digit(text[i + 1]);
        if (!plus && !is_digit(text[i])) {
            out += text[i++];
            continue;
        }
        // A run of digits with single separators between them, after an optional "+".
        size_t end = i + (plus ? 1 : 0);
        bool parts = plus;
        while (end < text.size() && is_digit(text[end])) {
            while (end < text.size() && is_digit(text[end])) ++end;
            if (end + 1 < text.size() && joins_digits(text[end]) && is_digit(text[end + 1])) {
                parts = true;
                ++end;
            }
        }
        if (parts) out += U'\u2066';  // LRI
        out.append(text.substr(i, end - i));
        if (parts) out += U'\u2069';  // PDI
        i = end;
    }
    return out;
}

TextBlock::TextBlock(std::vector<content::Span> spans, std::string lang, bool rtl) : lang_(std::move(lang)), rtl_(rtl) {
    for (const auto& span : spans) {
        std::u32string text = fonts::decode_utf8(span.text);
        if (rtl_) text = isolate_numbers(text);
        for (char32_t& c : text)
            if (c == U'\n' || c == U'\t') c = U' ';
        text_ += text;
        bold_.insert(bold_.end(), text.size(), span.bold);
        link_.insert(link_.end(), text.size(), span.is_link() ? static_cast<int>(targets_.size()) : -1);
        if (span.is_link()) targets_.push_back(span.target);
    }
}

TextBlock TextBlock::plain(std::string text, std::string lang, bool rtl, bool bold) {
    content::Span span;
    span.text = std::move(text);
    span.bold = bold;
    return TextBlock({std::move(span)}, std::move(lang), rtl);
}

float TextBlock::layout(const TextStyle& style, float width) {
    if (!style.engine || !style.engine->fonts) return 0;
    const fonts::FontSet* set = style.engine->fonts.get();
    if (set->id() != shaped_with_) {  // new fonts (a new theme): the lines' faces are gone too
        shaped_ = fonts::shape(*set, text_, bold_, lang_, rtl_);
        shaped_with_ = set->id();
        width_ = -1;
    }
    if (width != width_ || style.size != style_.size || style.engine != style_.engine) {
        style_ = style;
        width_ = width;
        lines_ = fonts::layout_lines(*set, shaped_, style.size, width);
        widest_ = 0;
        for (const auto& line : lines_) widest_ = std::max(widest_, line.width);
    }
    return line_height() * static_cast<float>(lines_.size());
}

float TextBlock::layout_to_fit(const TextStyle& style, float width, float height, float min_size) {
    if (!style.engine || !style.engine->fonts) return 0;
    const FitRequest asked{style.engine->fonts->id(), style.size, width, height, min_size};
    TextStyle fitted = style;
    if (asked == fit_asked_) {
        fitted.size = fit_size_;
        return layout(fitted, width);
    }
    float h = layout(fitted, width);
    while (h > height && fitted.size * 0.9f >= min_size) {
        fitted.size *= 0.9f;
        h = layout(fitted, width);
    }
    fit_asked_ = asked;
    fit_size_ = fitted.size;
    return h;
}

std::vector<LinkArea> TextBlock::link_areas(ImVec2 origin) const {
    std::vector<LinkArea> areas;
    if (targets_.empty()) return areas;
    const float line_height = this->line_height();
    float top = origin.y;
    for (const auto& line : lines_) {
        const float left = std::round(rtl_ ? origin.x + width_ - line.width : origin.x);
        int current = -1;
        for (const auto& g : line.glyphs) {
            const int link = g.cluster < link_.size() ? link_[g.cluster] : -1;
            if (link >= 0 && link == current) {
                areas.back().min.x = std::min(areas.back().min.x, left + g.x);
                areas.back().max.x = std::max(areas.back().max.x, left + g.x + g.advance);
            } else if (link >= 0) {
                areas.push_back({targets_[static_cast<size_t>(link)], ImVec2(left + g.x, top), ImVec2(left + g.x + g.advance, top + line_height)});
            }
            current = link;
        }
        top += line_height;
    }
    return areas;
}

std::vector<std::pair<ImVec2, ImVec2>> TextBlock::range_boxes(ImVec2 origin, size_t from, size_t to) const {
    std::vector<std::pair<ImVec2, ImVec2>> boxes;
    const float line_height = this->line_height();
    float top = origin.y;
    for (const auto& line : lines_) {
        const float left = std::round(rtl_ ? origin.x + width_ - line.width : origin.x);
        float x0 = 0, x1 = 0;
        bool any = false;
        for (const auto& g : line.glyphs) {
            if (g.cluster < from || g.cluster >= to) continue;
            x0 = any ? std::min(x0, left + g.x) : left + g.x;
            x1 = any ? std::max(x1, left + g.x + g.advance) : left + g.x + g.advance;
            any = true;
        }
        if (any) boxes.emplace_back(ImVec2(x0, top), ImVec2(x1, top + line_height));
        top += line_height;
    }
    return boxes;
}

void TextBlock::draw(ImDrawList* list, ImVec2 origin, ImU32 color, ImU32 link_color) const {
    if (!style_.engine || !style_.engine->atlas) return;
    if (DrawnText::current && !text_.empty()) {
        if (DrawnText::current->spotlit_next())
            DrawnText::current->spotlit = range_boxes(origin, DrawnText::current->spotlight.from, DrawnText::current->spotlight.to);
        const ImVec2 min = origin, max(origin.x + width_, origin.y + line_height() * static_cast<float>(lines_.size()));
        const ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
        const ImVec2 vmin(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y)), vmax(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
        DrawnText::current->add_block(fonts::encode_utf8(text_), spoken_, lang_, rtl_, min, max, vmin, vmax.x > vmin.x && vmax.y > vmin.y ? vmax : vmin);
    }
    fonts::GlyphAtlas& atlas = *style_.engine->atlas;
    const float to_u = 1.0f / static_cast<float>(atlas.width()), to_v = 1.0f / static_cast<float>(atlas.height());
    const float line_height = this->line_height();
    // The baseline sits so that ascenders and descenders of every script fit the line; a tall
    // script's taller line keeps the same proportions.
    const float baseline = std::round(style_.size * 1.1f * shaped_.line_height);
    const float underline_width = std::max(1.0f, style_.size / 16);
    list->PushTextureID(style_.engine->texture);
    float top = origin.y;
    for (const auto& line : lines_) {
        const float left = std::round(rtl_ ? origin.x + width_ - line.width : origin.x);
        const float y = top + baseline;
        for (const auto& g : line.glyphs) {
            const bool link = g.cluster < link_.size() && link_[g.cluster] >= 0;
            const auto* slot = atlas.get(*g.face, g.id, g.size);
            if (!slot || slot->w == 0) continue;
            const float x0 = std::round(left + g.x) + static_cast<float>(slot->left);
            const float y0 = std::round(y + g.y) - static_cast<float>(slot->top);
            list->PrimReserve(6, 4);
            list->PrimRectUV(ImVec2(x0, y0), ImVec2(x0 + static_cast<float>(slot->w), y0 + static_cast<float>(slot->h)),
                             ImVec2(static_cast<float>(slot->x) * to_u, static_cast<float>(slot->y) * to_v),
                             ImVec2(static_cast<float>(slot->x + slot->w) * to_u, static_cast<float>(slot->y + slot->h) * to_v),
                             link ? link_color : color);
        }
        top += line_height;
    }
    list->PopTextureID();
    // Underlines are drawn after the glyphs: a line samples the white pixel of ImGui's own font
    // texture, which the glyph atlas pushed here is not.
    for (const auto& a : link_areas(origin)) {
        const float underline_y = a.min.y + baseline + style_.size * 0.15f;
        list->AddLine(ImVec2(a.min.x, underline_y), ImVec2(a.max.x, underline_y), link_color, underline_width);
    }
}

}  // namespace kiosk
