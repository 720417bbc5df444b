#pragma once
// The parts of a running kiosk, made from the command line and the configuration in the order
// they need each other: settings and counters, the store and its keys, the bundle and where the
// visitor starts; then a display with the App, the frame loop, the printer and the admin panel;
// then the workers around the loop. main.cpp only chooses which run mode uses how much of it.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/delivery/minisign.hpp"
#include "content/delivery/store.hpp"
#include "content/model/bundle.hpp"
#include "kiosk/admin/kiosk_admin.hpp"
#include "kiosk/admin/usage_counters.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/app/route.hpp"
#include "kiosk/config/options.hpp"
#include "kiosk/config/settings.hpp"
#include "kiosk/print/print_queue.hpp"
#include "kiosk/services/preview_service.hpp"
#include "kiosk/shell/runner.hpp"
#include "kiosk/speech/speech.hpp"
#include "platform/display.hpp"
#include "platform/event_wait.hpp"

namespace kiosk {

/// Everything before a screen: enough for the counters' CSV and for ticket files.
struct Setup {
    /// When the kiosk began (main's first steps): its first frame is logged as so long after.
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    Options options;
    Settings settings;
    content::LanguageChoice languages;
    std::unique_ptr<UsageCounters> usage;  // null without usage_db (or when it cannot be opened)
    std::optional<content::Store> store;
    std::vector<content::minisign::PublicKey> keys;   // given with --trust
    std::vector<content::minisign::PublicKey> roots;  // given with --trust-root: they sign the keyring
    /// The keys bundles are checked with: those given, and the store's keyring's publishers
    /// (less the keys it revokes).
    std::vector<content::minisign::PublicKey> trusted() const;
    std::unique_ptr<PreviewService> preview;  // kiosk --preview
    std::shared_ptr<const content::Bundle> bundle;
    std::optional<Route> start;
    std::string lang;

    /// Only a successful exit strikes this run off: a kiosk that cannot start on a new bundle
    /// counts towards the crash-loop guard like one that crashes. Returns the exit status, 0.
    int clean_exit();
};

/// Settings, counters and the store; none with `error` when the kiosk cannot start.
std::unique_ptr<Setup> configure(Options options, std::string& error);
/// The bundle to show (a preview's, the store's best, the factory one), the language and the
/// first screen; false with `error` when there is nothing a visitor could be shown.
bool choose_content(Setup& setup, std::string& error);

/// A kiosk on a display: the App and its frame loop, with the printer and the admin panel.
struct Session {
    std::unique_ptr<platform::Display> display;
    std::unique_ptr<App> app;
    std::unique_ptr<Speech> speech;  // before the runner, which speaks through it
    std::unique_ptr<Runner> runner;
    // A print that ends (on the printer's thread) wakes the loop to redraw the screen. The
    // waiter comes first so it outlives the printer, whose thread is joined when it goes.
    std::unique_ptr<platform::EventWaiter> waiter;
    std::unique_ptr<PrintQueue> printer;
    std::unique_ptr<KioskAdmin> admin;
};

/// The voice on `audio_device` (Settings::audio_device); a silent one, with the reason in the
/// log, when there is no engine or no sound. Without `sound`, the engine only (its voices known,
/// nothing played).
std::unique_ptr<Speech> open_speech(const std::string& audio_device, bool sound = true);

/// Opens the display the options ask for (offscreen for screenshots, scripts and --headless), and
/// the voice on the configured sound output (SDL's dummy driver when offscreen).
std::unique_ptr<Session> open_session(Setup& setup, std::string& error);

/// The interactive loop, with the updater and the preview's rebuilds handed over between frames
/// and systemd's watchdog fed, until the window closes, --exit-after or the admin's restart;
/// true when a restart was asked.
bool run_kiosk(Setup& setup, Session& session);

}  // namespace kiosk
