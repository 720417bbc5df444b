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
#include <random>
#include <sstream>

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

// Copies at most `limit` bytes; a longer source is abandoned (endless-data attack).
void copy_capped(const fs::path& from, const fs::path& to, std::uintmax_t limit, const char* what) {
    std::ifstream in(from, std::ios::binary);
    if (!in) throw IoError(std::string("cannot read the ") + what + " " + from.string());
    std::ofstream out(to, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot write " + to.string());
    std::vector<char> buffer(1 << 20);
    std::uintmax_t total = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::uintmax_t>(in.gcount());
        total += n;
        if (total > limit)
            throw IoError(std::string("the ") + what + " is larger than the limit of " + std::to_string(limit) + " bytes; abandoned");
        out.write(buffer.data(), static_cast<std::streamsize>(n));
    }
    out.flush();
    if (!out) throw IoError("cannot write " + to.string() + " (disk full?)");
    out.close();
    fsync_path(to, false);
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
        return result;  // not recorded either: the status file is the store's too
    }
    try {
        result = install_locked(bundle, signature, trusted, policy);
    } catch (const std::exception& e) {  // a failing disk: refused, never a crashed updater
        result.outcome = InstallResult::Outcome::Refused;
        result.reason = std::string("cannot install: ") + e.what();
    }
    record(result, bundle.string());
    return result;
}

std::optional<std::string> Store::policy_refusal(const Meta& m, const InstallPolicy& policy) const {
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
    const std::string channel = !policy.channel.empty() ? policy.channel : installed ? installed->channel : "";
    const std::string v = std::to_string(m.version);
    if (!channel.empty() && m.channel != channel) return "the bundle is for channel " + m.channel + ", this kiosk follows " + channel;
    if (compare_versions(m.min_kiosk_version, policy.kiosk_version) > 0)
        return "the bundle needs kiosk " + m.min_kiosk_version + " or newer; this kiosk is " + policy.kiosk_version;
    if (!policy.today.empty() && m.expires < policy.today) return "the bundle expired on " + m.expires;
    if (installed && m.version < installed->version)
        return "version " + v + " is older than the installed version " + std::to_string(installed->version);
    if (const auto w = withdrawn(); std::find(w.begin(), w.end(), m.version) != w.end())
        return "version " + v + " was withdrawn on this kiosk after it crashed repeatedly; publish it again with a higher version";
    return std::nullopt;
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
        copy_capped(signature, staged_signature, kMaxSignatureBytes, "signature");
        copy_capped(bundle, staged_bundle, policy.max_bundle_bytes, "bundle");
        const auto verified = verify_bundle(staged_bundle, staged_signature, trusted);
        result.meta = verified.meta;
        result.key_id = verified.key_id;
        sql::Database db(staged_bundle, sql::Database::Mode::ReadOnly);
        auto check = db.prepare("PRAGMA integrity_check");
        if (!check.step() || check.text(0) != "ok") return refuse("the bundle fails SQLite's integrity check");
    } catch (const std::exception& e) {
        return refuse(e.what());
    }
    const Meta& m = result.meta;
    if (auto refusal = policy_refusal(m, policy)) return refuse(std::move(*refusal));
    const auto old = current();
    const std::string name = file_name_for(m.version);
    if (old && old->filename() == name) {
        result.outcome = InstallResult::Outcome::AlreadyCurrent;
        result.reason = "version " + std::to_string(m.version) + " is already installed";
        return result;
    }
    try {
        fs::rename(staged_signature, dir_ / "bundles" / (name + ".minisig"));
        fs::rename(staged_bundle, dir_ / "bundles" / name);
        fsync_path(dir_ / "bundles", true);
        if (old) switch_link(dir_ / "previous", fs::path("bundles") / old->filename());
        switch_link(dir_ / "current", fs::path("bundles") / name);
    } catch (const std::exception& e) {
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
    out << "last_check = " << time_now("%Y-%m-%dT%H:%M:%SZ", true) << "\nlast_source = " << source << "\nlast_result = " << outcome
        << "\nlast_reason = " << reason << "\n";
    try {
        replace_file(dir_ / "status", out.str());
    } catch (const IoError&) {
        // The status is for people; a full disk must not turn an install into a failure.
    }
}

}  // namespace content
