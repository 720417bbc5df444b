#pragma once
// A region that scrolls under the finger: drag to scroll, fling to glide on and slow down, a
// glow at the edge when there is no more to see, and the mouse wheel on desktops. ImGui only
// keeps the offset; the motion is ours.
#include <imgui.h>

#include <string>

namespace kiosk {

class Pointer;
struct Theme;

class ScrollArea {
public:
    /// Opens a child window of `size` at `pos` and scrolls it by this frame's drag, fling or wheel.
    /// `dt` is the time since the last frame, in seconds.
    void begin(const char* id, ImVec2 pos, ImVec2 size, Pointer& pointer, const Theme& theme, float dt);
    /// Closes the child window and draws the edge glow over it.
    void end(const Theme& theme);
    /// Back to the top, motionless (a new screen, a new visitor).
    void reset();
    /// Scrolls so that what lies from `top` to `bottom` (screen pixels, as last drawn) is in view,
    /// its top first when it is taller than the area. Returns how far the content moved up.
    float reveal(float top, float bottom);
    /// A fling or an edge glow is under way: the area wants another frame.
    bool animating() const { return velocity_ != 0 || edge_ != 0; }

    float offset() const { return offset_; }
    float max_offset() const { return max_; }
    float velocity() const { return velocity_; }
    /// How far the visitor pulled past an edge: negative at the top, positive at the bottom.
    float edge() const { return edge_; }

private:
    void pull(float amount);  // movement past an edge, shown as the glow

    float offset_ = 0, max_ = 0;
    float velocity_ = 0;  // pixels per second, positive towards the end
    float edge_ = 0;
    bool held_ = false;  // a finger is dragging this area
    ImVec2 pos_{0, 0}, size_{0, 0};
};

}  // namespace kiosk
