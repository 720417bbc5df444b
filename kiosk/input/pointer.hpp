#pragma once
// One pointer for ImGui from a finger or a mouse, with the gestures a touch screen needs and
// ImGui 1.86 lacks:
// - Taps: ImGui samples the button once per frame, so a release that arrives before any frame
//   saw the press is held back a frame; a tap shorter than a frame still presses.
// - Drags: until a press moves further than a small threshold, ImGui sees the pointer where the
//   finger landed, so a trembling finger still taps. Past the threshold it is a drag for the
//   scroll areas, and ImGui sees the press end away from every control: nothing is tapped.
// - Long presses: a press held still long enough is reported once (the hidden admin gesture)
//   and, like a drag, taps nothing.
// - Pinches: a second finger turns the press into a pinch for the map; it taps and drags
//   nothing, and after it the finger left on the glass rests until it lifts.
// After a touch ends, the pointer leaves the screen so no control stays highlighted.
#include <imgui.h>

#include <chrono>
#include <optional>

namespace kiosk {

/// How a flung page or map glides on: its speed falls as e^(-t/τ) — τ = 0.4 s glides about as
/// far as on a phone — and it stops below 20 px/s.
inline constexpr float kGlideTime = 0.4f;
inline constexpr float kGlideStopSpeed = 20;

class Pointer {
public:
    using time_point = std::chrono::steady_clock::time_point;

    /// Movement in pixels that turns a press into a drag.
    void set_drag_threshold(float px) { drag_threshold_ = px; }

    // Input, in screen pixels.
    void press(ImVec2 at, bool touch, time_point now);
    void move(ImVec2 at, time_point now);
    void release(ImVec2 at, time_point now);
    void wheel(float lines) { wheel_ += lines; }
    /// The current press taps nothing (it only woke the kiosk or dismissed a countdown).
    void cancel_press() {
        if (state_ == State::Pressed) cancelled_ = true;
    }
    /// A second finger, while the first is down: a pinch.
    void second_press(ImVec2 at);
    void second_move(ImVec2 at);
    void second_release();

    /// Before ImGui::NewFrame.
    void apply(ImGuiIO& io) const;
    /// After a frame was rendered.
    void after_frame();
    /// True while the pointer needs frames to settle (held release, leaving, a drag under way).
    bool busy() const;

    // Gestures, read while a frame is drawn.
    /// A drag is under way; its movement since the last frame is taken once by one scroll area.
    bool dragging() const { return state_ == State::Dragging; }
    ImVec2 origin() const { return origin_; }
    ImVec2 take_drag_delta();
    /// The finger's velocity (pixels per second) when a drag ended, taken once.
    std::optional<ImVec2> take_fling();
    float take_wheel();
    ImVec2 position() const { return pos_; }
    /// Two fingers are on the glass.
    bool pinching() const { return state_ == State::Pinching; }
    /// How two fingers moved since the last take: their midpoint from and to, and the factor
    /// their distance changed by.
    struct Pinch {
        ImVec2 from, to;
        float factor = 1;
    };
    std::optional<Pinch> take_pinch();
    /// Where a press has been held still for `hold`, once per press. It still taps on release
    /// unless cancel_press() is called: a slow finger is not a mistake.
    std::optional<ImVec2> take_long_press(time_point now, std::chrono::milliseconds hold);
    /// When a press now held still becomes a long press (to wake the loop then).
    std::optional<time_point> long_press_due(std::chrono::milliseconds hold) const;

private:
    enum class State { Up, Pressed, Dragging, Pinching, Resting };
    void sample(ImVec2 at, time_point now);

    State state_ = State::Up;
    ImVec2 pos_{-FLT_MAX, -FLT_MAX};  // where the finger or mouse is
    ImVec2 origin_{-FLT_MAX, -FLT_MAX};
    ImVec2 drag_delta_{0, 0};
    ImVec2 second_{0, 0};                          // the pinch's second finger
    ImVec2 pinch_taken_[2]{{0, 0}, {0, 0}};        // both fingers when the pinch was last taken
    std::optional<ImVec2> fling_;
    float wheel_ = 0;
    float drag_threshold_ = 20;
    bool touch_ = false;
    bool seen_ = false;             // a frame has seen the current press
    bool release_pending_ = false;  // released before any frame saw the press
    bool cancelled_ = false;        // a drag or long press: ImGui sees no press any more
    bool leave_pending_ = false;    // move away once the release frame is drawn
    bool long_press_taken_ = false;
    time_point pressed_at_{};
    // Recent positions, for the velocity at release.
    struct Sample {
        ImVec2 at;
        time_point t;
    };
    static constexpr int kSamples = 8;
    Sample samples_[kSamples]{};
    int sample_count_ = 0, sample_next_ = 0;
};

}  // namespace kiosk
