#pragma once
// Waiting for input without burning CPU. On X11 and Wayland SDL 2.26 blocks in the display
// connection, and SDL_PushEvent from another thread wakes it: that is used as is. On drivers
// without a native wait (KMSDRM on the Pi, offscreen) SDL_WaitEventTimeout polls every
// millisecond, so an idle kiosk would wake 1000 times a second; there we poll SDL, then sleep on
// a condition variable for a short tick, and wake() ends the sleep at once.
#include <SDL_events.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace platform {

class EventWaiter {
public:
    /// How long one idle sleep lasts: the worst-case delay before a touch is noticed.
    /// `driver` is SDL's current video driver name.
    explicit EventWaiter(const std::string& driver, std::chrono::milliseconds tick = std::chrono::milliseconds(25))
        : native_(driver == "x11" || driver == "wayland"), tick_(tick) {}

    /// Fills `event` and returns true as soon as one is queued; false after `timeout`.
    bool wait(SDL_Event& event, std::chrono::milliseconds timeout);

    /// Thread-safe: ends a wait promptly (also pushes an SDL user event so the loop sees news).
    void wake();

    /// How many times wait() woke up to poll (for the idle benchmark and tests).
    long polls() const { return polls_; }

private:
    bool native_;
    std::chrono::milliseconds tick_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool woken_ = false;
    long polls_ = 0;
};

}  // namespace platform
