#pragma once
// Paragraph layout for what visitors read: styled spans split into words, wrapped greedily to
// a width in logical order, then placed left to right or, for right-to-left text, from the
// right edge with the interim word-level ordering of fonts/bidi_words. The layout is cached
// for the last width and font, so an unchanged screen costs only the drawing.
#include <imgui.h>

#include <string>
#include <vector>

#include "markup.hpp"
#include "theme.hpp"

namespace kiosk {

class TextBlock {
public:
    TextBlock() = default;
    TextBlock(std::vector<content::Span> spans, bool rtl) : spans_(std::move(spans)), rtl_(rtl) {}
    static TextBlock plain(std::string text, bool rtl, bool bold = false);

    /// Lays the text out in `width` pixels and returns its height.
    float layout(const FontPair& font, float width);
    /// Draws the last layout with its top-left corner at `origin`.
    void draw(ImDrawList* list, ImVec2 origin, ImU32 color, ImU32 link_color) const;
    /// Width of the longest line of the last layout.
    float widest() const { return widest_; }
    bool rtl() const { return rtl_; }
    bool empty() const { return spans_.empty(); }

private:
    struct Run {
        std::string text;  // in drawing order
        ImFont* font;
        float x, width;
        bool link;
    };
    std::vector<content::Span> spans_;
    bool rtl_ = false;
    // Cache of the last layout.
    float width_ = -1, size_ = 0;
    const ImFont* font_ = nullptr;
    std::vector<std::vector<Run>> lines_;
    float line_height_ = 0, widest_ = 0;
};

}  // namespace kiosk
