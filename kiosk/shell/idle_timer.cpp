#include "kiosk/shell/idle_timer.hpp"

#include <algorithm>

namespace kiosk {

IdleTimer::Phase IdleTimer::phase(time_point now) const {
    const auto idle = now - last_touch_;
    if (idle >= timeout()) return Phase::Expired;
    if (idle >= timeout() - countdown_) return Phase::Countdown;
    return Phase::Active;
}

float IdleTimer::seconds_left(time_point now) const {
    return std::max(0.0f, std::chrono::duration<float>(last_touch_ + timeout() - now).count());
}

IdleTimer::time_point IdleTimer::next_change(time_point now) const {
    return phase(now) == Phase::Active ? last_touch_ + timeout() - countdown_ : last_touch_ + timeout();
}

}  // namespace kiosk
