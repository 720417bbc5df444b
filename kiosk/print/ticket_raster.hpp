#pragma once
// A ticket laid out for a receipt printer's paper: text shaped and wrapped by the kiosk's own
// text engine (fonts/) and rasterised with FreeType to 1-bit dots, so Arabic, Chinese or Bengali
// print right on a printer that has no font for them; the QR code as raster modules or as the
// printer's own QR command. No SDL, no ImGui, no device.
#include <vector>

#include "fonts/font_set.hpp"
#include "kiosk/print/bitmap1.hpp"
#include "kiosk/print/escpos.hpp"
#include "kiosk/print/ticket.hpp"

namespace kiosk {

enum class QrMode { Raster, Native };

struct TicketLayout {
    int width_dots = escpos::kDots80mm;
    QrMode qr = QrMode::Raster;
};

/// The ticket as ESC/POS blocks, top to bottom: one raster picture, or with QrMode::Native the
/// text above, the printer's QR command, and the rest below.
std::vector<escpos::Block> ticket_blocks(const fonts::FontSet& fonts, const Ticket& ticket, const TicketLayout& layout);

/// What comes out on paper: the blocks as one picture (a native QR code drawn as the printer
/// would, from our own encoding), for previews.
Bitmap1 paper_picture(const std::vector<escpos::Block>& blocks, int width_dots);

/// Dots per QR module for a symbol of `modules` (quiet zone included) on `width_dots` of paper:
/// as large as fits, at most 8 (1 mm at 203 dpi, read from arm's length), at least 2.
int qr_module_dots(int modules, int width_dots);

}  // namespace kiosk
