#include "kiosk/services/update_service.hpp"

#include <random>

#include "platform/log.hpp"

namespace kiosk {

void log_update(const std::string& line) {
    for (const char* trouble : {"refused", "failed", "cannot", "does not open", "error"})
        if (line.find(trouble) != std::string::npos) return platform::log::problem("update: " + line);
    platform::log::line("update: " + line);
}

using clock = std::chrono::steady_clock;

UpdateService::UpdateService(content::Store& store, std::vector<content::minisign::PublicKey> trusted,
                             content::InstallPolicy policy, content::UpdaterConfig config, UpdateSchedule schedule,
                             content::LanguageChoice languages, std::function<void()> notify,
                             std::function<void(const std::string&)> log)
    : store_(store), updater_(store, std::move(trusted), std::move(policy), std::move(config)), schedule_(schedule),
      languages_(std::move(languages)), notify_(std::move(notify)), log_(std::move(log)), thread_([this] { work(); }) {}

UpdateService::~UpdateService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

std::shared_ptr<const content::Bundle> UpdateService::take_new_bundle() {
    std::lock_guard lock(mutex_);
    return std::move(new_bundle_);
}

bool UpdateService::busy() const {
    std::lock_guard lock(mutex_);
    return busy_;
}

void UpdateService::check_now() {
    {
        std::lock_guard lock(mutex_);
        check_now_ = true;
    }
    cv_.notify_all();
}

void UpdateService::publish_current() {
    const auto path = store_.current();
    if (!path) return;
    try {
        auto bundle = std::make_shared<content::Bundle>(*path);
        bundle->choose_languages(languages_);
        {
            std::lock_guard lock(mutex_);
            new_bundle_ = std::move(bundle);
        }
        log_("showing " + path->string() + " from the next frame");
        notify_();
    } catch (const content::BundleError& e) {
        log_(std::string("the installed bundle does not open, keeping the one on screen: ") + e.what());
    }
}

void UpdateService::work() {
    std::mt19937 random(std::random_device{}());
    const auto jittered = [&](std::chrono::seconds every) {
        std::uniform_real_distribution<double> factor(0.9, 1.1);
        return std::chrono::duration_cast<clock::duration>(every * factor(random));
    };
    // The server is first asked soon after start-up, though not by every kiosk at the same instant.
    auto next_server = clock::now() + std::chrono::milliseconds(std::uniform_int_distribution<int>(1000, 3000)(random));
    auto next_inbox = clock::now();
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            const auto next = !updater_.has_http() ? next_inbox : !updater_.has_inbox() ? next_server : std::min(next_server, next_inbox);
            if (updater_.has_http() || updater_.has_inbox()) cv_.wait_until(lock, next, [&] { return stopping_ || check_now_; });
            else cv_.wait(lock, [&] { return stopping_ || check_now_; });
            if (stopping_) return;
            if (check_now_) next_server = next_inbox = clock::now();
            check_now_ = false;
            busy_ = true;
        }
        content::UpdateReport report;
        try {
            const auto now = clock::now();
            if (updater_.has_inbox() && now >= next_inbox) {
                next_inbox = clock::now() + schedule_.inbox_every;
                report = updater_.check_inbox();
            }
            if (updater_.has_http() && now >= next_server) {
                next_server = clock::now() + jittered(schedule_.server_every);
                const auto server = updater_.check_http();
                report.installed |= server.installed;
                report.lines.insert(report.lines.end(), server.lines.begin(), server.lines.end());
            }
        } catch (const std::exception& e) {  // the kiosk goes on showing what it has
            report.lines.push_back(std::string("update check failed: ") + e.what());
        }
        for (const auto& line : report.lines) log_(line);
        if (report.installed) publish_current();
        std::lock_guard lock(mutex_);
        busy_ = false;
    }
}

}  // namespace kiosk
