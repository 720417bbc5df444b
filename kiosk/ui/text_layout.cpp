#include "kiosk/ui/text_layout.hpp"

#include <cmath>

#include "fonts/glyph_atlas.hpp"
#include "fonts/utf8.hpp"

namespace kiosk {

TextBlock::TextBlock(std::vector<content::Span> spans, std::string lang, bool rtl) : lang_(std::move(lang)), rtl_(rtl) {
    for (const auto& span : spans) {
        std::u32string text = fonts::decode_utf8(span.text);
        for (char32_t& c : text)
            if (c == U'\n' || c == U'\t') c = U' ';
        text_ += text;
        bold_.insert(bold_.end(), text.size(), span.bold);
        link_.insert(link_.end(), text.size(), span.is_link());
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
    return style.line_height() * static_cast<float>(lines_.size());
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

void TextBlock::draw(ImDrawList* list, ImVec2 origin, ImU32 color, ImU32 link_color) const {
    if (!style_.engine || !style_.engine->atlas) return;
    fonts::GlyphAtlas& atlas = *style_.engine->atlas;
    const float to_u = 1.0f / static_cast<float>(atlas.width()), to_v = 1.0f / static_cast<float>(atlas.height());
    const float line_height = style_.line_height();
    // The baseline sits so that ascenders and descenders of every script fit the line.
    const float baseline = std::round(style_.size * 1.1f);
    const float underline_width = std::max(1.0f, style_.size / 16);
    // Underlines are drawn after the glyphs: a line samples the white pixel of ImGui's own font
    // texture, which the glyph atlas pushed here is not.
    struct Segment {
        ImVec2 from, to;
    };
    std::vector<Segment> underlines;
    list->PushTextureID(style_.engine->texture);
    float top = origin.y;
    for (const auto& line : lines_) {
        const float left = std::round(rtl_ ? origin.x + width_ - line.width : origin.x);
        const float y = top + baseline;
        float link_start = -1, link_end = -1;
        auto flush_underline = [&] {
            if (link_start < 0) return;
            underlines.push_back({ImVec2(left + link_start, y + style_.size * 0.15f), ImVec2(left + link_end, y + style_.size * 0.15f)});
            link_start = -1;
        };
        for (const auto& g : line.glyphs) {
            const bool link = g.cluster < link_.size() && link_[g.cluster];
            if (link) {
                if (link_start < 0) link_start = g.x;
                link_end = g.x + g.advance;
            } else {
                flush_underline();
            }
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
        flush_underline();
        top += line_height;
    }
    list->PopTextureID();
    for (const auto& u : underlines) list->AddLine(u.from, u.to, link_color, underline_width);
}

}  // namespace kiosk
