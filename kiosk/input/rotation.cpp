#include "kiosk/input/rotation.hpp"

namespace kiosk {

ImVec2 Rotation::to_logical(ImVec2 p, ImVec2 panel) const {
    switch (degrees) {
        case 90: return ImVec2(p.y, panel.x - p.x);
        case 180: return ImVec2(panel.x - p.x, panel.y - p.y);
        case 270: return ImVec2(panel.y - p.y, p.x);
        default: return p;
    }
}

ImVec2 Rotation::to_panel(ImVec2 l, ImVec2 panel) const {
    switch (degrees) {
        case 90: return ImVec2(panel.x - l.y, l.x);
        case 180: return ImVec2(panel.x - l.x, panel.y - l.y);
        case 270: return ImVec2(l.y, panel.y - l.x);
        default: return l;
    }
}

}  // namespace kiosk
