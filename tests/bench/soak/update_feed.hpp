#pragma once
// Newer content for the soaking kiosk, through the path a USB stick takes on a real one: the demo
// (with the mobile unit's example stops) is built once with the real build, its fonts cut; each
// update writes it again at the next version, signs it with the soak's own key, drops bundle and
// signature into the inbox and asks the kiosk's UpdateService to look. The service installs it
// into a real content::Store on its own thread; the frame loop takes it between two frames.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "content/delivery/store.hpp"
#include "content/model/model.hpp"
#include "kiosk/services/update_service.hpp"

namespace soak {

class UpdateFeed {
public:
    /// Builds the first bundle (version 1) from `source` plus `stops` into `work`, with fonts from
    /// `fonts`; `today` (YYYY-MM-DD) is the kiosk's date, for the build's checks and the store's.
    /// Throws std::runtime_error with the build's first problem.
    UpdateFeed(const std::filesystem::path& work, const std::filesystem::path& source, const std::filesystem::path& stops,
               const std::filesystem::path& fonts, const std::string& today);
    ~UpdateFeed();

    /// The bundle a kiosk is shipped with, shown until the store has something newer.
    const std::filesystem::path& factory() const { return factory_; }
    /// Writes, signs and drops version `version` into the inbox, and asks the service to look now.
    void publish(long long version);
    /// The bundle the service installed since the last take, waiting for it up to `patience`;
    /// null when none came.
    std::shared_ptr<const content::Bundle> take(std::chrono::milliseconds patience);

    content::Store& store() { return store_; }
    kiosk::UpdateService& service() { return *service_; }

private:
    std::filesystem::path work_, factory_;
    content::Content content_;
    std::string first_title_;  // the English title of the guide each update changes
    content::minisign::PublicKey public_key_;
    content::minisign::SecretKey secret_key_;
    content::Store store_;
    std::unique_ptr<kiosk::UpdateService> service_;
};

}  // namespace soak
