#pragma once
// What visitors read, laid out by the text engine in fonts/: a paragraph of styled spans is
// shaped once (HarfBuzz, FriBidi, libunibreak), wrapped to a width, and drawn from the glyph
// atlas through ImGui's draw list. Shaping is kept for the block's life and the lines for the
// last width and size, so an unchanged screen costs only the drawing.
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "content/text/markup.hpp"
#include "fonts/font_set.hpp"
#include "fonts/glyph_atlas.hpp"
#include "fonts/line_layout.hpp"
#include "fonts/shaper.hpp"
#include "kiosk/ui/drawn_text.hpp"

namespace kiosk {

/// The fonts and the atlas one theme draws with.
struct TextEngine {
    std::unique_ptr<fonts::FontSet> fonts;
    std::unique_ptr<fonts::GlyphAtlas> atlas;
    ImTextureID texture = nullptr;  // the atlas on the GPU, set by the frame loop
};

/// A text size: which engine and how many pixels per em.
struct TextStyle {
    TextEngine* engine = nullptr;
    float size = 0;
    float line_height() const { return size * 1.5f; }
};

/// Where a link of a laid-out block lies on screen: one box per line it runs over, the height
/// of the line, so a finger finds it.
struct LinkArea {
    std::string target;  // as the markup wrote it, e.g. link:rednova-phone
    ImVec2 min, max;
};

/// `text` with every number of several parts ("011 0112 5500", "9:00–17:00", "+39", "24/7")
/// isolated left to right (U+2066 … U+2069), so it keeps its order inside right-to-left text: the
/// bidi algorithm would otherwise set its groups right to left, "5500 0112 011". Numbers the
/// code puts into sentences come isolated already (words.hpp isolated()); this catches those
/// written in the content. A single number ("112") needs nothing.
std::u32string isolate_numbers(std::u32string_view text);

class TextBlock {
public:
    TextBlock() = default;
    /// `lang` picks language-specific shaping and line breaking; `rtl` makes the paragraph
    /// right to left and right-aligned.
    TextBlock(std::vector<content::Span> spans, std::string lang, bool rtl);
    static TextBlock plain(std::string text, std::string lang, bool rtl, bool bold = false);

    /// Lays the text out in `width` pixels and returns its height.
    float layout(const TextStyle& style, float width);
    /// Lays the text out in `width` at the style's size or, when that is taller than `height`, at
    /// the largest size below it in 10 % steps, not under `min_size`, that fits. Returns its
    /// height. The size found is kept, so a label drawn every frame is laid out once.
    float layout_to_fit(const TextStyle& style, float width, float height, float min_size);
    /// Draws the last layout with its top-left corner at `origin` (lines of a right-to-left
    /// block end at the right edge of the laid-out width).
    void draw(ImDrawList* list, ImVec2 origin, ImU32 color, ImU32 link_color) const;
    /// The boxes of the links of the last layout drawn at `origin`, in reading order.
    std::vector<LinkArea> link_areas(ImVec2 origin) const;
    /// Where characters [from, to) of the last layout drawn at `origin` lie: one box per line
    /// they run over, the height of the line.
    std::vector<std::pair<ImVec2, ImVec2>> range_boxes(ImVec2 origin, size_t from, size_t to) const;
    /// Width of the longest line of the last layout.
    float widest() const { return widest_; }
    /// How many times the style's line height its lines are: more than 1 in a tall script (Nastaliq).
    float line_scale() const { return shaped_.line_height; }
    bool rtl() const { return rtl_; }
    /// The language the text is in (what shapes it, and what voice reads it).
    const std::string& lang() const { return lang_; }
    bool empty() const { return text_.empty(); }
    /// The words a voice says for this text when they are not the ones shown ("1.3 kilometres"
    /// for "1.3 km"); empty when they are.
    const std::string& spoken() const { return spoken_; }
    void set_spoken(std::string words) { spoken_ = std::move(words); }
    /// The laid-out lines, for tests.
    const std::vector<fonts::Line>& lines() const { return lines_; }
    /// The text, for tests.
    const std::u32string& text() const { return text_; }

private:
    /// The style's line height, grown for a tall script (fonts::ShapedText::line_height).
    float line_height() const { return style_.line_height() * shaped_.line_height; }

    std::u32string text_;
    std::vector<bool> bold_;
    std::vector<int> link_;  // per character: an index into targets_, or -1
    std::vector<std::string> targets_;
    std::string lang_, spoken_;
    bool rtl_ = false;
    // Shaping, for the font set it was made with; lines for the last width and size.
    uint64_t shaped_with_ = 0;  // FontSet::id()
    fonts::ShapedText shaped_;
    TextStyle style_;
    float width_ = -1, widest_ = 0;
    std::vector<fonts::Line> lines_;
    // The last layout_to_fit request and the size it found.
    struct FitRequest {
        uint64_t fonts = 0;
        float size = 0, width = 0, height = 0, min_size = 0;
        bool operator==(const FitRequest&) const = default;
    };
    FitRequest fit_asked_;
    float fit_size_ = 0;
};

}  // namespace kiosk
