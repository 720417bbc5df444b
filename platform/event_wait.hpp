#pragma once
// Waiting for input without burning CPU. SDL 2.26's SDL_WaitEventTimeout falls back to polling
// every millisecond on drivers without a native wait (KMSDRM, offscreen), so an idle kiosk would
// wake 1000 times a second. Instead we poll SDL, then sleep on a condition variable for a short
// tick; a worker thread that has news calls wake() to end the sleep at once.
#include <SDL_events.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace platform {

class EventWaiter {
public:
    /// How long one idle sleep lasts: the worst-case delay before a touch is noticed.
    explicit EventWaiter(std::chrono::milliseconds tick = std::chrono::milliseconds(25)) : tick_(tick) {}

    /// Fills `event` and returns true as soon as one is queued; false after `timeout`.
    bool wait(SDL_Event& event, std::chrono::milliseconds timeout);

    /// Thread-safe: ends a wait promptly (also pushes an SDL user event so the loop sees news).
    void wake();

    /// How many times wait() woke up to poll (for the idle benchmark and tests).
    long polls() const { return polls_; }

private:
    std::chrono::milliseconds tick_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool woken_ = false;
    long polls_ = 0;
};

}  // namespace platform
