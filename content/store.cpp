#include "store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

#include "bundle.hpp"
#include "signed_bundle.hpp"
#include "sqlite.hpp"
#include "store_files.hpp"
#include "text_files.hpp"

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

std::string today_iso() { return time_now("%Y-%m-%d", false); }

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
    const int fd = ::open((dir_ / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) ::flock(fd, LOCK_EX);
    return Lock{fd};
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

std::string Store::status_text() const { return read_file(dir_ / "status").value_or(""); }

InstallResult Store::install(const fs::path& bundle, const fs::path& signature, std::span<const minisign::PublicKey> trusted,
                             const InstallPolicy& policy) {
    const Lock held = lock();
    // Leftovers of an interrupted install are never trusted: staging starts empty.
    for (const auto& entry : fs::directory_iterator(dir_ / "staging")) fs::remove_all(entry.path());

    InstallResult result;
    const auto refuse = [&](std::string reason) {
        result.outcome = InstallResult::Outcome::Refused;
        result.reason = std::move(reason);
        record(result, bundle.string());
        return result;
    };
    std::mt19937_64 random(std::random_device{}());
    const std::string stem = "incoming-" + std::to_string(random());
    const struct {
        fs::path bundle, signature;
    } staged{dir_ / "staging" / (stem + ".kbundle"), dir_ / "staging" / (stem + ".kbundle.minisig")};
    const RemoveOnExit cleanup{{staged.bundle, staged.signature}};
    try {
        copy_capped(signature, staged.signature, kMaxSignatureBytes, "signature");
        copy_capped(bundle, staged.bundle, policy.max_bundle_bytes, "bundle");
        const auto verified = verify_bundle(staged.bundle, staged.signature, trusted);
        result.meta = verified.meta;
        result.key_id = verified.key_id;
        {
            sql::Database db(staged.bundle, sql::Database::Mode::ReadOnly);
            auto check = db.prepare("PRAGMA integrity_check");
            if (!check.step() || check.text(0) != "ok") return refuse("the bundle fails SQLite's integrity check");
        }
    } catch (const std::exception& e) {
        return refuse(e.what());
    }
    const Meta& m = result.meta;
    // What is installed now, read once; an unreadable current bundle is replaced by any verified one.
    std::optional<Meta> installed;
    if (const auto cur = current()) {
        try {
            installed = Bundle(*cur).meta();
        } catch (const BundleError&) {
        }
    }
    const std::string channel = !policy.channel.empty() ? policy.channel : installed ? installed->channel : "";
    if (!channel.empty() && m.channel != channel)
        return refuse("the bundle is for channel " + m.channel + ", this kiosk follows " + channel);
    if (compare_versions(m.min_kiosk_version, policy.kiosk_version) > 0)
        return refuse("the bundle needs kiosk " + m.min_kiosk_version + " or newer; this kiosk is " + policy.kiosk_version);
    if (!policy.today.empty() && m.expires < policy.today) return refuse("the bundle expired on " + m.expires);
    if (installed && m.version < installed->version)
        return refuse("version " + std::to_string(m.version) + " is older than the installed version " + std::to_string(installed->version));
    if (const auto w = withdrawn(); std::find(w.begin(), w.end(), m.version) != w.end())
        return refuse("version " + std::to_string(m.version) +
                      " was withdrawn on this kiosk after it crashed repeatedly; publish it again with a higher version");
    if (installed && m.version == installed->version) {
        result.outcome = InstallResult::Outcome::AlreadyCurrent;
        result.reason = "version " + std::to_string(m.version) + " is already installed";
        record(result, bundle.string());
        return result;
    }
    const std::string name = "v" + std::to_string(m.version) + ".kbundle";
    const auto old = current();
    try {
        fs::rename(staged.signature, dir_ / "bundles" / (name + ".minisig"));
        fs::rename(staged.bundle, dir_ / "bundles" / name);
        fsync_path(dir_ / "bundles", true);
        if (old) switch_link(dir_ / "previous", fs::path("bundles") / old->filename());
        switch_link(dir_ / "current", fs::path("bundles") / name);
    } catch (const std::exception& e) {
        return refuse(std::string("cannot install: ") + e.what());
    }
    // The new bundle is current from here on, whatever fails next.
    std::string warning;
    try {
        fsync_path(dir_, true);
        // Keep current and previous; older versions and leftovers of interrupted installs go.
        for (const auto& entry : fs::directory_iterator(dir_ / "bundles")) {
            const std::string file = entry.path().filename().string();
            const bool keep = file.starts_with(name) || (old && file.starts_with(old->filename().string()));
            if (!keep) fs::remove(entry.path());
        }
    } catch (const std::exception& e) {
        warning = std::string(" (warning: ") + e.what() + ")";
    }
    result.outcome = InstallResult::Outcome::Installed;
    result.reason = "installed version " + std::to_string(m.version) + warning;
    record(result, bundle.string());
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
