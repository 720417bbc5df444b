#include "kiosk/shell/sleep_policy.hpp"

namespace kiosk {

SleepPolicy::SleepPolicy(const std::string& hours) {
    if (!hours.empty()) hours_ = std::make_unique<content::OpeningHours>(hours);
}

void SleepPolicy::update(FrameTime& time, std::chrono::system_clock::time_point wall, bool on_attract,
                         platform::Clock::time_point idle_expires) {
    if (!hours_) return;
    const auto instant = std::chrono::floor<std::chrono::seconds>(wall);
    // Open or closed, and the next change: read again only once that has passed (or the
    // wall clock was set back), not every frame.
    if (!change_ || *change_ <= instant || instant < read_at_) {
        closed_ = hours_->at(instant).state == content::OpenState::Closed;
        const auto change = hours_->next_change(instant);
        change_ = change ? change->at : content::Instant::max();
        read_at_ = instant;
    }
    // When the wall clock reaches the change, on the frame loop's own clock.
    const auto change_due = change_ == content::Instant::max()
                                ? std::optional<platform::Clock::time_point>()
                                : time.now + std::chrono::duration_cast<platform::Clock::time_point::duration>(*change_ - wall);
    if (!closed_) {
        sleeping_ = false;
        if (change_due) time.wake_at(*change_due);
        return;
    }
    // A visitor, or a technician who woke the screen, is never cut off: it sleeps once nobody
    // has touched it for the idle timeout, on the attract screen.
    if (on_attract && time.now >= idle_expires) sleeping_ = true;
    if (sleeping_) time.due = change_due;  // nothing else moves on a dark screen
    else time.wake_at(idle_expires);
}

}  // namespace kiosk
