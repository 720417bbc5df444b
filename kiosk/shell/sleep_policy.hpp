#pragma once
// When the screen goes dark: outside the kiosk's own hours (`hours` in the configuration,
// OpenStreetMap syntax in Europe/Rome), once nobody has touched it for the idle timeout and it
// is back on the attract screen. A touch wakes it, and it wakes by itself when the hours begin;
// a visitor is never cut off at closing time. Without hours it never sleeps.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "content/hours/opening_hours.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

class SleepPolicy {
public:
    /// `hours` as the configuration writes them (checked there); empty: always on.
    explicit SleepPolicy(const std::string& hours);

    /// Decides for this frame at the wall clock `wall`: `nobody` when the attract screen has
    /// been left alone since `idle_expires`. Asks `time` for the frame when that may change.
    void update(FrameTime& time, std::chrono::system_clock::time_point wall, bool on_attract, platform::Clock::time_point idle_expires);
    /// A touch: the screen lights up, and stays so until nobody is there again.
    void wake() { sleeping_ = false; }
    bool sleeping() const { return sleeping_; }

private:
    std::unique_ptr<content::OpeningHours> hours_;  // null: always on
    bool sleeping_ = false;
    std::optional<content::Instant> change_;  // when the kiosk next opens or closes
    content::Instant read_at_{};
    bool closed_ = false;
};

}  // namespace kiosk
