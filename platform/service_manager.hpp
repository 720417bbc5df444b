#pragma once
// Talking to systemd when it runs the kiosk as a service (Type=notify, WatchdogSec=): READY=1
// once the display is open and the content loaded, and WATCHDOG=1 heartbeats sent from the render loop
// itself, so a frozen UI (a hung GPU driver, a deadlock) stops them and systemd kills and
// restarts the kiosk. Outside systemd (no NOTIFY_SOCKET) every call does nothing.
#include <chrono>
#include <optional>
#include <string>

namespace platform {

class ServiceManager {
public:
    ServiceManager();

    /// How often the loop must beat: a third of the service's WatchdogSec, so one late wake-up
    /// is not yet a missed deadline. None without a watchdog.
    std::optional<std::chrono::milliseconds> heartbeat_every() const { return every_; }
    /// The render loop is running: the service has started (sent once).
    void ready();
    /// One line for `systemctl status`.
    void status(const std::string& line);
    /// Tells the watchdog the loop is alive; sent at most twice per heartbeat_every().
    void heartbeat();

private:
    bool notify_ = false, ready_sent_ = false;
    std::optional<std::chrono::milliseconds> every_;
    std::chrono::steady_clock::time_point last_beat_{};
};

}  // namespace platform
