#include "platform/service_manager.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace platform {

ServiceManager::ServiceManager() {
    notify_ = std::getenv("NOTIFY_SOCKET") != nullptr;
    uint64_t usec = 0;
    // Also checks WATCHDOG_PID, so a child process started by the kiosk does not beat for it.
    if (notify_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        every_ = std::chrono::milliseconds(std::max<uint64_t>(usec / 3000, 1));
}

void ServiceManager::ready() {
    if (!notify_ || ready_sent_) return;
    ready_sent_ = true;
    sd_notify(0, "READY=1");
}

void ServiceManager::status(const std::string& line) {
    if (notify_) sd_notify(0, ("STATUS=" + line).c_str());
}

void ServiceManager::heartbeat() {
    if (!every_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_beat_ < *every_ / 2) return;  // a wake-up a little early must not skip a beat
    last_beat_ = now;
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace platform
