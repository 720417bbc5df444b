// kiosk: the Torino information kiosk.
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app.hpp"
#include "display.hpp"
#include "drm_card.hpp"
#include "event_wait.hpp"
#include "kiosk_admin.hpp"
#include "log.hpp"
#include "pin_gate.hpp"
#include "preview_service.hpp"
#include "printer_setup.hpp"
#include "options.hpp"
#include "runner.hpp"
#include "service_manager.hpp"
#include "script.hpp"
#include "settings.hpp"
#include "store.hpp"
#include "text_files.hpp"
#include "update_service.hpp"
#include "usage_counters.hpp"

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

void log(const std::string& line) { kiosk::log::line(line); }

// What the updater says that a technician should see in the admin panel.
void log_update(const std::string& line) {
    for (const char* trouble : {"refused", "failed", "cannot", "does not open", "error"})
        if (line.find(trouble) != std::string::npos) return kiosk::log::problem("update: " + line);
    kiosk::log::line("update: " + line);
}

// Restarts the kiosk in place (same process id, so a service manager sees no exit).
void restart_self(char** argv) {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    ::execv(ec ? argv[0] : exe.c_str(), argv);
    kiosk::log::problem(std::string("cannot restart: ") + std::strerror(errno));
}

std::optional<std::vector<content::minisign::PublicKey>> read_trusted_keys(const kiosk::Options& o, std::string& error) {
    if (o.trusted_keys.empty()) {
        error = "--store needs at least one --trust PUB key to check bundles with";
        return std::nullopt;
    }
    std::vector<content::minisign::PublicKey> keys;
    for (const auto& file : o.trusted_keys) {
        const auto text = content::read_file(file);
        if (!text) {
            error = "cannot read the trusted key " + file + ". Fix: give the path of a minisign .pub file";
            return std::nullopt;
        }
        try {
            keys.push_back(content::minisign::parse_public_key(*text));
        } catch (const content::minisign::Error& e) {
            error = file + ": " + e.what();
            return std::nullopt;
        }
    }
    return keys;
}

// The store's best verified bundle, else the factory one. A bundle that verifies but does not
// open is passed over too: visitors never see an error instead of content.
std::shared_ptr<content::Bundle> open_start_bundle(content::Store* store, const std::vector<content::minisign::PublicKey>& keys,
                                                   const fs::path& factory, std::string& error) {
    fs::path path = factory;
    if (store) {
        const auto choice = content::choose_startup_bundle(*store, keys, factory);
        for (const auto& problem : choice.problems) log("passed over " + problem);
        log("showing the " + choice.source + " bundle " + choice.path.string());
        path = choice.path;
    }
    for (const fs::path& candidate : {path, factory}) {
        try {
            return std::make_shared<content::Bundle>(candidate);
        } catch (const content::BundleError& e) {
            error = e.what();
            if (candidate == factory) break;
            log("passed over " + error + "; showing the factory bundle " + factory.string());
        }
    }
    return nullptr;
}

// KIOSK_TEST_FREEZE_AFTER_MS=N makes the render loop hang after N ms, as a frozen GPU driver
// would: the test that the service's watchdog notices (tests/watchdog_test.py). Unset, nothing.
std::optional<std::chrono::milliseconds> test_freeze_after() {
    const char* text = std::getenv("KIOSK_TEST_FREEZE_AFTER_MS");
    if (!text) return std::nullopt;
    return std::chrono::milliseconds(std::atol(text));
}

[[noreturn]] void freeze_forever() {
    kiosk::log::problem("KIOSK_TEST_FREEZE_AFTER_MS: the render loop hangs now, for the watchdog test");
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
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
    if (options->hash_pin) {
        std::string pin;
        std::getline(std::cin, pin);
        const auto hash = kiosk::PinGate::hash(pin, error);
        if (!hash) return fail(error);
        std::cout << "admin_pin_hash = " << *hash << "\n";
        return 0;
    }

    kiosk::Settings settings;
    if (!options->config.empty()) {
        auto loaded = kiosk::load_settings(options->config, error);
        if (!loaded) return fail(error);
        settings = std::move(*loaded);
        kiosk::take_settings(*options, settings);
    }
    if (const auto problem = kiosk::combination_problem(*options)) return fail(*problem);
    const content::LanguageChoice languages{settings.languages, options->fallback};
    std::unique_ptr<kiosk::UsageCounters> usage;
    if (!settings.usage_db.empty()) {
        try {
            usage = std::make_unique<kiosk::UsageCounters>(settings.usage_db);
        } catch (const std::exception& e) {  // counting is never a reason not to serve visitors
            if (options->usage_csv) return fail(e.what());
            kiosk::log::problem(std::string("usage counters are not kept: ") + e.what());
        }
    }
    if (options->usage_csv) {
        if (!usage) return fail("--usage-csv reads the counters named by usage_db. Fix: give --config with usage_db = FILE");
        usage->export_csv(std::cout);
        return 0;
    }

    std::optional<content::Store> store;
    std::vector<content::minisign::PublicKey> keys;
    if (!options->store.empty()) {
        auto trusted = read_trusted_keys(*options, error);
        if (!trusted) return fail(error);
        keys = std::move(*trusted);
        try {
            store.emplace(options->store);
            if (const auto said = store->begin_run()) kiosk::log::problem(*said);
        } catch (const std::exception& e) {  // visitors still get the factory bundle
            log(std::string("cannot use the store: ") + e.what());
        }
    }
    // Only a successful exit strikes this run off: a kiosk that cannot start on a new bundle
    // counts towards the crash-loop guard like one that crashes.
    const auto clean_exit = [&store] {
        if (store) store->end_run();
        return 0;
    };

    std::unique_ptr<kiosk::PreviewService> preview;
    std::shared_ptr<const content::Bundle> bundle;
    if (!options->preview.empty()) {
        try {
            preview = std::make_unique<kiosk::PreviewService>(options->preview, options->fonts, languages,
                                                              [](const std::string& line) { kiosk::log::line(line); });
        } catch (const std::exception& e) {
            return fail(std::string("--preview: ") + e.what() + ". Fix: give the content source folder, e.g. --preview content/torino");
        }
        bundle = preview->first_bundle();
        if (!bundle)
            return fail("--preview " + options->preview + " has errors (above), so there is nothing to show. Fix: correct them "
                        "(kiosk-bundle validate " + options->preview + " lists them) and start the preview again");
    } else {
        auto opened = open_start_bundle(store ? &*store : nullptr, keys, find_bundle(*options), error);
        if (!opened) return fail(error);
        for (const auto& code : options->fallback)
            if (!opened->language(code)) return fail("--fallback names \"" + code + "\", a language the bundle does not have");
        for (const auto& code : opened->choose_languages(languages))
            kiosk::log::problem("languages in the configuration names \"" + code + "\", which the bundle does not have: left out");
        bundle = std::move(opened);
    }
    if (!options->lang.empty() && !bundle->language(options->lang)) {
        std::string codes;
        for (const auto& l : bundle->languages()) codes += " " + l.code;
        return fail("the bundle has no language \"" + options->lang + "\". Fix: use one of" + codes);
    }
    // A kiosk left to itself starts where every visitor starts: the attract screen.
    std::optional<kiosk::Route> start = kiosk::Route::parse(options->open.empty() ? (options->lang.empty() ? "attract" : "home")
                                                                                  : options->open);
    if (!start)
        return fail("--open " + options->open + " is not a screen. Fix: use attract, languages, home, category/<id> or guide/<id>");
    // Without a chosen language, screens other than the chooser show the first fallback language.
    std::string lang = options->lang;
    if (lang.empty()) lang = bundle->meta().fallback.empty() ? bundle->languages().front().code : bundle->meta().fallback.front();

    if (!options->print_preview.empty() || !options->print_to.empty()) {  // no display needed
        if (!kiosk::write_ticket_files(*bundle, *start, lang, settings, options->paper, options->print_preview, options->print_to, error))
            return fail(error);
        for (const auto& file : {options->print_preview, options->print_to})
            if (!file.empty()) std::cout << "wrote " << file << " (ticket of " << start->str() << ", " << lang << ")\n";
        return clean_exit();
    }

    const bool offscreen = options->headless || !options->screenshot.empty() || !options->script.empty();
    platform::DisplayOptions display_options;
    display_options.mode = offscreen           ? platform::DisplayOptions::Mode::Offscreen
                           : options->windowed ? platform::DisplayOptions::Mode::Windowed
                                               : platform::DisplayOptions::Mode::Fullscreen;
    const auto size = options->windowed && !offscreen ? *options->windowed : options->size;
    display_options.hide_cursor = !options->windowed;  // a desktop window keeps the mouse pointer
    display_options.width = size.first;
    display_options.height = size.second;
    std::optional<platform::DrmChoice> card;
    if (display_options.mode == platform::DisplayOptions::Mode::Fullscreen) {
        card = platform::choose_drm_card(settings.display);
        display_options.drm_card = card->index;
    }
    auto display = platform::Display::open(display_options, error);
    if (!display) return fail(error);
    if (card && display->driver() == "KMSDRM") log("display: " + card->reason);
    if (!offscreen) log("display: " + display->describe());

    kiosk::App app(bundle, lang, *start);
    if (preview) app.set_preview_note(preview->note());
    if (usage)
        app.set_listener([&usage](const std::string& event, const std::string& item) {
            if (event == "visit_ended") usage->flush();
            else usage->count(kiosk::UsageCounters::day_of(std::chrono::system_clock::now()), event, item);
        });
    kiosk::Runner runner(*display, app, options->fonts, settings);
    for (const auto& w : runner.warnings()) std::cerr << "kiosk: warning: " << w << "\n";
    // A print that ends (on the printer's thread) wakes the loop to redraw the screen. The waiter
    // is made first so it outlives the printer, whose thread is joined when the printer goes.
    platform::EventWaiter waiter(display->driver());
    const auto printer = kiosk::make_print_queue(settings, [&waiter] { waiter.wake(); });
    app.set_printer(printer.get());
    kiosk::KioskAdmin admin(settings.admin_pin_hash, app, {store ? &*store : nullptr, nullptr, usage.get(), settings.usage_db});
    app.set_admin(&admin);

    if (!options->screenshot.empty()) {
        if (!runner.screenshot(options->screenshot, error)) return fail(error);
        std::cout << "wrote " << options->screenshot << " (" << app.route().str() << ", " << app.lang() << ")\n";
        return clean_exit();
    }
    if (!options->script.empty()) {
        const auto text = content::read_file(options->script);
        if (!text) return fail("cannot read the script " + options->script);
        auto script = kiosk::Script::parse(*text, options->script, error);
        if (!script) return fail(error);
        if (!script->run(runner, app, error)) return fail(error);
        std::cout << "script " << options->script << " passed\n";
        return clean_exit();
    }
    std::unique_ptr<kiosk::UpdateService> updates;
    if (store && (!options->update_url.empty() || !options->inbox.empty())) {
        content::UpdaterConfig config;
        config.base_url = options->update_url;
        config.bundle_name = options->bundle_name;
        config.inbox = options->inbox;
        config.max_bundle_bytes = static_cast<std::uintmax_t>(options->max_bundle_mb) << 20;
        content::InstallPolicy policy{options->channel, KIOSK_VERSION, "", config.max_bundle_bytes};
        kiosk::UpdateSchedule schedule;
        schedule.server_every = std::chrono::seconds(options->check_every_s);
        updates = std::make_unique<kiosk::UpdateService>(*store, keys, policy, config, schedule, languages,
                                                         [&waiter] { waiter.wake(); }, log_update);
    }
    admin.set_updates(updates.get());
    std::optional<std::chrono::milliseconds> exit_after;
    if (options->exit_after_ms) exit_after = std::chrono::milliseconds(*options->exit_after_ms);
    if (preview) preview->watch([&waiter] { waiter.wake(); });
    platform::ServiceManager service;
    const auto freeze = test_freeze_after();
    const auto started = std::chrono::steady_clock::now();
    runner.run(
        waiter, exit_after,
        [&] {
            // Every wake-up comes here after a whole frame: while frames keep coming, so do the
            // heartbeats; a frame that never ends (a hung driver) stops them.
            service.ready();
            service.heartbeat();
            if (freeze && std::chrono::steady_clock::now() - started > *freeze) freeze_forever();
            if (preview) {
                if (auto next = preview->take_new_bundle()) app.replace_bundle(std::move(next));
                app.set_preview_note(preview->note());
            }
            if (!updates) return;
            if (auto next = updates->take_new_bundle()) app.replace_bundle(std::move(next));
        },
        service.heartbeat_every());
    preview.reset();
    updates.reset();
    if (exit_after) std::cout << "frames: " << runner.frames() << " polls: " << waiter.polls() << "\n";
    if (admin.restart_requested()) {
        clean_exit();
        usage.reset();  // counts written before the process image is replaced
        restart_self(argv);
        return 1;
    }
    return clean_exit();
}
