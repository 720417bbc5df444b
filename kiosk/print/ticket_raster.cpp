#include "kiosk/print/ticket_raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <utility>

#include "fonts/line_layout.hpp"
#include "fonts/shaper.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/qr/qr_code.hpp"
#include "platform/log.hpp"

namespace kiosk {

namespace {

// Sizes in printer dots (203 dpi: 8 dots a millimetre): body text 3 mm, the title 4 mm,
// as large as a receipt's own print and readable without glasses for most.
constexpr float kBodyDots = 24, kTitleDots = 32, kSmallDots = 20;
constexpr int kMargin = 8, kGap = 12;

// A dot 40 % covered or more prints dark: thermal dots are on or off, and a threshold below half
// keeps thin strokes (Arabic, CJK, Bengali matras) unbroken at these sizes.
constexpr unsigned char kThreshold = 100;

// The symbol with its quiet zone, `m` dots a module, centred across `width` dots.
Bitmap1 qr_picture(const QrCode& code, int m, int width) {
    const int side = (code.size() + 2 * QrCode::kQuietZone) * m, left = (width - side) / 2;
    Bitmap1 image(width, side);
    for (int y = 0; y < code.size(); ++y)
        for (int x = 0; x < code.size(); ++x)
            if (code.dark(x, y)) {
                const int x0 = left + (x + QrCode::kQuietZone) * m, y0 = (y + QrCode::kQuietZone) * m;
                image.fill(x0, y0, x0 + m, y0 + m);
            }
    return image;
}

class Painter {
public:
    Painter(const fonts::FontSet& fonts, int width) : fonts_(fonts), width_(width), picture_(width, 0) {}

    void text(const std::string& utf8, const std::string& lang, bool rtl, float size, bool bold, bool centred = false) {
        const auto text = fonts::decode_utf8(utf8);
        if (text.empty()) return;
        const auto shaped = fonts::shape(fonts_, text, std::vector<bool>(text.size(), bold), lang, rtl);
        const float avail = float(width_ - 2 * kMargin);
        const auto lines = fonts::layout_lines(fonts_, shaped, size, avail);
        const int line_height = int(std::lround(size * 1.4f * shaped.line_height));
        const int baseline = int(std::lround(size * 1.1f * shaped.line_height));
        Bitmap1 block(width_, line_height * int(lines.size()));
        int top = 0;
        for (const auto& line : lines) {
            const float left = centred ? std::round((float(width_) - line.width) / 2)
                               : rtl   ? float(width_ - kMargin) - line.width
                                       : float(kMargin);
            for (const auto& g : line.glyphs) draw_glyph(block, g, int(std::lround(left + g.x)), top + baseline + int(std::lround(g.y)));
            top += line_height;
        }
        add(block);
    }

    void qr(const QrCode& code) { add(qr_picture(code, qr_module_dots(code.size() + 2 * QrCode::kQuietZone, width_), width_)); }

    void rule() {
        Bitmap1 block(width_, 2 * kGap);
        block.fill(kMargin, kGap - 1, width_ - kMargin, kGap + 1);
        add(block);
    }

    void gap(int dots) { add(Bitmap1(width_, dots)); }

    /// The picture so far, and a fresh one for what follows.
    Bitmap1 take() { return std::exchange(picture_, Bitmap1(width_, 0)); }

private:
    void add(const Bitmap1& block) { picture_.append(block); }

    void draw_glyph(Bitmap1& into, const fonts::PlacedGlyph& g, int pen_x, int pen_y) {
        FT_Face ft = g.face->ft();
        FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(std::lround(g.size * 64)), 72, 72);
        if (FT_Load_Glyph(ft, g.id, FT_LOAD_TARGET_LIGHT) != 0 || FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return;
        const FT_Bitmap& bm = ft->glyph->bitmap;
        const int x0 = pen_x + ft->glyph->bitmap_left, y0 = pen_y - ft->glyph->bitmap_top;
        for (int y = 0; y < int(bm.rows); ++y)
            for (int x = 0; x < int(bm.width); ++x)
                if (bm.buffer[y * bm.pitch + x] >= kThreshold) into.set(x0 + x, y0 + y);
    }

    const fonts::FontSet& fonts_;
    int width_;
    Bitmap1 picture_;
};

}  // namespace

int qr_module_dots(int modules, int width_dots) { return std::clamp((width_dots - 2 * kMargin) / std::max(modules, 1), 2, 8); }

std::vector<escpos::Block> ticket_blocks(const fonts::FontSet& fonts, const Ticket& t, const TicketLayout& layout) {
    Painter p(fonts, layout.width_dots);
    std::vector<escpos::Block> blocks;
    p.text(t.title, t.lang, t.rtl, kTitleDots, true);
    p.gap(kGap);
    for (const auto& line : t.lines) {
        p.text(line, t.lang, t.rtl, kBodyDots, false);
        p.gap(kGap / 2);
    }
    if (!t.qr_text.empty()) {
        std::string error;
        if (const auto code = QrCode::encode(t.qr_text, error)) {
            if (layout.qr == QrMode::Native) {
                p.gap(kGap);
                blocks.emplace_back(p.take());
                const int modules = code->size() + 2 * QrCode::kQuietZone;
                blocks.emplace_back(escpos::NativeQr{t.qr_text, qr_module_dots(modules, layout.width_dots)});
            } else {
                p.qr(*code);
            }
            p.text(t.qr_caption, t.lang, t.rtl, kBodyDots, true, true);
        } else {
            platform::log::problem("ticket \"" + t.title + "\": no QR code: " + error);
        }
    }
    p.rule();
    p.text(t.footer, t.lang, t.rtl, kSmallDots, false);
    blocks.emplace_back(p.take());
    return blocks;
}

Bitmap1 paper_picture(const std::vector<escpos::Block>& blocks, int width_dots) {
    Bitmap1 paper(width_dots, 0);
    for (const auto& block : blocks) {
        if (const auto* image = std::get_if<Bitmap1>(&block)) {
            paper.append(*image);
        } else {
            const auto& native = std::get<escpos::NativeQr>(block);
            std::string error;
            if (const auto code = QrCode::encode(native.text, error)) paper.append(qr_picture(*code, native.module_dots, width_dots));
        }
    }
    return paper;
}

}  // namespace kiosk
