#pragma once
// A 1-bit picture: what a thermal printer puts on paper, one dot per pixel, dark or not.
// Rows are packed eight dots to a byte, most significant bit first, as ESC/POS raster wants.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk {

class Bitmap1 {
public:
    Bitmap1() = default;
    /// `width` is rounded up to whole bytes; every dot starts light.
    Bitmap1(int width, int height)
        : width_(width), height_(height), stride_((width + 7) / 8), bits_(static_cast<std::size_t>(stride_) * static_cast<std::size_t>(height), 0) {}

    int width() const { return width_; }
    int height() const { return height_; }
    int stride() const { return stride_; }  // bytes per row
    bool dark(int x, int y) const { return (bits_[index(x, y)] >> (7 - (x & 7))) & 1; }
    void set(int x, int y, bool dark = true) {
        if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
        if (dark) bits_[index(x, y)] |= uint8_t(0x80 >> (x & 7));
        else bits_[index(x, y)] &= uint8_t(~(0x80 >> (x & 7)));
    }
    void fill(int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) set(x, y);
    }
    const uint8_t* row(int y) const { return &bits_[static_cast<std::size_t>(y) * static_cast<std::size_t>(stride_)]; }
    /// Adds `other` below this picture (widths must match; the wider one wins otherwise).
    void append(const Bitmap1& other);

private:
    std::size_t index(int x, int y) const { return static_cast<std::size_t>(y) * static_cast<std::size_t>(stride_) + static_cast<std::size_t>(x >> 3); }
    int width_ = 0, height_ = 0, stride_ = 0;
    std::vector<uint8_t> bits_;
};

}  // namespace kiosk
