#include "kiosk/wiring.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <thread>

#include "content/text/text_files.hpp"
#include "kiosk/print/printer_setup.hpp"
#include "kiosk/services/report_service.hpp"
#include "kiosk/services/update_service.hpp"
#include "platform/drm_card.hpp"
#include "platform/log.hpp"
#include "platform/service_manager.hpp"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

void log(const std::string& line) { platform::log::line(line); }

// The bundle to show: --bundle, $KIOSK_BUNDLE, the demo bundle of a build tree, the installed one.
fs::path find_bundle(const Options& o) {
    if (!o.bundle.empty()) return o.bundle;
    if (const char* env = std::getenv("KIOSK_BUNDLE")) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    for (const fs::path& candidate : {exe.parent_path().parent_path() / "torino.kbundle",
                                      fs::path("/usr/share/torino-kiosk/torino.kbundle")})
        if (fs::exists(candidate)) return candidate;
    return "torino.kbundle";
}

std::optional<std::vector<content::minisign::PublicKey>> read_keys(const std::vector<std::string>& files, std::string& error) {
    std::vector<content::minisign::PublicKey> keys;
    for (const auto& file : files) {
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
    platform::log::problem("KIOSK_TEST_FREEZE_AFTER_MS: the render loop hangs now, for the watchdog test");
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

std::unique_ptr<UpdateService> start_updates(Setup& s, platform::EventWaiter& waiter) {
    const Options& o = s.options;
    if (!s.store || (o.update_url.empty() && o.inbox.empty())) return nullptr;
    if (o.update_url.starts_with("http:"))
        platform::log::problem("update_url " + o.update_url + " is plain http: bundles are still checked by their signature, but "
                               "anyone on the way can hold back updates unseen. Fix: serve the folder over https");
    if (o.channel.empty() && !s.store->current())
        platform::log::problem("no channel is set, so no bundle can be installed until one is. Fix: set channel in the "
                               "configuration, e.g. channel = torino (the channel kiosk-bundle publish serves)");
    content::UpdaterConfig config;
    config.base_url = o.update_url;
    config.bundle_name = o.bundle_name;
    config.inbox = o.inbox;
    // 1 to 4096 MB and 1 s to a day (kiosk/config/ranges.hpp): in bytes and seconds nothing
    // wraps round, so the cap always holds and the server is never asked without pause.
    config.max_bundle_bytes = static_cast<std::uintmax_t>(o.max_bundle_mb) << 20;
    config.roots = s.roots;
    content::InstallPolicy policy{o.channel, KIOSK_VERSION, "", config.max_bundle_bytes};
    UpdateSchedule schedule;
    schedule.server_every = std::chrono::seconds(o.check_every_s);
    return std::make_unique<UpdateService>(*s.store, s.keys, policy, config, schedule, s.languages, [&waiter] { waiter.wake(); },
                                           log_update);
}

}  // namespace

std::vector<content::minisign::PublicKey> Setup::trusted() const {
    if (!store || roots.empty()) return keys;
    std::string problem;
    const auto keyring = store->keyring(roots, &problem);
    if (!problem.empty()) platform::log::problem(problem);
    return content::trusted_keys(keys, keyring ? &*keyring : nullptr);
}

int Setup::clean_exit() {
    if (store) store->end_run();
    return 0;
}

std::unique_ptr<Setup> configure(Options options, std::string& error) {
    auto s = std::make_unique<Setup>();
    s->options = std::move(options);
    Options& o = s->options;
    if (!o.config.empty()) {
        auto loaded = load_settings(o.config, error);
        if (!loaded) return nullptr;
        s->settings = std::move(*loaded);
        take_settings(o, s->settings);
    }
    if (const auto problem = combination_problem(o)) {
        error = *problem;
        return nullptr;
    }
    s->languages = {s->settings.languages, o.fallback};
    if (!s->settings.usage_db.empty()) {
        try {
            s->usage = std::make_unique<UsageCounters>(s->settings.usage_db);
        } catch (const std::exception& e) {  // counting is never a reason not to serve visitors
            if (o.usage_csv) {
                error = e.what();
                return nullptr;
            }
            platform::log::problem(std::string("usage counters are not kept: ") + e.what());
        }
    }
    if (o.usage_csv) return s;  // nothing more is needed to print the counters
    if (!o.store.empty()) {
        if (o.trusted_keys.empty() && o.root_keys.empty()) {
            error = "--store needs at least one --trust PUB key, or the fleet's --trust-root PUB, to check bundles with";
            return nullptr;
        }
        auto given = read_keys(o.trusted_keys, error);
        if (!given) return nullptr;
        auto roots = read_keys(o.root_keys, error);
        if (!roots) return nullptr;
        s->keys = std::move(*given);
        s->roots = std::move(*roots);
        try {
            s->store.emplace(o.store);
            if (const auto said = s->store->begin_run()) platform::log::problem(*said);
        } catch (const std::exception& e) {  // visitors still get the factory bundle
            log(std::string("cannot use the store: ") + e.what());
        }
    }
    return s;
}

bool choose_content(Setup& s, std::string& error) {
    const Options& o = s.options;
    if (!o.preview.empty()) {
        try {
            s.preview = std::make_unique<PreviewService>(o.preview, o.fonts, s.languages, [](const std::string& line) { log(line); });
        } catch (const std::exception& e) {
            error = std::string("--preview: ") + e.what() + ". Fix: give the content source folder, e.g. --preview content/torino";
            return false;
        }
        s.bundle = s.preview->first_bundle();
        if (!s.bundle) {
            error = "--preview " + o.preview + " has errors (above), so there is nothing to show. Fix: correct them (kiosk-bundle validate " +
                    o.preview + " lists them) and start the preview again";
            return false;
        }
    } else {
        auto opened = open_start_bundle(s.store ? &*s.store : nullptr, s.trusted(), find_bundle(o), error);
        if (!opened) return false;
        for (const auto& code : o.fallback)
            if (!opened->language(code)) {
                error = "--fallback names \"" + code + "\", a language the bundle does not have";
                return false;
            }
        for (const auto& code : opened->choose_languages(s.languages))
            platform::log::problem("languages in the configuration names \"" + code + "\", which the bundle does not have: left out");
        s.bundle = std::move(opened);
    }
    if (!o.lang.empty() && !s.bundle->language(o.lang)) {
        std::string codes;
        for (const auto& l : s.bundle->languages()) codes += " " + l.code;
        error = "the bundle has no language \"" + o.lang + "\". Fix: use one of" + codes;
        return false;
    }
    // A kiosk left to itself starts where every visitor starts: the attract screen.
    s.start = Route::parse(o.open.empty() ? (o.lang.empty() ? "attract" : "home") : o.open);
    if (!s.start) {
        error = "--open " + o.open + " is not a screen. Fix: use attract, languages, home, category/<id> or guide/<id>";
        return false;
    }
    // Without a chosen language, screens other than the chooser show the first fallback language.
    s.lang = o.lang;
    if (s.lang.empty()) s.lang = s.bundle->meta().fallback.empty() ? s.bundle->languages().front().code : s.bundle->meta().fallback.front();
    return true;
}

std::unique_ptr<Session> open_session(Setup& s, std::string& error) {
    const Options& o = s.options;
    const bool offscreen = o.headless || !o.screenshot.empty() || !o.script.empty() || !o.speak_to.empty();
    platform::DisplayOptions display_options;
    display_options.mode = offscreen     ? platform::DisplayOptions::Mode::Offscreen
                           : o.windowed ? platform::DisplayOptions::Mode::Windowed
                                        : platform::DisplayOptions::Mode::Fullscreen;
    const auto size = o.windowed && !offscreen ? *o.windowed : o.size;
    display_options.hide_cursor = !o.windowed;  // a desktop window keeps the mouse pointer
    display_options.width = size.first;
    display_options.height = size.second;
    std::optional<platform::DrmChoice> card;
    if (display_options.mode == platform::DisplayOptions::Mode::Fullscreen) {
        card = platform::choose_drm_card(s.settings.display);
        display_options.drm_card = card->index;
    }
    auto session = std::make_unique<Session>();
    session->display = platform::Display::open(display_options, error);
    if (!session->display) return nullptr;
    if (card && session->display->driver() == "KMSDRM") log("display: " + card->reason);
    if (!offscreen) log("display: " + session->display->describe());

    session->app = std::make_unique<App>(s.bundle, s.lang, *s.start);
    App& app = *session->app;
    if (s.preview) app.set_preview_note(s.preview->note());
    if (s.usage)
        app.set_listener([usage = s.usage.get()](const std::string& event, const std::string& item) {
            if (event == "visit_ended") usage->flush();
            else usage->count(UsageCounters::day_of(std::chrono::system_clock::now()), event, item);
        });
    session->runner = std::make_unique<Runner>(*session->display, app, o.fonts, s.settings);
    for (const auto& w : session->runner->warnings()) std::cerr << "kiosk: warning: " << w << "\n";
    session->waiter = std::make_unique<platform::EventWaiter>(session->display->driver());
    if (o.speak_to.empty()) {  // --speak-to speaks through an engine of its own
        // Headless, nothing is played aloud: SDL's dummy driver takes the sound (unless the
        // environment names another, e.g. disk for a benchmark).
        if (offscreen) setenv("SDL_AUDIODRIVER", "dummy", 0);
        session->speech = open_speech(o.audio_device, o.screenshot.empty());  // a screenshot says nothing
        session->speech->set_on_progress([waiter = session->waiter.get()] { waiter->wake(); });
        session->runner->set_speech(*session->speech);
    }
    session->printer = make_print_queue(s.settings, [waiter = session->waiter.get()] { waiter->wake(); });
    app.set_printer(session->printer.get());
    session->admin = std::make_unique<KioskAdmin>(s.settings.admin_pin_hash, app,
                                                  KioskAdmin::Parts{s.store ? &*s.store : nullptr, nullptr, s.usage.get(), s.settings.usage_db, s.roots});
    app.set_admin(session->admin.get());
    return session;
}

std::unique_ptr<Speech> open_speech(const std::string& audio_device, bool sound) {
    if (audio_device == "none") return std::make_unique<Speech>(nullptr, nullptr);
    std::string error;
    auto synth = platform::SpeechSynth::open(error);
    if (!synth) {
        platform::log::problem("speech: " + error + ". The kiosk works on without a voice");
        return std::make_unique<Speech>(nullptr, nullptr);
    }
    if (!sound) return std::make_unique<Speech>(std::move(synth), nullptr);
    auto output = platform::AudioOutput::open(audio_device, synth->sample_rate(), error);
    if (!output) platform::log::problem("speech: " + error + ". The kiosk works on without a voice");
    return std::make_unique<Speech>(std::move(synth), std::move(output));
}

// Reports to the console (report_url); none when not configured.
std::unique_ptr<ReportService> start_reports(const Settings& settings, platform::EventWaiter& waiter) {
    if (settings.report_url.empty()) return nullptr;
    return std::make_unique<ReportService>(ReportConfig{settings.report_url, settings.report_token, "", settings.report_every},
                                           [&waiter] { waiter.wake(); }, log_update);
}

bool run_kiosk(Setup& s, Session& session) {
    App& app = *session.app;
    platform::EventWaiter& waiter = *session.waiter;
    auto updates = start_updates(s, waiter);
    auto reports = start_reports(s.settings, waiter);
    session.admin->set_updates(updates.get());
    std::optional<std::chrono::milliseconds> exit_after;
    if (s.options.exit_after_ms) exit_after = std::chrono::milliseconds(*s.options.exit_after_ms);
    if (s.preview) s.preview->watch([&waiter] { waiter.wake(); });
    platform::ServiceManager service;
    const auto freeze = test_freeze_after();
    const auto started = std::chrono::steady_clock::now();
    bool first_logged = false;
    const auto log_first_frame = [&] {
        if (first_logged || !session.runner->first_presented()) return;
        first_logged = true;
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(*session.runner->first_presented() - s.started);
        log("first frame shown " + std::to_string(took.count()) + " ms after start");
    };
    session.runner->run(
        waiter, exit_after,
        [&] {
            log_first_frame();
            // Every wake-up comes here after a whole frame: while frames keep coming, so do the
            // heartbeats; a frame that never ends (a hung driver) stops them.
            service.ready();
            service.heartbeat();
            if (freeze && std::chrono::steady_clock::now() - started > *freeze) freeze_forever();
            if (s.preview) {
                if (auto next = s.preview->take_new_bundle()) session.runner->replace_bundle(std::move(next), [&waiter] { waiter.wake(); });
                app.set_preview_note(s.preview->note());
            }
            if (reports && reports->wanted()) reports->send(session.admin->fleet_report());
            if (!updates) return;
            if (auto next = updates->take_new_bundle()) {
                session.runner->replace_bundle(std::move(next), [&waiter] { waiter.wake(); });
                if (reports) reports->report_soon();  // the console shows the new version without waiting an interval
            }
        },
        service.heartbeat_every());
    log_first_frame();
    s.preview.reset();
    session.admin->set_updates(nullptr);
    updates.reset();
    reports.reset();
    if (exit_after) {
        std::cout << "frames: " << session.runner->frames() << " polls: " << waiter.polls() << "\n";
        // For tests/bench/cold_start.sh, which takes the time before it started the kiosk.
        if (const auto first = session.runner->first_presented())
            std::cout << std::fixed << std::setprecision(6) << "first frame presented at " << std::chrono::duration<double>(first->time_since_epoch()).count()
                      << " s (CLOCK_MONOTONIC)\n";
    }
    return session.admin->restart_requested();
}

}  // namespace kiosk
