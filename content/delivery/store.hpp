#pragma once
// Where a kiosk keeps its bundles:
//
//   STORE/bundles/v<version>.kbundle (+ .minisig)   one file per version, never rewritten
//   STORE/current, STORE/previous                    symlinks into bundles/, switched by rename
//   STORE/staging/                                   incoming copies, on the same filesystem
//   STORE/status                                     what a technician needs to know, key = value
//   STORE/runs                                       kiosk runs not (yet) ended cleanly: the crash-loop guard
//   STORE/withdrawn                                  versions rolled back after crash loops, never reinstalled
//   STORE/highest                                    the highest version ever installed: no lower one installs,
//                                                    even with `current` or its file lost
//   STORE/checks                                     when an update source last answered, and the last error
//   STORE/keyring                                    the publishers' keyring taken last: its signature's four
//                                                    lines, then its text (one file, so one rename)
//
// Installing copies the bundle and its signature into staging, verifies them there, fsyncs,
// moves them into bundles/ and switches `current` with an atomic rename, keeping the old one as
// `previous`. A power cut at any point leaves `current` on the old or on the new bundle, both
// complete and verified. An open SQLite file is never replaced or renamed: each version is its
// own file.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "content/delivery/keyring.hpp"
#include "content/delivery/minisign.hpp"
#include "content/model/model.hpp"

namespace content {

struct InstallPolicy {
    std::string channel;        // the kiosk's channel; empty: the installed bundle's (none installed: refused)
    std::string kiosk_version;  // this kiosk's version, against the bundle's min_kiosk_version
    std::string today;          // YYYY-MM-DD: expired bundles are refused
    std::uintmax_t max_bundle_bytes = 512ull << 20;
    /// How far above the highest version ever installed a bundle may be. A validly signed
    /// version 2^63-1 would otherwise refuse every later bundle for good.
    long long max_version_jump = 1000;
    std::function<bool()> cancelled{};  // true once the kiosk is stopping: a copy under way gives up
};

struct InstallResult {
    enum class Outcome { Installed, AlreadyCurrent, Refused };
    Outcome outcome = Outcome::Refused;
    std::string reason;  // one line, for logs and the admin status
    bool retry = false;  // refused for a reason of this kiosk's own (disk full, stopping): try the same bundle later
    Meta meta;
    std::string key_id;
};

/// When a newly switched-to bundle counts as crash-looping: this many starts without a clean
/// exit within `window`, while the switch is less than `after_switch` old. Later crashes are
/// not blamed on the content (a broken kiosk build must not withdraw every bundle).
struct CrashLoopLimits {
    int failed_starts = 3;
    std::chrono::seconds window{600};
    std::chrono::seconds after_switch{3600};
};

/// Which bundle a kiosk starts on, and why not the better ones.
struct StartupChoice {
    std::filesystem::path path;
    std::string source;                 // "current", "previous" or "factory"
    std::vector<std::string> problems;  // one line per bundle passed over
};

/// The current bundle if it verifies, else the previous one, else the factory bundle installed
/// with the kiosk (trusted as part of the read-only system, so not signature-checked).
StartupChoice choose_startup_bundle(const class Store& store, std::span<const minisign::PublicKey> trusted,
                                    const std::filesystem::path& factory);

/// Deletes temporary files when it goes out of scope, whatever happened in between.
struct RemoveOnExit {
    std::vector<std::filesystem::path> paths;
    ~RemoveOnExit();
};

/// Compares dotted version numbers ("0.10.2" > "0.9"): negative, zero or positive.
int compare_versions(const std::string& a, const std::string& b);

class Store {
public:
    explicit Store(std::filesystem::path dir);
    const std::filesystem::path& dir() const { return dir_; }

    InstallResult install(const std::filesystem::path& bundle, const std::filesystem::path& signature,
                          std::span<const minisign::PublicKey> trusted, const InstallPolicy& policy);
    /// What install() would say from the signature alone, before a byte of the bundle is
    /// fetched: the key must be trusted and the trusted comment signed by it, and its version,
    /// channel and expiry must pass the policy. Returns the outcome (Refused or AlreadyCurrent)
    /// when the bundle could not install; nullopt when it could.
    std::optional<InstallResult> decide_from_signature(const minisign::Signature& signature,
                                                       std::span<const minisign::PublicKey> trusted,
                                                       const InstallPolicy& policy) const;
    /// Bytes one incoming bundle may take: the free space, less a reserve for the kiosk's own
    /// writes (status, counters), halved when `and_staging` (a download is copied once more).
    std::uintmax_t room(bool and_staging) const;
    /// Where the updater downloads to: on the store's filesystem, not a RAM-backed /tmp.
    std::filesystem::path downloads() const { return dir_ / "downloads"; }
    /// The highest version ever installed here, 0 when none: lower versions are refused.
    long long highest_version() const;
    /// Records what asking an update source gave: `error` empty when it answered (even "unchanged").
    void record_check(const std::string& source, const std::string& error);

    /// The bundle files the symlinks point at, when they exist.
    std::optional<std::filesystem::path> current() const;
    std::optional<std::filesystem::path> previous() const;

    /// The status file's text (empty before the first install).
    std::string status_text() const;

    /// Call once as the kiosk starts, before choosing its bundle. When the current bundle is
    /// crash-looping it is withdrawn (never installed again) and `current` goes back to the
    /// previous bundle, or to none so the kiosk starts on its factory bundle; the returned line
    /// says so. Then this run is recorded until end_run().
    std::optional<std::string> begin_run(const CrashLoopLimits& limits = {}, std::time_t now = std::time(nullptr));
    /// Call when the kiosk exits cleanly: its run was not a crash.
    void end_run();
    /// Versions withdrawn by the crash-loop guard or by a technician.
    std::vector<long long> withdrawn() const;
    /// A technician's roll-back: the current version is withdrawn (never installed again, or the
    /// updater would bring it straight back) and `current` goes back to the previous bundle, or
    /// to none so the kiosk shows its factory bundle. Returns what happened, in one line.
    std::string roll_back(const std::string& who);

    /// The keyring installed here (keyring.hpp), verified with `roots`; none when none is, or
    /// when it does not verify (`problem` then says why).
    std::optional<Keyring> keyring(std::span<const minisign::PublicKey> roots, std::string* problem = nullptr) const;
    /// Installs a keyring from its text and signature: it must verify with `roots` and be newer
    /// than the one installed. An older one is refused (a rollback would bring revoked keys
    /// back), and so is another text with the installed version. A reset_versions it brings
    /// (one the keyring taken before did not have) drops the versions above it. Never throws.
    struct KeyringInstall {
        InstallResult::Outcome outcome = InstallResult::Outcome::Refused;
        std::string line;  // what happened, for the log
    };
    KeyringInstall install_keyring(std::string_view text, std::string_view signature, std::span<const minisign::PublicKey> roots);

private:
    /// An exclusive lock on the store, held while the object lives. A lock that could not be
    /// taken says why in `problem`; nothing may then change the store, since another process
    /// could be switching it at the same moment.
    struct Lock {
        explicit Lock(int descriptor, std::string why = "") : fd(descriptor), problem(std::move(why)) {}
        ~Lock();
        explicit operator bool() const { return fd >= 0; }
        int fd;
        std::string problem;
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;
    };
    Lock lock() const;
    InstallResult install_locked(const std::filesystem::path& bundle, const std::filesystem::path& signature,
                                 std::span<const minisign::PublicKey> trusted, const InstallPolicy& policy);
    /// Why the policy refuses a bundle with these claims, if it does; `min_kiosk_version` empty
    /// when not known yet (a signature alone does not carry it).
    std::optional<std::string> policy_refusal(long long version, const std::string& channel, const std::string& expires,
                                              const std::string& min_kiosk_version, const InstallPolicy& policy) const;
    std::optional<std::filesystem::path> resolve(const char* link) const;
    void record(const InstallResult& result, const std::string& source);
    void record(const std::string& outcome, const std::string& reason, const std::string& source);
    /// With the lock held: writes `version` as the highest installed when it is higher.
    void raise_highest(long long version);
    /// With the lock held: withdraws `version`, moves `current` back; returns where it is now.
    std::string withdraw_current(long long version);
    /// With the lock held: drops every version above `last` (a keyring's reset_versions):
    /// their files, withdrawals and links; `last` becomes the highest. Returns the versions dropped.
    std::vector<long long> forget_versions_above(long long last);

    std::filesystem::path dir_;
};

}  // namespace content
