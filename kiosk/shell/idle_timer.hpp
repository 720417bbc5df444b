#pragma once
// When a visitor has left. A kiosk cannot see people go: it counts the time since the last
// touch. Near the end it asks "Still there?" with a countdown, so a slow reader is not cut off;
// at the end it forgets them, so the next visitor finds nothing of theirs.
#include <chrono>

namespace kiosk {

class IdleTimer {
public:
    using time_point = std::chrono::steady_clock::time_point;
    enum class Phase { Active, Countdown, Expired };

    IdleTimer(std::chrono::seconds timeout, std::chrono::seconds countdown) : timeout_(timeout), countdown_(countdown) {}
    void touched(time_point now) { last_touch_ = now; }
    /// Twice the patience while `longer`: a visitor before a QR code is busy with their phone,
    /// opening its camera, not gone.
    void set_longer(bool longer) { longer_ = longer; }
    Phase phase(time_point now) const;
    /// Seconds left in the countdown, from `countdown` down to 0.
    float seconds_left(time_point now) const;
    /// When the countdown starts (while Active) or the timer expires (during the countdown).
    time_point next_change(time_point now) const;
    time_point expires() const { return last_touch_ + timeout(); }

private:
    std::chrono::seconds timeout() const { return longer_ ? 2 * timeout_ : timeout_; }

    std::chrono::seconds timeout_, countdown_;
    time_point last_touch_{};
    bool longer_ = false;
};

}  // namespace kiosk
