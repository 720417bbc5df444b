#include "store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>

#include "bundle.hpp"
#include "signed_bundle.hpp"
#include "sqlite.hpp"
#include "text_files.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void fsync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError("cannot open " + path.string() + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw IoError("cannot sync " + path.string() + " to disk");
}

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

// Points `link` at `target` atomically: a new symlink beside it, renamed over it.
void switch_link(const fs::path& link, const fs::path& target) {
    const fs::path fresh = fs::path(link).concat(".new");
    std::error_code ec;
    fs::remove(fresh, ec);
    fs::create_symlink(target, fresh);
    fs::rename(fresh, link);
}

// The time now in strftime's `format`, in UTC or local time.
std::string time_now(const char* format, bool utc) {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    if (utc) gmtime_r(&t, &tm);
    else localtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, format, &tm);
    return out;
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

int Store::lock() const {
    const int fd = ::open((dir_ / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) ::flock(fd, LOCK_EX);
    return fd;
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
    struct Unlock {
        int fd;
        ~Unlock() { if (fd >= 0) ::close(fd); }
    } held{lock()};
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
    if (installed && m.version == installed->version) {
        result.outcome = InstallResult::Outcome::AlreadyCurrent;
        result.reason = "version " + std::to_string(m.version) + " is already installed";
        record(result, bundle.string());
        return result;
    }
    try {
        const std::string name = "v" + std::to_string(m.version) + ".kbundle";
        const fs::path final_bundle = dir_ / "bundles" / name, final_signature = dir_ / "bundles" / (name + ".minisig");
        fs::rename(staged.signature, final_signature);
        fs::rename(staged.bundle, final_bundle);
        fsync_path(dir_ / "bundles", true);
        const auto old = current();
        if (old) switch_link(dir_ / "previous", fs::path("bundles") / old->filename());
        switch_link(dir_ / "current", fs::path("bundles") / name);
        fsync_path(dir_, true);
        // Keep current and previous; older versions are pruned.
        for (const auto& entry : fs::directory_iterator(dir_ / "bundles")) {
            const std::string file = entry.path().filename().string();
            const bool keep = file.starts_with(name) || (old && file.starts_with(old->filename().string()));
            if (!keep) fs::remove(entry.path());
        }
    } catch (const std::exception& e) {
        return refuse(std::string("cannot install: ") + e.what());
    }
    result.outcome = InstallResult::Outcome::Installed;
    result.reason = "installed version " + std::to_string(m.version);
    record(result, bundle.string());
    return result;
}

void Store::record(const InstallResult& r, const std::string& source) {
    // Current facts come from what `current` points at, not from the last attempt.
    std::ostringstream out;
    if (const auto cur = current()) {
        try {
            const Meta m = Bundle(*cur).meta();
            out << "current_version = " << m.version << "\nchannel = " << m.channel << "\nexpires = " << m.expires << "\n";
        } catch (const BundleError&) {
            out << "current_version = unreadable\n";
        }
    }
    if (r.outcome == InstallResult::Outcome::Installed) out << "key_id = " << r.key_id << "\n";
    else if (const auto old = read_file(dir_ / "status")) {
        for (const auto& kv : parse_key_values(*old).entries)
            if (kv.key == "key_id") out << "key_id = " << kv.value << "\n";
    }
    if (const auto prev = previous()) {
        try {
            out << "previous_version = " << Bundle(*prev).meta().version << "\n";
        } catch (const BundleError&) {
        }
    }
    const char* outcome = r.outcome == InstallResult::Outcome::Installed        ? "installed"
                          : r.outcome == InstallResult::Outcome::AlreadyCurrent ? "unchanged"
                                                                                : "refused";
    out << "last_check = " << time_now("%Y-%m-%dT%H:%M:%SZ", true) << "\nlast_source = " << source << "\nlast_result = " << outcome
        << "\nlast_reason = " << r.reason << "\n";
    const fs::path tmp = dir_ / "status.new";
    {
        std::ofstream f(tmp, std::ios::trunc);
        f << out.str();
    }
    std::error_code ec;
    fs::rename(tmp, dir_ / "status", ec);
}

}  // namespace content
