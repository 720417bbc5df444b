#include "platform/event_wait.hpp"

#include <cstdint>

namespace platform {

bool EventWaiter::wait(SDL_Event& event, std::chrono::milliseconds timeout) {
    if (native_) {
        ++polls_;
        return SDL_WaitEventTimeout(&event, static_cast<int>(std::min<long long>(timeout.count(), INT32_MAX))) == 1;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        ++polls_;
        if (SDL_PollEvent(&event)) return true;
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline) return false;
        std::unique_lock lock(mutex_);
        cv_.wait_until(lock, std::min(deadline, now + tick_), [this] { return woken_; });
        woken_ = false;
    }
}

void EventWaiter::wake() {
    SDL_Event user{};
    user.type = SDL_USEREVENT;
    SDL_PushEvent(&user);
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_one();
}

}  // namespace platform
