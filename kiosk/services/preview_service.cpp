#include "kiosk/services/preview_service.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "content/build/bundle_build.hpp"
#include "content/hours/dates.hpp"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

// A folder of our own in memory when the machine has one we may write in (a chroot's or a
// service's /dev may lack it): a preview writes a bundle per save.
fs::path private_folder() {
    const fs::path base = ::access("/dev/shm", W_OK | X_OK) == 0 ? fs::path("/dev/shm") : fs::temp_directory_path();
    fs::path dir = base / ("kiosk-preview-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string clock_now() {
    const std::time_t now = std::time(nullptr);
    char text[16];
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

}  // namespace

PreviewService::PreviewService(fs::path source, fs::path font_root, content::LanguageChoice languages,
                               std::function<void(const std::string&)> log)
    : source_(std::move(source)), font_root_(std::move(font_root)), folder_(private_folder()), languages_(std::move(languages)),
      log_(std::move(log)), watch_(source_) {
    build();  // a change made meanwhile is already in the watch's queue
    first_ = take_new_bundle();
}

void PreviewService::watch(std::function<void()> notify) {
    notify_ = std::move(notify);
    thread_ = std::thread([this] { work(); });
}

PreviewService::~PreviewService() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    watch_.stop();
    if (thread_.joinable()) thread_.join();
    // Files still open (the bundle on screen) stay readable until closed: unlinking is safe.
    std::error_code ec;
    fs::remove_all(folder_, ec);
}

void PreviewService::work() {
    for (;;) {
        // 150 ms of quiet: an editor's save (write, rename, touch) or a copied folder is one change.
        bool changed = false;
        try {
            changed = watch_.wait(std::chrono::hours(1), std::chrono::milliseconds(150));
        } catch (const std::exception& e) {  // e.g. the source folder removed: the build says so on the band
            log_(std::string("preview: ") + e.what());
            changed = true;
        }
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        if (changed) build();
    }
}

void PreviewService::build() {
    const auto start = std::chrono::steady_clock::now();
    const fs::path out = folder_ / ("preview-" + std::to_string(++attempt_) + ".kbundle");
    content::Diagnostics d;
    std::shared_ptr<content::Bundle> bundle;
    // Nothing a source holds may end the preview: this runs on the watch's worker, where an
    // exception would abort the kiosk. A build that throws is a failed build, reported like one.
    try {
        // Uncut fonts: the preview draws with the system's files (the same glyphs), built in half the time.
        if (content::build_bundle(source_, out, font_root_, {content::today(std::chrono::system_clock::now())}, d, false)) {
            try {
                bundle = std::make_shared<content::Bundle>(out);
                bundle->choose_languages(languages_);
            } catch (const std::exception& e) {
                d.error(out.string(), 0, "", e.what(), "report this: a bundle that was just built should open");
            }
        }
    } catch (const std::exception& e) {
        d.error(source_.string(), 0, "", std::string("the preview could not be built: ") + e.what(),
                "check the source with kiosk-bundle validate, and report this if it finds nothing");
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    std::string note;
    if (bundle) {
        // The bundle on screen keeps its file open; the one before it is no longer shown.
        std::error_code ec;
        if (!last_good_file_.empty()) fs::remove(last_good_file_, ec);
        last_good_file_ = out;
        note = "PREVIEW, not signed: " + source_.string() + ", built at " + clock_now();
        log_("preview: built " + source_.string() + " in " + std::to_string(ms) + " ms");
    } else {
        // Files within the source are named from it; the folder itself, or a path outside it, as it is.
        for (const auto& p : d.all())
            if (p.severity == content::Diagnostic::Severity::Error)
                log_("preview: " + (p.file == source_.string() || fs::path(p.file).is_absolute() ? "" : source_.string() + "/") + p.format());
        const auto first = std::find_if(d.all().begin(), d.all().end(),
                                        [](const auto& p) { return p.severity == content::Diagnostic::Severity::Error; });
        note = "PREVIEW: " + std::to_string(d.error_count()) + " error(s) at " + clock_now() + ", still showing the last good build. " +
               (first == d.all().end() ? "" : first->format());
    }
    {
        std::lock_guard lock(mutex_);
        if (bundle) new_bundle_ = std::move(bundle);
        note_ = std::move(note);
        ++builds_;
    }
    if (notify_) notify_();
}

std::shared_ptr<const content::Bundle> PreviewService::take_new_bundle() {
    std::lock_guard lock(mutex_);
    return std::move(new_bundle_);
}

std::string PreviewService::note() const {
    std::lock_guard lock(mutex_);
    return note_;
}

int PreviewService::builds() const {
    std::lock_guard lock(mutex_);
    return builds_;
}

}  // namespace kiosk
