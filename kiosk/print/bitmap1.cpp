#include "kiosk/print/bitmap1.hpp"

#include <algorithm>

namespace kiosk {

void Bitmap1::append(const Bitmap1& other) {
    if (other.width_ == width_) {  // the usual case: whole rows, byte for byte
        bits_.insert(bits_.end(), other.bits_.begin(), other.bits_.end());
        height_ += other.height_;
        return;
    }
    Bitmap1 joined(std::max(width_, other.width_), height_ + other.height_);
    for (int y = 0; y < height_; ++y)
        for (int x = 0; x < width_; ++x)
            if (dark(x, y)) joined.set(x, y);
    for (int y = 0; y < other.height_; ++y)
        for (int x = 0; x < other.width_; ++x)
            if (other.dark(x, y)) joined.set(x, height_ + y);
    *this = std::move(joined);
}

}  // namespace kiosk
