#include "fonts/line_layout.hpp"

#include <fribidi.h>
#include <hb.h>
#include <linebreak.h>

#include <numeric>

namespace fonts {

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\u3000' || c == U'\u00A0'; }

struct Wrapper {
    const ShapedText& text;
    float size, max_width;
    std::vector<float> prefix;  // prefix[i]: width of characters [0, i)

    float width(size_t start, size_t end) const {
        while (end > start && is_space(text.text[end - 1])) --end;
        return prefix[end] - prefix[start];
    }
    bool allowed_after(size_t i) const {
        return text.breaks[i] == LINEBREAK_ALLOWBREAK || text.breaks[i] == LINEBREAK_MUSTBREAK;
    }
    // A word wider than the line is cut at the last character boundary that fits (one at least).
    size_t emergency_end(size_t start, size_t limit) const {
        size_t end = start + 1;
        while (end < limit && text.advance[end] == 0) ++end;  // keep a cluster whole
        for (size_t i = end; i < limit; ++i)
            if (text.advance[i] != 0 && width(start, i) <= max_width) end = i;
        return end;
    }

    std::vector<std::pair<size_t, size_t>> wrap() const {
        std::vector<std::pair<size_t, size_t>> lines;
        const size_t n = text.text.size();
        size_t start = 0, fit = 0;  // fit: the furthest break after `start` known to fit
        size_t p = 0;
        while (start < n) {
            // The next opportunity after p.
            size_t q = p + 1;
            while (q < n && !allowed_after(q - 1)) ++q;
            if (width(start, q) <= max_width) {
                fit = q;
                if (q == n || text.breaks[q - 1] == LINEBREAK_MUSTBREAK) {
                    lines.emplace_back(start, q);
                    start = fit = p = q;
                } else {
                    p = q;
                }
                continue;
            }
            const size_t end = fit > start ? fit : emergency_end(start, q);
            lines.emplace_back(start, end);
            start = fit = p = end;
        }
        return lines;
    }
};

}  // namespace

std::vector<Line> layout_lines(const FontSet& fonts, const ShapedText& text, float size, float max_width) {
    std::vector<Line> lines;
    const size_t n = text.text.size();
    if (n == 0) return lines;
    Wrapper wrapper{text, size, max_width, std::vector<float>(n + 1, 0)};
    for (size_t i = 0; i < n; ++i) wrapper.prefix[i + 1] = wrapper.prefix[i] + text.advance[i] * size;

    std::vector<FriBidiStrIndex> map(n);
    for (const auto& [start, full_end] : wrapper.wrap()) {
        Line line;
        line.start = start;
        line.end = full_end;
        while (line.end > line.start && is_space(text.text[line.end - 1])) --line.end;
        if (line.end == line.start) {
            lines.push_back(std::move(line));
            continue;
        }
        // Rule L2 for this line: FriBidi gives the visual-to-logical map.
        std::vector<FriBidiLevel> levels(text.levels.begin(), text.levels.end());
        std::iota(map.begin(), map.end(), 0);
        const FriBidiLevel reordered = fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT & ~FRIBIDI_FLAG_REORDER_NSM,
                             reinterpret_cast<const FriBidiCharType*>(text.bidi_types.data()),
                             static_cast<FriBidiStrIndex>(line.end - line.start), static_cast<FriBidiStrIndex>(line.start),
                             text.rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR, levels.data(), nullptr, map.data());
        if (reordered == 0) std::iota(map.begin(), map.end(), 0);  // out of memory: logical order beats nothing
        // Consecutive visual characters of one run make a piece.
        for (size_t v = line.start; v < line.end;) {
            const auto first = static_cast<size_t>(map[v]);
            const uint32_t run = text.run_of[first];
            size_t lo = first, hi = first, w = v + 1;
            while (w < line.end && text.run_of[static_cast<size_t>(map[w])] == run) {
                lo = std::min(lo, static_cast<size_t>(map[w]));
                hi = std::max(hi, static_cast<size_t>(map[w]));
                ++w;
            }
            line.pieces.push_back({lo, hi + 1, text.runs[run].level % 2 == 1});
            v = w;
        }
        // Glyphs of each piece, in the run's visual order.
        float pen = 0;
        for (const Piece& piece : line.pieces) {
            const Run& run = text.runs[text.run_of[piece.start]];
            const Family& family = fonts.family(run.family);
            const Face* face = &family.face(run.bold);
            for (const Glyph& g : run.glyphs) {
                if (g.cluster < piece.start || g.cluster >= piece.end) continue;
                line.glyphs.push_back({face, g.id, g.cluster, pen + g.x_offset * size, -g.y_offset * size, g.advance * size,
                                       size * family.scale});
                pen += g.advance * size;
            }
        }
        line.width = pen;
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<size_t> visual_order(const Line& line, const std::u32string& text) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    auto is_mark = [&](size_t i) { return hb_unicode_general_category(unicode, text[i]) == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK; };
    std::vector<size_t> out;
    for (const Piece& p : line.pieces) {
        if (p.rtl) {
            for (size_t i = p.end; i-- > p.start;) {
                size_t base = i;
                while (base > p.start && is_mark(base)) --base;
                for (size_t k = base; k <= i; ++k) out.push_back(k);
                i = base;
            }
        } else
            for (size_t i = p.start; i < p.end; ++i) out.push_back(i);
    }
    return out;
}

}  // namespace fonts
