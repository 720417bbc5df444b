#include "content/console/preview.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "content/text/text_files.hpp"

extern char** environ;

namespace content::console {

namespace fs = std::filesystem;

std::optional<std::string> preview_refusal(const PreviewRequest& r) {
    const auto lower = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    if (r.lang.size() < 2 || r.lang.size() > 3 || !std::all_of(r.lang.begin(), r.lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return "\"" + r.lang + "\" is not a language code. Fix: e.g. it, ar, zh";
    const size_t slash = r.route.find('/');
    const std::string screen = r.route.substr(0, slash);
    const std::string id = slash == std::string::npos ? "" : r.route.substr(slash + 1);
    const bool known =
        (slash == std::string::npos && (screen == "home" || screen == "languages" || screen == "attract" || screen == "places" || screen == "map")) ||
        ((screen == "guide" || screen == "category" || screen == "qr" || screen == "place" || screen == "map") && !id.empty() &&
         std::all_of(id.begin(), id.end(), lower));
    if (!known) return "\"" + r.route + "\" is not a screen of the kiosk. Fix: home, places, map, guide/<id>, category/<id>, place/<id>, map/<id> or qr/<link id>";
    return std::nullopt;
}

PreviewResult render_preview(const fs::path& kiosk, const fs::path& source, const PreviewRequest& r, const fs::path& work) {
    static std::atomic<int> counter{0};
    fs::create_directories(work);
    const std::string stem = (work / ("preview-" + std::to_string(::getpid()) + "-" + std::to_string(++counter))).string();
    const std::string png = stem + ".png", log = stem + ".log";
    std::vector<std::string> args = {kiosk.string(), "--preview", source.string(), "--lang", r.lang, "--open", r.route,
                                     "--size", r.portrait ? "1080x1920" : "1920x1080", "--screenshot", png};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, kiosk.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return {"", "cannot run " + kiosk.string() + ": " + std::strerror(spawned)};
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    PreviewResult result;
    const auto picture = read_file(png);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && picture) result.png = *picture;
    else result.error = read_file(log).value_or("the kiosk drew nothing");
    fs::remove(png);
    fs::remove(log);
    return result;
}

}  // namespace content::console
