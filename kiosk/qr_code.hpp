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

    /// Encodes `text` in 8-bit (byte) mode, so a URL is carried exactly as written, at error
    /// correction level M: 15 % of the symbol can be lost (glare on the glass, a finger, a
    /// scuffed ticket) while the symbol stays small enough for big modules; H would make a
    /// directions URL a denser, harder-to-read symbol in the same space. Nothing, with the
    /// reason in `error`, when the text does not fit in a QR code (about 2,300 bytes at M).
    static std::optional<QrCode> encode(std::string_view text, std::string& error);

    /// Modules on a side, without the quiet zone.
    int size() const { return size_; }
    /// True for a dark module; (0,0) is the top-left corner.
    bool dark(int x, int y) const { return modules_[static_cast<size_t>(y * size_ + x)]; }
    const std::string& text() const { return text_; }

private:
    int size_ = 0;
    std::vector<bool> modules_;
    std::string text_;
};

}  // namespace kiosk
