#pragma once
// One pointer for ImGui from mouse and touch events. ImGui 1.86 has no input queue and samples
// the button once per frame, so a tap whose press and release arrive between two frames would
// be lost: the release is held back until a frame has seen the press. After a touch ends, the
// pointer leaves the screen so no control stays highlighted under a lifted finger.
#include <SDL_events.h>
#include <imgui.h>

namespace kiosk {

class Pointer {
public:
    /// Takes mouse and finger events; finger coordinates (0..1) are scaled to the display.
    /// Returns true when the event concerned the pointer.
    bool on_event(const SDL_Event& event, float display_w, float display_h);
    /// Before ImGui::NewFrame.
    void apply(ImGuiIO& io) const;
    /// After a frame was rendered.
    void after_frame();
    /// True while the pointer still needs frames to settle (held release, leaving).
    bool busy() const { return release_pending_ || leave_pending_ || (down_ && !seen_); }

private:
    void press(float x, float y, bool touch);
    void release(float x, float y);

    ImVec2 pos_{-FLT_MAX, -FLT_MAX};
    bool down_ = false;
    bool seen_ = false;             // a frame has seen the current press
    bool release_pending_ = false;  // released before any frame saw the press
    bool touch_ = false;
    bool leave_pending_ = false;    // move away once the release frame is drawn
};

}  // namespace kiosk
