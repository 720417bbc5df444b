#pragma once
// A QR code symbol as a grid of modules, encoded with libqrencode. No drawing here: the screen
// draws it (qr_draw.hpp) and a printed ticket can raster the same grid.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class QrCode {
public:
    /// The light border every reader needs around the symbol, in modules (ISO/IEC 18004).
    static constexpr int kQuietZone = 4;

    /// How much of the symbol may be lost (glare on the glass, a finger, a scuffed ticket) and
    /// still read: M 15 %, Q 25 %, H 30 %.
    enum class Level { M, Q, H };

    /// The largest symbol, in modules a side, that a stronger level than M may make: version 6,
    /// 41 modules, 49 with the quiet zone, which is still 0.8 mm modules in the 40 mm a place's
    /// screen and a ticket give a code.
    static constexpr int kMaxStrongSize = 41;

    /// Encodes `text` in 8-bit (byte) mode, so a URL is carried exactly as written, at the
    /// strongest level that keeps the symbol within kMaxStrongSize modules: short links (tel:112,
    /// a booking site) get H or Q and lose nothing in module size; long ones (a directions URL)
    /// get M, since H would make them a denser symbol with smaller modules in the same space, and
    /// small modules are what fails from arm's length. Nothing, with the reason in `error`, when
    /// the text does not fit in a QR code (about 2,300 bytes at M).
    static std::optional<QrCode> encode(std::string_view text, std::string& error);

    /// Modules on a side, without the quiet zone.
    int size() const { return size_; }
    /// True for a dark module; (0,0) is the top-left corner.
    bool dark(int x, int y) const { return modules_[static_cast<size_t>(y * size_ + x)]; }
    const std::string& text() const { return text_; }
    Level level() const { return level_; }

private:
    int size_ = 0;
    std::vector<bool> modules_;
    std::string text_;
    Level level_ = Level::M;
};

}  // namespace kiosk
