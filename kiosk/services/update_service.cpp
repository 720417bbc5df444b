#include "kiosk/services/update_service.hpp"

#include <algorithm>
#include <random>

#include "platform/log.hpp"

namespace kiosk {

void log_update(const std::string& line, bool problem) {
    if (problem) platform::log::problem("update: " + line);
    else platform::log::line("update: " + line);
}

using clock = std::chrono::steady_clock;

UpdateService::UpdateService(content::Store& store, std::vector<content::minisign::PublicKey> trusted,
                             content::InstallPolicy policy, content::UpdaterConfig config, UpdateSchedule schedule,
                             content::LanguageChoice languages, std::function<void()> notify,
                             std::function<void(const std::string&, bool)> log)
    : store_(store), updater_(store, std::move(trusted), std::move(policy), std::move(config)), schedule_(schedule),
      languages_(std::move(languages)), notify_(std::move(notify)), log_(std::move(log)) {
    if (updater_.has_http()) server_thread_ = std::thread([this] { work(Source::Server); });
    if (updater_.has_inbox()) inbox_thread_ = std::thread([this] { work(Source::Inbox); });
}

UpdateService::~UpdateService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    updater_.request_stop();
    cv_.notify_all();
    for (auto* thread : {&server_thread_, &inbox_thread_})
        if (thread->joinable()) thread->join();
}

std::shared_ptr<const content::Bundle> UpdateService::take_new_bundle() {
    std::lock_guard lock(mutex_);
    return std::move(new_bundle_);
}

bool UpdateService::busy() const {
    std::lock_guard lock(mutex_);
    return busy_ > 0;
}

void UpdateService::check_now() {
    {
        std::lock_guard lock(mutex_);
        check_server_now_ = check_inbox_now_ = true;
    }
    cv_.notify_all();
}

void UpdateService::publish_current() {
    std::lock_guard publishing(publish_mutex_);
    const auto path = store_.current();
    if (!path) return;
    try {
        auto bundle = std::make_shared<content::Bundle>(*path);
        bundle->choose_languages(languages_);
        {
            std::lock_guard lock(mutex_);
            new_bundle_ = std::move(bundle);
        }
        log_("showing " + path->string() + " from the next frame", false);
        notify_();
    } catch (const content::BundleError& e) {
        log_(std::string("the installed bundle does not open, keeping the one on screen: ") + e.what(), true);
    }
}

void UpdateService::work(Source source) {
    std::mt19937 random(std::random_device{}());
    const auto jittered = [&](std::chrono::seconds every) {
        std::uniform_real_distribution<double> factor(0.9, 1.1);
        return std::chrono::duration_cast<clock::duration>(every * factor(random));
    };
    const bool server = source == Source::Server;
    bool& asked_now = server ? check_server_now_ : check_inbox_now_;
    // The server is first asked soon after start-up, though not by every kiosk at the same instant.
    auto next = server ? clock::now() + std::chrono::milliseconds(std::uniform_int_distribution<int>(1000, 3000)(random)) : clock::now();
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            cv_.wait_until(lock, next, [&] { return stopping_ || asked_now; });
            if (stopping_) return;
            asked_now = false;
            ++busy_;
        }
        content::UpdateReport report;
        try {
            report = server ? updater_.check_http() : updater_.check_inbox();
        } catch (const std::exception& e) {  // the kiosk goes on showing what it has
            report.problem(std::string("update check failed: ") + e.what());
        }
        next = clock::now() + (server ? jittered(schedule_.server_every) : schedule_.inbox_every);
        for (const auto& line : report.lines)
            log_(line, std::find(report.problems.begin(), report.problems.end(), line) != report.problems.end());
        if (report.installed) publish_current();
        std::lock_guard lock(mutex_);
        --busy_;
    }
}

}  // namespace kiosk
