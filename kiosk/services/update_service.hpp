#pragma once
// Runs the updater on worker threads, so downloading and verifying a bundle never holds up a
// frame: one asks the server, one looks in the inbox, so a stalled server never keeps a USB
// stick's bundle waiting, nor the other way round. When a bundle is installed the worker opens
// it, and the frame loop picks it up between two frames (take_new_bundle), so a screen never
// mixes old and new content.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/delivery/updater.hpp"
#include "content/model/bundle.hpp"

namespace kiosk {

struct UpdateSchedule {
    std::chrono::seconds server_every{900};  // how often the server is asked; ±10 % jitter so
                                             // kiosks do not all ask at the same second
    std::chrono::seconds inbox_every{5};     // a USB stick should show up while the technician waits
};

/// Writes one line of the updater's to the kiosk's log: a problem (a refusal, a skipped file, a
/// server that does not answer) as one, which the admin panel lists, anything else as a plain
/// line. What the kiosk gives UpdateService.
void log_update(const std::string& line, bool problem);

class UpdateService {
public:
    /// `notify` is called from a worker after an install (EventWaiter::wake, to end an idle
    /// wait); `log` gets one line per check result worth telling, `problem` true when a person
    /// should act on it, from either worker. `languages` is applied to every new bundle as it
    /// was to the first.
    UpdateService(content::Store& store, std::vector<content::minisign::PublicKey> trusted, content::InstallPolicy policy,
                  content::UpdaterConfig config, UpdateSchedule schedule, content::LanguageChoice languages,
                  std::function<void()> notify, std::function<void(const std::string& line, bool problem)> log);
    /// Stops the workers: a download or copy under way gives up within about a second, so the
    /// kiosk stops well within systemd's stop timeout.
    ~UpdateService();
    UpdateService(const UpdateService&) = delete;
    UpdateService& operator=(const UpdateService&) = delete;

    /// The bundle installed since the last call, already open; null when there is none.
    std::shared_ptr<const content::Bundle> take_new_bundle();
    /// True while a worker is checking or installing (tests).
    bool busy() const;
    /// Asks the server and looks in the inbox now, not at the next scheduled time (admin panel).
    void check_now();

private:
    enum class Source { Server, Inbox };
    void work(Source source);
    void publish_current();

    content::Store& store_;
    content::Updater updater_;
    UpdateSchedule schedule_;
    content::LanguageChoice languages_;
    std::function<void()> notify_;
    std::function<void(const std::string&, bool)> log_;

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    int busy_ = 0;                                // workers checking now
    bool check_server_now_ = false, check_inbox_now_ = false;
    std::shared_ptr<const content::Bundle> new_bundle_;
    std::mutex publish_mutex_;                    // one worker at a time opens what was installed
    std::thread server_thread_, inbox_thread_;    // last: they start once everything above is ready
};

}  // namespace kiosk
