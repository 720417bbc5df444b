#pragma once
// Fetches new bundles and hands them to the store: from an HTTP(S) server (polled; conditional
// requests, so an unchanged bundle costs one small request) and from a local inbox folder (where
// the Pi image mounts USB sticks). Everything goes through Store::install, which copies to
// staging and verifies before anything changes. No UI here: the kiosk runs check() on a worker
// thread and redraws when it reports an install.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/delivery/store.hpp"

namespace content {

struct UpdaterConfig {
    std::string base_url;               // serves NAME and NAME.minisig; empty: no HTTP
    std::string bundle_name = "bundle.kbundle";
    std::filesystem::path inbox;        // *.kbundle with their .minisig; empty: no inbox
    std::uintmax_t max_bundle_bytes = 512ull << 20;
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds stall_timeout{20};   // less than 1 byte/s for this long: abandoned
    std::chrono::seconds total_timeout{600};
};

/// What one check did, one line per source, for the log and the admin status.
struct UpdateReport {
    bool installed = false;
    std::vector<std::string> lines;
};

class Updater {
public:
    Updater(Store& store, std::vector<minisign::PublicKey> trusted, InstallPolicy policy, UpdaterConfig config);
    ~Updater();

    /// Checks every source once.
    UpdateReport check();
    /// Checks one source (the kiosk looks at the inbox more often than it asks the server).
    UpdateReport check_http();
    UpdateReport check_inbox();
    bool has_http() const { return !config_.base_url.empty(); }
    bool has_inbox() const { return !config_.inbox.empty(); }

private:
    void check_http(UpdateReport& report);
    void check_inbox(UpdateReport& report);
    void install(const std::filesystem::path& bundle, const std::filesystem::path& signature, const std::string& source,
                 UpdateReport& report);

    Store& store_;
    std::vector<minisign::PublicKey> trusted_;
    InstallPolicy policy_;
    UpdaterConfig config_;
    std::string etag_, last_modified_;  // of the signature last fetched
    std::map<std::string, std::string> inbox_seen_;  // file -> size and time already handled
};

}  // namespace content
