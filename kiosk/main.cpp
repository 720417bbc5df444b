// kiosk: the Torino information kiosk.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app.hpp"
#include "display.hpp"
#include "event_wait.hpp"
#include "options.hpp"
#include "runner.hpp"
#include "script.hpp"
#include "store.hpp"
#include "text_files.hpp"

namespace fs = std::filesystem;

namespace {

// The bundle to show: --bundle, $KIOSK_BUNDLE, the demo bundle of a build tree, the installed one.
fs::path find_bundle(const kiosk::Options& o) {
    if (!o.bundle.empty()) return o.bundle;
    if (const char* env = std::getenv("KIOSK_BUNDLE")) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (const fs::path& candidate : {exe.parent_path().parent_path() / "torino.kbundle",
                                      fs::path("/usr/share/torino-kiosk/torino.kbundle")})
        if (fs::exists(candidate)) return candidate;
    return "torino.kbundle";
}

int fail(const std::string& message) {
    std::cerr << "kiosk: " << message << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string error;
    auto options = kiosk::parse_options(argc, argv, error);
    if (!options) return fail(error);
    if (options->help) {
        std::cout << kiosk::kUsage;
        return 0;
    }
    if (options->version) {
        std::cout << "kiosk " << KIOSK_VERSION << "\n";
        return 0;
    }

    fs::path bundle_path = find_bundle(*options);
    if (!options->store.empty()) {
        if (options->trusted_keys.empty()) return fail("--store needs at least one --trust PUB key to check bundles with");
        std::vector<content::minisign::PublicKey> keys;
        for (const auto& file : options->trusted_keys) {
            const auto text = content::read_file(file);
            if (!text) return fail("cannot read the trusted key " + file + ". Fix: give the path of a minisign .pub file");
            try {
                keys.push_back(content::minisign::parse_public_key(*text));
            } catch (const content::minisign::Error& e) {
                return fail(file + ": " + e.what());
            }
        }
        const auto choice = content::choose_startup_bundle(content::Store(options->store), keys, bundle_path);
        for (const auto& problem : choice.problems) std::cerr << "kiosk: passed over " << problem << "\n";
        std::cerr << "kiosk: showing the " << choice.source << " bundle " << choice.path.string() << "\n";
        bundle_path = choice.path;
    }
    std::optional<content::Bundle> bundle;
    try {
        bundle.emplace(bundle_path);
    } catch (const content::BundleError& e) {
        return fail(e.what());
    }
    if (!options->lang.empty() && !bundle->language(options->lang)) {
        std::string codes;
        for (const auto& l : bundle->languages()) codes += " " + l.code;
        return fail("the bundle has no language \"" + options->lang + "\". Fix: use one of" + codes);
    }
    for (const auto& code : options->fallback)
        if (!bundle->language(code)) return fail("--fallback names \"" + code + "\", a language the bundle does not have");
    if (!options->fallback.empty()) bundle->set_fallback(options->fallback);
    std::optional<kiosk::Route> start = kiosk::Route::parse(options->open.empty() ? (options->lang.empty() ? "languages" : "home")
                                                                                  : options->open);
    if (!start) return fail("--open " + options->open + " is not a screen. Fix: use languages, home, category/<id> or guide/<id>");
    // Without a chosen language, screens other than the chooser show the first fallback language.
    std::string lang = options->lang;
    if (lang.empty()) lang = bundle->meta().fallback.empty() ? bundle->languages().front().code : bundle->meta().fallback.front();

    const bool offscreen = options->headless || !options->screenshot.empty() || !options->script.empty();
    platform::DisplayOptions display_options;
    display_options.mode = offscreen           ? platform::DisplayOptions::Mode::Offscreen
                           : options->windowed ? platform::DisplayOptions::Mode::Windowed
                                               : platform::DisplayOptions::Mode::Fullscreen;
    const auto size = options->windowed && !offscreen ? *options->windowed : options->size;
    display_options.width = size.first;
    display_options.height = size.second;
    auto display = platform::Display::open(display_options, error);
    if (!display) return fail(error);

    kiosk::App app(*bundle, lang, *start);
    kiosk::Runner runner(*display, app, options->fonts);
    for (const auto& w : runner.warnings()) std::cerr << "kiosk: warning: " << w << "\n";

    if (!options->screenshot.empty()) {
        if (!runner.screenshot(options->screenshot, error)) return fail(error);
        std::cout << "wrote " << options->screenshot << " (" << app.route().str() << ", " << app.lang() << ")\n";
        return 0;
    }
    if (!options->script.empty()) {
        const auto text = content::read_file(options->script);
        if (!text) return fail("cannot read the script " + options->script);
        auto script = kiosk::Script::parse(*text, options->script, error);
        if (!script) return fail(error);
        if (!script->run(runner, app, error)) return fail(error);
        std::cout << "script " << options->script << " passed\n";
        return 0;
    }
    platform::EventWaiter waiter(display->driver());
    std::optional<std::chrono::milliseconds> exit_after;
    if (options->exit_after_ms) exit_after = std::chrono::milliseconds(*options->exit_after_ms);
    runner.run(waiter, exit_after);
    if (exit_after) std::cout << "frames: " << runner.frames() << " polls: " << waiter.polls() << "\n";
    return 0;
}
