#pragma once
// The hidden way into the admin panel: hold a finger still in the top-left corner, then within
// a few seconds in the top-right corner. Visitors do not do this by chance, and it needs no
// visible control. Corners are the panel's as the UI is drawn, the same in every language.
#include <imgui.h>

#include <chrono>
#include <optional>

namespace kiosk {

class CornerGesture {
public:
    using time_point = std::chrono::steady_clock::time_point;
    static constexpr std::chrono::milliseconds kHold{2000};      // how long each press is held
    static constexpr std::chrono::milliseconds kBetween{10000};  // the second corner within this

    /// True for a point in one of the two corners the gesture uses.
    static bool in_corner(ImVec2 at, ImVec2 display);
    /// A long press in a corner; true when it completes the gesture.
    bool long_press(ImVec2 at, ImVec2 display, time_point now);

private:
    std::optional<time_point> first_corner_;
};

}  // namespace kiosk
