#pragma once
// A panel mounted turned (portrait kiosks): the UI is drawn for the logical screen and turned
// onto the panel, and touches on the panel are turned back. SDL ignores the kernel's panel
// orientation, so the kiosk does both itself. Degrees are clockwise: 90 means the UI's top edge
// lies along the panel's right edge.
#include <imgui.h>

namespace kiosk {

struct Rotation {
    int degrees = 0;  // 0, 90, 180 or 270

    bool quarter() const { return degrees == 90 || degrees == 270; }
    /// The UI's size on a panel of `panel` pixels.
    ImVec2 logical_size(ImVec2 panel) const { return quarter() ? ImVec2(panel.y, panel.x) : panel; }
    /// A panel point in UI coordinates.
    ImVec2 to_logical(ImVec2 p, ImVec2 panel) const;
    /// A UI point on the panel.
    ImVec2 to_panel(ImVec2 l, ImVec2 panel) const;
};

}  // namespace kiosk
