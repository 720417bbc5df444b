#pragma once
// Time for the frame loop, idle timers and animations, behind one small interface: the kiosk
// runs on the system's clocks, while tests and scripts run minutes of kiosk life in milliseconds
// on a clock they move themselves.
#include <chrono>

namespace platform {

class Clock {
public:
    using time_point = std::chrono::steady_clock::time_point;
    virtual ~Clock() = default;
    /// Monotonic time, for durations: idle timeouts, animations, frame deltas.
    virtual time_point now() const = 0;
    /// Civil time, for what depends on the date and hour: opening hours, daily counters.
    virtual std::chrono::system_clock::time_point wall() const = 0;
};

class SystemClock final : public Clock {
public:
    time_point now() const override { return std::chrono::steady_clock::now(); }
    std::chrono::system_clock::time_point wall() const override { return std::chrono::system_clock::now(); }
};

/// A clock that stands still until advanced; both of its times move together.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::chrono::system_clock::time_point wall = std::chrono::system_clock::now()) : wall_(wall) {}
    time_point now() const override { return now_; }
    std::chrono::system_clock::time_point wall() const override { return wall_; }
    void set_wall(std::chrono::system_clock::time_point wall) { wall_ = wall; }
    void advance(std::chrono::steady_clock::duration d) {
        now_ += d;
        wall_ += std::chrono::duration_cast<std::chrono::system_clock::duration>(d);
    }

private:
    time_point now_{std::chrono::hours(1)};  // not zero, so "never happened" stays distinguishable
    std::chrono::system_clock::time_point wall_;
};

}  // namespace platform
