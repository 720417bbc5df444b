#include "kiosk/input/corner_gesture.hpp"

#include <algorithm>

namespace kiosk {

namespace {
// A corner is the square of an eighth of the short side: easy to find, hard to hit by chance.
float corner_size(ImVec2 display) { return std::min(display.x, display.y) / 8; }
}  // namespace

bool CornerGesture::in_corner(ImVec2 at, ImVec2 display) {
    const float corner = corner_size(display);
    return at.y < corner && (at.x < corner || at.x > display.x - corner);
}

bool CornerGesture::long_press(ImVec2 at, ImVec2 display, time_point now) {
    const float corner = corner_size(display);
    const bool top = at.y < corner;
    if (top && at.x < corner) {
        first_corner_ = now;
        return false;
    }
    const bool done = top && at.x > display.x - corner && first_corner_ && now - *first_corner_ <= kBetween;
    first_corner_.reset();
    return done;
}

}  // namespace kiosk
