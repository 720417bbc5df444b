#include "kiosk/services/report_service.hpp"

#include "content/delivery/report_post.hpp"

namespace kiosk {

ReportService::ReportService(ReportConfig config, std::function<void()> wake, std::function<void(const std::string&, bool)> log)
    : config_(std::move(config)), wake_(std::move(wake)), log_(std::move(log)), worker_([this] { work(); }) {}

ReportService::~ReportService() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

bool ReportService::wanted() const {
    std::lock_guard lock(mutex_);
    return wanted_ && !pending_;
}

void ReportService::send(content::FleetReport report) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(report);
        wanted_ = false;
    }
    changed_.notify_all();
}

void ReportService::report_soon() {
    {
        std::lock_guard lock(mutex_);
        soon_ = true;
    }
    changed_.notify_all();
}

int ReportService::sent() const {
    std::lock_guard lock(mutex_);
    return sent_;
}

void ReportService::work() {
    std::unique_lock lock(mutex_);
    if (wake_) wake_();  // the first report, at once
    for (;;) {
        changed_.wait(lock, [&] { return quit_ || pending_; });
        if (quit_) return;
        const std::string body = content::fleet_report_json(*pending_);
        pending_.reset();
        lock.unlock();
        const content::PostResult result = content::post_report(config_.url, config_.token, body, config_.ca_file);
        lock.lock();
        // Told once when reports stop arriving, and once when they arrive again, not every time.
        const bool ok = result.status >= 200 && result.status < 300;
        if (ok) ++sent_;
        if (!ok && !failing_ && log_)
            log_("report to " + config_.url + " not taken: " + (result.status ? "HTTP " + std::to_string(result.status) : result.error), true);
        if (ok && failing_ && log_) log_("reports to " + config_.url + " arrive again", false);
        failing_ = !ok;
        // The next one after the interval, or sooner when asked (report_soon) but not before the
        // console would take it; none when stopping.
        const auto sent_at = std::chrono::steady_clock::now();
        if (changed_.wait_for(lock, kMinGap, [&] { return quit_; })) return;
        if (changed_.wait_until(lock, sent_at + config_.every, [&] { return quit_ || soon_; }) && quit_) return;
        soon_ = false;
        wanted_ = true;
        lock.unlock();
        if (wake_) wake_();
        lock.lock();
    }
}

}  // namespace kiosk
