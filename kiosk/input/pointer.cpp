#include "kiosk/input/pointer.hpp"

#include <cmath>

namespace kiosk {

namespace {
float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

void Pointer::sample(ImVec2 at, time_point now) {
    samples_[sample_next_] = {at, now};
    sample_next_ = (sample_next_ + 1) % kSamples;
    if (sample_count_ < kSamples) ++sample_count_;
}

void Pointer::press(ImVec2 at, bool touch, time_point now) {
    state_ = State::Pressed;
    pos_ = origin_ = at;
    drag_delta_ = ImVec2(0, 0);
    fling_.reset();
    touch_ = touch;
    seen_ = release_pending_ = cancelled_ = leave_pending_ = long_press_taken_ = false;
    pressed_at_ = now;
    sample_count_ = sample_next_ = 0;
    sample(at, now);
}

void Pointer::move(ImVec2 at, time_point now) {
    if (state_ == State::Up || state_ == State::Pinching || state_ == State::Resting) {  // a mouse hovering, or a pinch
        pos_ = at;
        return;
    }
    drag_delta_.x += at.x - pos_.x;
    drag_delta_.y += at.y - pos_.y;
    pos_ = at;
    sample(at, now);
    if (state_ == State::Pressed && distance(at, origin_) > drag_threshold_ && !long_press_taken_) {
        state_ = State::Dragging;
        cancelled_ = true;
        drag_delta_ = ImVec2(at.x - origin_.x, at.y - origin_.y);  // the threshold's worth scrolls too
    }
}

void Pointer::release(ImVec2 at, time_point now) {
    if (state_ == State::Up) return;
    if (state_ == State::Pinching || state_ == State::Resting) {  // the end of a pinch flings nothing
        state_ = State::Up;
        leave_pending_ = touch_;
        return;
    }
    if (state_ == State::Dragging) {
        move(at, now);
        // Velocity over the last 100 ms of movement; a finger that rested before lifting flings nothing.
        ImVec2 v(0, 0);
        const Sample& last = samples_[(sample_next_ + kSamples - 1) % kSamples];
        for (int i = 1; i < sample_count_; ++i) {
            const Sample& s = samples_[(sample_next_ + kSamples - 1 - i) % kSamples];
            const float dt = std::chrono::duration<float>(last.t - s.t).count();
            if (dt > 0.1f) break;
            if (dt > 0.008f) v = ImVec2((last.at.x - s.at.x) / dt, (last.at.y - s.at.y) / dt);
        }
        if (std::chrono::duration<float>(now - last.t).count() > 0.05f) v = ImVec2(0, 0);
        fling_ = v;
        state_ = State::Up;
        leave_pending_ = touch_;
        return;
    }
    pos_ = cancelled_ ? pos_ : origin_;
    if (seen_ || cancelled_) state_ = State::Up;
    else release_pending_ = true;
    leave_pending_ = touch_;
}

void Pointer::second_press(ImVec2 at) {
    if (state_ != State::Pressed && state_ != State::Dragging) return;
    state_ = State::Pinching;
    cancelled_ = true;
    drag_delta_ = ImVec2(0, 0);
    second_ = at;
    pinch_taken_[0] = pos_;
    pinch_taken_[1] = at;
}

void Pointer::second_move(ImVec2 at) {
    if (state_ == State::Pinching) second_ = at;
}

void Pointer::second_release() {
    if (state_ == State::Pinching) state_ = State::Resting;
}

std::optional<Pointer::Pinch> Pointer::take_pinch() {
    if (state_ != State::Pinching) return std::nullopt;
    const auto mid = [](ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2); };
    const float before = distance(pinch_taken_[0], pinch_taken_[1]), now = distance(pos_, second_);
    // Fingers on top of each other give no distance to compare: the pinch only moves.
    Pinch p{mid(pinch_taken_[0], pinch_taken_[1]), mid(pos_, second_), before > 1 && now > 1 ? now / before : 1.0f};
    pinch_taken_[0] = pos_;
    pinch_taken_[1] = second_;
    return p;
}

void Pointer::apply(ImGuiIO& io) const {
    // A cancelled press (drag, long press) ends away from every control, so nothing is tapped;
    // a press in progress stays where it landed.
    if (cancelled_) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[0] = false;
        return;
    }
    io.MousePos = state_ == State::Pressed ? origin_ : pos_;
    io.MouseDown[0] = state_ == State::Pressed;
}

void Pointer::after_frame() {
    if (state_ == State::Pressed) {
        seen_ = true;
        if (release_pending_) {
            state_ = State::Up;
            release_pending_ = false;
        }
        return;
    }
    // What no scroll area took this frame is gone: it must not jump in later.
    drag_delta_ = ImVec2(0, 0);
    wheel_ = 0;
    if (state_ == State::Up) {
        fling_.reset();
        cancelled_ = false;
        if (leave_pending_) {
            pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
            leave_pending_ = false;
        }
    }
}

bool Pointer::busy() const {
    return release_pending_ || leave_pending_ || state_ == State::Dragging || fling_.has_value() ||
           (state_ == State::Pressed && !seen_);
}

ImVec2 Pointer::take_drag_delta() {
    const ImVec2 d = drag_delta_;
    drag_delta_ = ImVec2(0, 0);
    return d;
}

std::optional<ImVec2> Pointer::take_fling() {
    auto f = fling_;
    fling_.reset();
    return f;
}

float Pointer::take_wheel() {
    const float w = wheel_;
    wheel_ = 0;
    return w;
}

std::optional<ImVec2> Pointer::take_long_press(time_point now, std::chrono::milliseconds hold) {
    if (state_ != State::Pressed || long_press_taken_ || now - pressed_at_ < hold) return std::nullopt;
    long_press_taken_ = true;
    return origin_;
}

std::optional<Pointer::time_point> Pointer::long_press_due(std::chrono::milliseconds hold) const {
    if (state_ != State::Pressed || long_press_taken_) return std::nullopt;
    return pressed_at_ + hold;
}

}  // namespace kiosk
