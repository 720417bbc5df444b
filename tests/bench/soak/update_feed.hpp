#pragma once
// Newer content for the soaking kiosk, through the path a USB stick takes on a real one. Before
// the kiosk starts, a child process builds the demo (with the mobile unit's example stops) with
// the real build, its fonts cut, as version 1 and then again at every later version the run
// will need, each signed with the soak's own key: so the kiosk's process does a kiosk's work
// only, and its memory is the kiosk's. During the run, an update drops the next bundle and its
// signature into the inbox and asks the kiosk's UpdateService to look; the service installs it
// into a real content::Store on its own thread, and the frame loop takes it between two frames.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "content/delivery/minisign.hpp"
#include "content/delivery/store.hpp"
#include "kiosk/services/update_service.hpp"

namespace soak {

class UpdateFeed {
public:
    /// Builds version 1 and versions 2 to `last_version` from `source` plus `stops` into `work`,
    /// with fonts from `fonts`; `today` (YYYY-MM-DD) is the kiosk's date, for the build's checks
    /// and the store's. Call while the process has one thread (it forks). Throws
    /// std::runtime_error when the build fails.
    UpdateFeed(const std::filesystem::path& work, const std::filesystem::path& source, const std::filesystem::path& stops,
               const std::filesystem::path& fonts, const std::string& today, long long last_version);
    ~UpdateFeed();

    /// The bundle a kiosk is shipped with, shown until the store has something newer.
    const std::filesystem::path& factory() const { return factory_; }
    /// Drops version `version` (2 to last_version) into the inbox and asks the service to look now.
    void publish(long long version);
    /// The bundle the service installed since the last take, waiting for it up to `patience`;
    /// null when none came.
    std::shared_ptr<const content::Bundle> take(std::chrono::milliseconds patience);

    content::Store& store() { return store_; }
    kiosk::UpdateService& service() { return *service_; }

private:
    std::filesystem::path work_, factory_;
    content::Store store_;
    std::unique_ptr<kiosk::UpdateService> service_;
};

}  // namespace soak
