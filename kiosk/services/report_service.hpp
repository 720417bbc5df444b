#pragma once
// Sends the kiosk's state to the console (kiosk.conf report_url) every report_every seconds on
// a worker thread, so a slow or absent console never holds up a frame. What is sent is put
// together on the frame loop's thread, between two frames, where the bundle and the printer are
// read safely: the worker asks for it (wanted), the loop hands it over (send).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "content/delivery/fleet_report.hpp"

namespace kiosk {

struct ReportConfig {
    std::string url, token, ca_file;
    std::chrono::seconds every{300};
};

class ReportService {
public:
    /// `wake` ends the frame loop's idle wait so it puts a report together; `log` gets a line
    /// when reports stop arriving and when they arrive again.
    ReportService(ReportConfig config, std::function<void()> wake, std::function<void(const std::string&, bool problem)> log);
    ~ReportService();
    ReportService(const ReportService&) = delete;
    ReportService& operator=(const ReportService&) = delete;

    /// The console takes one report a kiosk in this time (content/console/fleet.hpp: 20 s), so
    /// none is sent sooner after the last.
    static constexpr std::chrono::seconds kMinGap{21};

    /// A report is due: the loop should send() one. The first is due at once.
    bool wanted() const;
    /// Something the console should hear of before the interval ends (a new version installed):
    /// the next report is due as soon as kMinGap allows.
    void report_soon();
    void send(content::FleetReport report);
    /// Reports the console took, for tests and the log.
    int sent() const;

private:
    void work();

    ReportConfig config_;
    std::function<void()> wake_;
    std::function<void(const std::string&, bool)> log_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool wanted_ = true, quit_ = false, failing_ = false, soon_ = false;
    std::optional<content::FleetReport> pending_;
    int sent_ = 0;
    std::thread worker_;
};

}  // namespace kiosk
