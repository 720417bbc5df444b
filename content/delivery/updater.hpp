#pragma once
// Fetches new bundles and hands them to the store: from an HTTP(S) server (polled; conditional
// requests, so an unchanged bundle costs one small request) and from a local inbox folder (where
// the Pi image mounts USB sticks). Everything goes through Store::install, which copies to
// staging and verifies before anything changes. No UI here: the kiosk runs check() on a worker
// thread and redraws when it reports an install.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
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
    /// Slower than min_speed_bytes a second for stall_timeout: abandoned. A server trickling
    /// 2 bytes a second must not hold the updater for the whole total_timeout.
    std::uintmax_t min_speed_bytes = 1024;
    std::chrono::seconds stall_timeout{20};
    std::chrono::seconds total_timeout{600};
    std::string ca_file;  // PEM certificates to trust instead of the system's (a private CA; tests)
    /// The fleet's root keys (trust_root): a keyring they sign (keyring.txt beside the bundle,
    /// on the server or the stick) adds and revokes publisher keys. None: no keyring is taken.
    std::vector<minisign::PublicKey> roots;
};

/// What one check did, one line per event, for the log; the lines a person should act on
/// (a refusal, a server that does not answer, a file skipped) are in `problems` too, for the
/// admin panel's recent problems.
struct UpdateReport {
    bool installed = false;
    std::vector<std::string> lines, problems;
    void say(std::string line) { lines.push_back(std::move(line)); }
    void problem(std::string line) {
        problems.push_back(line);
        lines.push_back(std::move(line));
    }
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
    /// From any thread: a download or copy under way gives up within a second, so the kiosk
    /// stops well within systemd's stop timeout. check_http and check_inbox may run on two
    /// threads at once (one never waits for the other); each only on one.
    void request_stop() { stopping_ = true; }

private:
    void check_http(UpdateReport& report);
    void check_inbox(UpdateReport& report);
    InstallResult install(const std::filesystem::path& bundle, const std::filesystem::path& signature, const std::string& source,
                          UpdateReport& report);
    InstallPolicy policy_for_today() const;
    /// The keys bundles are checked with now: those given, with the keyring's (keyring.hpp).
    std::vector<minisign::PublicKey> trusted() const;
    void take_keyring(const std::string& text, const std::string& signature, const std::string& source, UpdateReport& report);
    void check_http_keyring(const std::string& base, UpdateReport& report);
    void check_inbox_keyring(UpdateReport& report);

    Store& store_;
    std::vector<minisign::PublicKey> trusted_;
    InstallPolicy policy_;
    UpdaterConfig config_;
    bool stopping() const { return stopping_; }

    std::string etag_, last_modified_;  // of the signature last dealt with
    std::string keyring_etag_;          // of the keyring's signature last taken
    std::atomic<bool> keyring_news_for_http_ = false, keyring_news_for_inbox_ = false;  // a keyring was taken since each last looked
    std::map<std::string, std::string> inbox_seen_;  // file -> stamps of the bundle and signature handled
    std::set<std::string> inbox_skipped_;           // file and why, already told once
    std::atomic<bool> stopping_ = false;
};

}  // namespace content
