#pragma once
// kiosk --preview SRC: a content manager's source folder on screen as they edit it. The folder
// is built as `kiosk-bundle build` builds it, but unsigned, into a private folder in memory
// (/dev/shm), and built again as soon as a change has settled (inotify). The frame loop swaps
// the new bundle in between two frames, keeping the screen. A build with errors changes nothing
// on screen but the preview band, which names the first problem; all of them go to the log.
// Nothing here touches a store or the updater: a preview bundle is never installed anywhere.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/model/bundle.hpp"
#include "platform/folder_watch.hpp"

namespace kiosk {

class PreviewService {
public:
    /// Builds `source` once before returning (see first_bundle). Throws std::runtime_error when
    /// the folder cannot be watched.
    PreviewService(std::filesystem::path source, std::filesystem::path font_root, content::LanguageChoice languages,
                   std::function<void(const std::string&)> log);
    ~PreviewService();
    PreviewService(const PreviewService&) = delete;
    PreviewService& operator=(const PreviewService&) = delete;

    /// Builds again after every change, on a worker; `notify` is called from it after each build,
    /// good or bad (to wake the frame loop).
    void watch(std::function<void()> notify);
    /// The first build; null when the source had errors (they are in note() and the log).
    std::shared_ptr<const content::Bundle> first_bundle() const { return first_; }
    /// The bundle built since the last call, already open; null when there is none.
    std::shared_ptr<const content::Bundle> take_new_bundle();
    /// What the preview band says: where the content comes from and when it was built, or the
    /// first problem of a failed build.
    std::string note() const;
    /// Builds finished, good or bad (tests).
    int builds() const;

private:
    void build();
    void work();

    std::filesystem::path source_, font_root_, folder_;
    content::LanguageChoice languages_;
    std::function<void()> notify_;
    std::function<void(const std::string&)> log_;
    std::shared_ptr<const content::Bundle> first_;
    std::filesystem::path last_good_file_;
    int attempt_ = 0;

    mutable std::mutex mutex_;
    std::shared_ptr<const content::Bundle> new_bundle_;
    std::string note_;
    int builds_ = 0;

    platform::FolderWatch watch_;
    bool stopping_ = false;  // under mutex_
    std::thread thread_;
};

}  // namespace kiosk
