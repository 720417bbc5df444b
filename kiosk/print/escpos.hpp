#pragma once
// ESC/POS, the command language of receipt printers (Epson TM series and their many clones):
// the bytes of a ticket and the reading of the printer's status answer. No devices here.
//
// The QR code goes out as raster (GS v 0) by default, like the text: every ESC/POS printer
// prints raster, and the dots on paper are exactly the symbol the tests decode with zbarimg.
// The printer's own QR command (GS ( k) is shorter on the wire but not on every model (older
// and cheap clones print its parameters as text or nothing), and module size, quiet zone and
// error correction vary by firmware; a printer profile may still choose it (`printer_qr = native`).
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/print/bitmap1.hpp"

namespace kiosk::escpos {

/// Printable width in dots of the two paper rolls receipt printers take (at 203 dpi).
inline constexpr int kDots58mm = 384;
inline constexpr int kDots80mm = 576;
/// Dots across for a paper width in millimetres (58 or 80); 0 for any other.
int dots_for_paper(int paper_mm);

/// A QR code the printer draws itself (GS ( k), centred, `module_dots` per module.
struct NativeQr {
    std::string text;
    int module_dots = 6;
};

/// What a ticket is made of, top to bottom.
using Block = std::variant<Bitmap1, NativeQr>;

/// The bytes of a ticket: initialise (ESC @), each block (raster images as GS v 0 in bands of at
/// most `kBandRows` rows, so a printer with a small buffer never waits on a half image), feed
/// the paper past the cutter (ESC d) and cut it (GS V 66: feed then partial cut).
std::vector<uint8_t> ticket_bytes(const std::vector<Block>& blocks);
inline constexpr int kBandRows = 256;
inline constexpr int kFeedLines = 4;

/// GS v 0 for one picture (no banding), mode 0: one dot per bit.
std::vector<uint8_t> raster(const Bitmap1& image);
/// GS ( k: model 2, module size, error correction M, store, print.
std::vector<uint8_t> native_qr(const NativeQr& qr);

/// DLE EOT 4: asks for the paper roll sensor's status, answered at once with one byte.
inline const std::vector<uint8_t> kPaperStatusQuery = {0x10, 0x04, 0x04};
/// True when the answer to kPaperStatusQuery says the paper has run out (bits 5 and 6).
bool paper_out(uint8_t answer);

}  // namespace kiosk::escpos
