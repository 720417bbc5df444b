#include "content/delivery/store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "content/delivery/outside_file.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/store_files.hpp"
#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/model/sqlite.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;
using namespace store_files;

namespace {

// Kept free on the store's filesystem whatever arrives: the status file, the crash-loop guard
// and the usage counters must still be writable.
constexpr std::uintmax_t kReservedBytes = 16ull << 20;

bool is_withdrawn(const Store& store, long long version) {
    const auto w = store.withdrawn();
    return std::find(w.begin(), w.end(), version) != w.end();
}

// SQLite's header says which journal the file was last written with: bytes 18 and 19 are 1 for
// the rollback journal, 2 for WAL. A WAL bundle, opened, leaves unsigned -wal and -shm files.
std::optional<std::string> journal_problem(const fs::path& bundle) {
    std::ifstream in(bundle, std::ios::binary);
    char header[20] = {};
    if (!in.read(header, sizeof header)) return "the bundle is too short to be an SQLite file";
    if (header[18] != 1 || header[19] != 1)
        return "the bundle is written in SQLite's WAL journal mode, which would leave unsigned files beside it; "
               "build it with kiosk-bundle build, which writes the rollback journal";
    return std::nullopt;
}

}  // namespace

StartupChoice choose_startup_bundle(const Store& store, std::span<const minisign::PublicKey> trusted, const fs::path& factory) {
    StartupChoice choice;
    const std::pair<const char*, std::optional<fs::path>> candidates[] = {{"current", store.current()}, {"previous", store.previous()}};
    for (const auto& [name, path] : candidates) {
        if (!path) {
            choice.problems.push_back(std::string(name) + ": none installed");
            continue;
        }
        if (is_withdrawn(store, version_in_name(*path))) {  // however a link came to point there
            choice.problems.push_back(std::string(name) + " (" + path->filename().string() + "): withdrawn on this kiosk");
            continue;
        }
        try {
            verify_bundle(*path, path->string() + ".minisig", trusted);
            choice.path = *path;
            choice.source = name;
            return choice;
        } catch (const std::exception& e) {
            choice.problems.push_back(std::string(name) + " (" + path->filename().string() + "): " + e.what());
        }
    }
    choice.path = factory;
    choice.source = "factory";
    return choice;
}

RemoveOnExit::~RemoveOnExit() {
    std::error_code ec;
    for (const auto& p : paths) fs::remove(p, ec);
}

int compare_versions(const std::string& a, const std::string& b) {
    std::istringstream sa(a), sb(b);
    for (;;) {
        long x = 0, y = 0;
        const bool ha = static_cast<bool>(sa >> x), hb = static_cast<bool>(sb >> y);
        if (!ha && !hb) return 0;
        if (x != y) return x < y ? -1 : 1;
        sa.ignore(1, '.');
        sb.ignore(1, '.');
    }
}

Store::Store(fs::path dir) : dir_(std::move(dir)) {
    fs::create_directories(dir_ / "bundles");
    fs::create_directories(dir_ / "staging");
}

Store::Lock Store::lock() const {
    const fs::path path = dir_ / "lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    int rc = fd < 0 ? -1 : 0;
    if (fd >= 0)
        while ((rc = ::flock(fd, LOCK_EX)) != 0 && errno == EINTR) {
        }
    if (rc == 0) return Lock{fd};
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return Lock{-1, path.string() + ": cannot lock the store (" + why +
                        "); nothing was changed. Fix: make it a plain file the kiosk's user can write, "
                        "or delete it so the next start makes it"};
}

Store::Lock::~Lock() {
    if (fd >= 0) ::close(fd);
}

std::optional<fs::path> Store::resolve(const char* link) const {
    std::error_code ec;
    const fs::path target = fs::read_symlink(dir_ / link, ec);
    if (ec) return std::nullopt;
    const fs::path full = target.is_absolute() ? target : dir_ / target;
    if (!fs::is_regular_file(full, ec)) return std::nullopt;
    return full;
}

std::optional<fs::path> Store::current() const { return resolve("current"); }
std::optional<fs::path> Store::previous() const { return resolve("previous"); }

std::string Store::status_text() const {
    std::string text = read_file(dir_ / "status").value_or("");
    // Facts that change with the date are worked out when asked, not when recorded.
    if (const auto cur = current()) {
        try {
            const std::string expires = Bundle(*cur).meta().expires;
            text += expires < today_iso(std::chrono::system_clock::now()) ? "expired = yes: visitors see that the information may be out of date\n" : "expired = no\n";
        } catch (const BundleError&) {
        }
    }
    text += read_file(dir_ / "checks").value_or("");
    if (const auto w = withdrawn(); !w.empty()) {
        text += "withdrawn =";
        for (const auto v : w) text += " " + std::to_string(v);
        text += " (crash loops; never installed again)\n";
    }
    return text;
}

InstallResult Store::install(const fs::path& bundle, const fs::path& signature, std::span<const minisign::PublicKey> trusted,
                             const InstallPolicy& policy) {
    const Lock held = lock();
    InstallResult result;
    if (!held) {
        result.outcome = InstallResult::Outcome::Refused;
        result.reason = held.problem;
        result.retry = true;
        return result;  // not recorded either: the status file is the store's too
    }
    try {
        result = install_locked(bundle, signature, trusted, policy);
    } catch (const std::exception& e) {  // a failing disk: refused, never a crashed updater
        result.outcome = InstallResult::Outcome::Refused;
        result.reason = std::string("cannot install: ") + e.what();
        result.retry = true;
    }
    record(result, bundle.string());
    return result;
}

std::optional<std::string> Store::policy_refusal(long long version, const std::string& channel, const std::string& expires,
                                                 const std::string& min_kiosk_version, const InstallPolicy& policy) const {
    // What is installed now. A current bundle that does not open still has its version in its
    // file name, so a damaged disk cannot open the door to a rollback.
    std::optional<Meta> installed;
    if (const auto cur = current()) {
        try {
            installed = Bundle(*cur).meta();
        } catch (const BundleError&) {
            installed = Meta{};
            installed->version = version_in_name(*cur);
        }
    }
    const std::string followed = !policy.channel.empty() ? policy.channel : installed ? installed->channel : "";
    const std::string v = std::to_string(version);
    if (followed.empty())
        return "this kiosk follows no channel, so it cannot tell whether a bundle is meant for it; set channel in the "
               "kiosk's configuration (or --channel), e.g. channel = torino";
    if (channel != followed) return "the bundle is for channel " + channel + ", this kiosk follows " + followed;
    if (!min_kiosk_version.empty() && compare_versions(min_kiosk_version, policy.kiosk_version) > 0)
        return "the bundle needs kiosk " + min_kiosk_version + " or newer; this kiosk is " + policy.kiosk_version;
    if (!parse_date(expires)) return "the bundle's expiry \"" + expires + "\" is not a date; every bundle must expire (YYYY-MM-DD)";
    if (!policy.today.empty() && expires < policy.today) return "the bundle expired on " + expires;
    const long long highest = highest_version();
    if (installed && version < installed->version)
        return "version " + v + " is older than the installed version " + std::to_string(installed->version);
    if (version < highest) return "version " + v + " is older than version " + std::to_string(highest) + ", installed here before";
    if (is_withdrawn(*this, version))
        return "version " + v + " was withdrawn on this kiosk after it crashed repeatedly; publish it again with a higher version";
    if (version - highest > policy.max_version_jump)
        return "version " + v + " is more than " + std::to_string(policy.max_version_jump) + " above version " + std::to_string(highest) +
               ", the highest installed here; so far a jump would refuse every later bundle. Publish version " +
               std::to_string(highest + 1) + " or a little above";
    return std::nullopt;
}

std::optional<InstallResult> Store::decide_from_signature(const minisign::Signature& signature, std::span<const minisign::PublicKey> trusted,
                                                          const InstallPolicy& policy) const {
    InstallResult result;
    try {
        minisign::verify_comment(signature, trusted);
    } catch (const minisign::Error& e) {
        result.reason = e.what();
        return result;
    }
    const auto claims = claims_of(signature);
    if (!claims.version) {
        result.reason = "the signature's trusted comment carries no version; sign with -t \"$(kiosk-bundle trusted-comment BUNDLE)\"";
        return result;
    }
    if (auto refusal = policy_refusal(*claims.version, claims.channel, claims.expires, "", policy)) {
        result.reason = std::move(*refusal);
        return result;
    }
    if (const auto cur = current(); cur && version_in_name(*cur) == *claims.version) {
        // The same signature is the same bundle. Another one with the same version may be
        // another bundle (from a USB stick and the server): fetched, and compared in install.
        const auto installed = read_file(cur->string() + ".minisig");
        try {
            if (installed && minisign::parse_signature(*installed).signature != signature.signature) return std::nullopt;
        } catch (const minisign::Error&) {
        }
        result.outcome = InstallResult::Outcome::AlreadyCurrent;
        result.reason = "version " + std::to_string(*claims.version) + " is already installed";
        return result;
    }
    return std::nullopt;
}

std::uintmax_t Store::room(bool and_staging) const {
    const std::uintmax_t free = free_bytes(dir_);
    const std::uintmax_t usable = free > kReservedBytes ? free - kReservedBytes : 0;
    return and_staging ? usable / 2 : usable;
}

long long Store::highest_version() const {
    long long highest = 0;
    std::istringstream recorded(read_file(dir_ / "highest").value_or(""));
    recorded >> highest;
    // The record is written before every switch; the files and links are a second witness, so
    // losing the record alone opens no door either.
    for (const auto& link : {current(), previous()})
        if (link) highest = std::max(highest, version_in_name(*link));
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_ / "bundles", ec))
        if (entry.path().extension() == ".kbundle") highest = std::max(highest, version_in_name(entry.path()));
    for (const auto v : withdrawn()) highest = std::max(highest, v);
    return highest;
}

void Store::raise_highest(long long version) {
    if (version > highest_version()) replace_file(dir_ / "highest", std::to_string(version) + "\n");
}

void Store::record_check(const std::string& source, const std::string& error) {
    std::map<std::string, std::string> checks;
    for (const auto& e : parse_key_values(read_file(dir_ / "checks").value_or("")).entries) checks[e.key] = e.value;
    const std::string now = time_now("%Y-%m-%dT%H:%M:%SZ", true);
    if (error.empty()) checks["last_contact"] = now + " " + escaped(source);
    else checks["last_error"] = now + " " + escaped(source) + ": " + escaped(error);
    std::string text;
    for (const auto& [key, value] : checks) text += key + " = " + value + "\n";
    try {
        replace_file(dir_ / "checks", text);
    } catch (const IoError&) {
        // Like the status file: for people, never a reason for a check to fail.
    }
}

InstallResult Store::install_locked(const fs::path& bundle, const fs::path& signature, std::span<const minisign::PublicKey> trusted,
                                    const InstallPolicy& policy) {
    InstallResult result;
    const auto refuse = [&](std::string reason) {
        result.reason = std::move(reason);
        return result;
    };
    // Leftovers of an interrupted install are never trusted: staging starts empty.
    for (const auto& entry : fs::directory_iterator(dir_ / "staging")) fs::remove_all(entry.path());
    const std::string stem = "incoming-" + std::to_string(std::mt19937_64(std::random_device{}())());
    const fs::path staged_bundle = dir_ / "staging" / (stem + ".kbundle"), staged_signature = staged_bundle.string() + ".minisig";
    const RemoveOnExit cleanup{{staged_bundle, staged_signature}};
    try {
        std::string problem;
        const auto signature_file = OutsideFile::open(signature, Links::Follow, problem);
        if (!signature_file) return refuse("the signature " + escaped(signature.string()) + " " + problem);
        const auto bundle_file = OutsideFile::open(bundle, Links::Follow, problem);
        if (!bundle_file) return refuse("the bundle " + escaped(bundle.string()) + " " + problem);
        // Checked before a byte is copied: a 100 GB sparse file must not fill the disk first.
        // Over the limit is the bundle's fault (copy_to says so); over the free space, the disk's.
        if (bundle_file->size() <= policy.max_bundle_bytes && bundle_file->size() > room(false)) {
            result.retry = true;
            return refuse("the bundle is " + std::to_string(bundle_file->size() >> 20) + " MiB but only " + std::to_string(room(false) >> 20) +
                          " MiB are free for it on " + dir_.string() + "; free some space (it is tried again)");
        }
        signature_file->copy_to(staged_signature, kMaxSignatureBytes, "signature", policy.cancelled);
        bundle_file->copy_to(staged_bundle, policy.max_bundle_bytes, "bundle", policy.cancelled);
        const auto verified = verify_bundle(staged_bundle, staged_signature, trusted, policy.cancelled);
        result.meta = verified.meta;
        result.key_id = verified.key_id;
        if (auto journal = journal_problem(staged_bundle)) return refuse(std::move(*journal));
        sql::Database db(staged_bundle, sql::Database::Mode::ReadOnly);
        db.interrupt_when(policy.cancelled);
        auto check = db.prepare("PRAGMA integrity_check");
        if (!check.step() || check.text(0) != "ok") return refuse("the bundle fails SQLite's integrity check");
    } catch (const LocalFailure& e) {
        result.retry = true;
        return refuse(e.what());
    } catch (const std::exception& e) {
        // Whatever failed while the kiosk was stopping (a hash or a check cut short) says nothing
        // about the bundle: it is tried again at the next start.
        if (policy.cancelled && policy.cancelled()) {
            result.retry = true;
            return refuse("the kiosk is stopping; the bundle's check was abandoned and is tried again at the next start");
        }
        return refuse(e.what());
    }
    const Meta& m = result.meta;
    if (auto refusal = policy_refusal(m.version, m.channel, m.expires, m.min_kiosk_version, policy)) return refuse(std::move(*refusal));
    const auto old = current();
    const std::string name = file_name_for(m.version);
    if (old && old->filename() == name) {
        // Two bundles that both say version N (one from a USB stick, one from the server): the
        // one installed first stays, and the other is refused, said, and logged.
        if (minisign::hash_file(staged_bundle, policy.cancelled) != minisign::hash_file(*old, policy.cancelled))
            return refuse("it says version " + std::to_string(m.version) + ", like the installed bundle, but its content differs: two "
                          "different bundles carry one version. Fix: publish the right one as a higher version");
        result.outcome = InstallResult::Outcome::AlreadyCurrent;
        result.reason = "version " + std::to_string(m.version) + " is already installed";
        return result;
    }
    try {
        raise_highest(m.version);  // before the switch: a lost link must never let an older version in
        fs::rename(staged_signature, dir_ / "bundles" / (name + ".minisig"));
        fs::rename(staged_bundle, dir_ / "bundles" / name);
        fsync_path(dir_ / "bundles", true);
        if (old) switch_link(dir_ / "previous", fs::path("bundles") / old->filename());
        switch_link(dir_ / "current", fs::path("bundles") / name);
    } catch (const std::exception& e) {
        result.retry = true;
        return refuse(std::string("cannot install: ") + e.what());
    }
    // The new bundle is current from here on, whatever fails next.
    result.outcome = InstallResult::Outcome::Installed;
    result.reason = "installed version " + std::to_string(m.version);
    try {
        fsync_path(dir_, true);
        // Keep current and previous; older versions and leftovers of interrupted installs go.
        for (const auto& entry : fs::directory_iterator(dir_ / "bundles")) {
            const std::string file = entry.path().filename().string();
            const bool keep = file.starts_with(name) || (old && file.starts_with(old->filename().string()));
            if (!keep) fs::remove(entry.path());
        }
    } catch (const std::exception& e) {
        result.reason += std::string(" (warning: ") + e.what() + ")";
    }
    return result;
}

void Store::record(const InstallResult& r, const std::string& source) {
    const char* outcome = r.outcome == InstallResult::Outcome::Installed        ? "installed"
                          : r.outcome == InstallResult::Outcome::AlreadyCurrent ? "unchanged"
                                                                                : "refused";
    record(outcome, r.reason, source);
}

void Store::record(const std::string& outcome, const std::string& reason, const std::string& source) {
    // Current facts come from what `current` points at, not from the last attempt.
    std::ostringstream out;
    if (const auto cur = current()) {
        try {
            const Meta m = Bundle(*cur).meta();
            out << "current_version = " << m.version << "\nchannel = " << m.channel << "\nexpires = " << m.expires << "\n";
        } catch (const BundleError&) {
            out << "current_version = unreadable\n";
        }
        try {
            const auto signature = read_file(cur->string() + ".minisig");
            if (signature) out << "key_id = " << minisign::key_id_hex(minisign::parse_signature(*signature).id) << "\n";
        } catch (const minisign::Error&) {
        }
    }
    if (const auto prev = previous()) {
        try {
            out << "previous_version = " << Bundle(*prev).meta().version << "\n";
        } catch (const BundleError&) {
        }
    }
    // A file name from a stick may hold a newline: escaped, it cannot forge a line here.
    out << "last_check = " << time_now("%Y-%m-%dT%H:%M:%SZ", true) << "\nlast_source = " << escaped(source)
        << "\nlast_result = " << outcome << "\nlast_reason = " << escaped(reason) << "\n";
    try {
        replace_file(dir_ / "status", out.str());
    } catch (const IoError&) {
        // The status is for people; a full disk must not turn an install into a failure.
    }
}

}  // namespace content
