// The crash-loop guard: every kiosk run is written down when it starts and struck off when it
// ends cleanly, so what remains are crashes (or power cuts). Too many of them soon after a
// switch to a new bundle withdraw that bundle.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "content/delivery/store.hpp"
#include "content/delivery/store_files.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;
using namespace store_files;

namespace {

struct Run {
    long long version = 0;
    std::time_t started = 0;
    long pid = 0;
};

std::vector<Run> read_runs(const fs::path& file) {
    std::vector<Run> runs;
    std::istringstream in(read_file(file).value_or(""));
    Run r;
    while (in >> r.version >> r.started >> r.pid) runs.push_back(r);
    return runs;
}

void write_runs(const fs::path& file, const std::vector<Run>& runs) {
    std::ostringstream out;
    for (const auto& r : runs) out << r.version << ' ' << r.started << ' ' << r.pid << '\n';
    replace_file(file, out.str());
}

// Read from the file name: start-up should not open a bundle just to learn its version.
std::optional<long long> version_of(const std::optional<fs::path>& bundle) {
    if (!bundle) return std::nullopt;
    return version_in_name(*bundle);
}

}  // namespace

std::vector<long long> Store::withdrawn() const {
    std::vector<long long> versions;
    std::istringstream in(read_file(dir_ / "withdrawn").value_or(""));
    for (long long v = 0; in >> v;) versions.push_back(v);
    return versions;
}

std::optional<std::string> Store::begin_run(const CrashLoopLimits& limits, std::time_t now) {
    const Lock held = lock();
    if (!held) return "crash-loop guard unavailable: " + held.problem;  // never why a kiosk does not start
    std::optional<std::string> said;
    try {
        auto runs = read_runs(dir_ / "runs");
        std::erase_if(runs, [&](const Run& r) { return r.started < now - limits.window.count(); });
        auto version = version_of(current());
        if (version) {
            const auto failed = std::count_if(runs.begin(), runs.end(), [&](const Run& r) { return r.version == *version; });
            struct stat link {};
            const bool recent_switch = ::lstat((dir_ / "current").c_str(), &link) == 0 && link.st_mtime >= now - limits.after_switch.count();
            if (failed >= limits.failed_starts && recent_switch) {
                const std::string back_on = withdraw_current(*version);
                std::erase_if(runs, [&](const Run& r) { return r.version == *version; });
                said = "version " + std::to_string(*version) + " did not run cleanly " + std::to_string(failed) + " times in " +
                       std::to_string(limits.window.count() / 60) + " minutes after it was installed: withdrawn, back on " + back_on;
                record("rolled back", *said, "crash-loop guard");
                version = version_of(current());
            }
        }
        runs.push_back({version.value_or(0), now, static_cast<long>(::getpid())});
        write_runs(dir_ / "runs", runs);
    } catch (const std::exception& e) {
        // The guard must never be why a kiosk does not start.
        said = std::string("crash-loop guard unavailable: ") + e.what();
    }
    return said;
}

std::string Store::withdraw_current(long long version) {
    std::ostringstream list;
    for (const auto v : withdrawn()) list << v << '\n';
    list << version << '\n';
    replace_file(dir_ / "withdrawn", list.str());
    // Back on the previous bundle only if it is another, not withdrawn itself (a second crash
    // loop in a row); `previous` goes either way, so a link never leads to a withdrawn version.
    const auto prev = previous();
    const auto w = withdrawn();
    const bool usable = prev && version_in_name(*prev) != version &&
                        std::find(w.begin(), w.end(), version_in_name(*prev)) == w.end();
    if (usable) switch_link(dir_ / "current", fs::path("bundles") / prev->filename());
    else fs::remove(dir_ / "current");
    fs::remove(dir_ / "previous");
    fsync_path(dir_, true);
    const auto back_on = version_of(current());
    return back_on ? "version " + std::to_string(*back_on) : std::string("the factory bundle");
}

std::string Store::roll_back(const std::string& who) {
    const Lock held = lock();
    if (!held) return "roll-back failed: " + held.problem;
    try {
        const auto version = version_of(current());
        if (!version) return "nothing to roll back: the kiosk already shows its factory bundle";
        const std::string said = "version " + std::to_string(*version) + " withdrawn by " + who + ", back on " + withdraw_current(*version);
        record("rolled back", said, who);
        return said;
    } catch (const std::exception& e) {
        return std::string("roll-back failed: ") + e.what();
    }
}

void Store::end_run() {
    const Lock held = lock();
    if (!held) return;
    try {
        auto runs = read_runs(dir_ / "runs");
        std::erase_if(runs, [](const Run& r) { return r.pid == static_cast<long>(::getpid()); });
        write_runs(dir_ / "runs", runs);
    } catch (const std::exception&) {
    }
}

}  // namespace content
