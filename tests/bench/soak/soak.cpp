// The soak (issue 20): a long headless run of the whole kiosk with random visitors on every
// screen and a new signed bundle installed every 50,000 frames, checking that it stays well:
// resident memory flat once warmed up (growth under 1 MB), no problem logged, every screen and
// state reached, every update installed. A benchmark, not a test: its figures go in the README.
//
//   build/release/tests/bench/soak_bench [--seed 1] [--frames 1000000] [--update-every 50000]
//        [--warm-up 100000] [--checkpoint-every 100000] [--size 1920x1080] [--sample-every 1000]
//        [--progress-every 50000]
//
// A frame is one turn of the kiosk's loop on a 60 Hz clock the soak moves (16 ms, a second
// during idle gaps): the input of that frame arrives, and the runner draws if it wants to (an
// unchanging screen draws nothing, as on a real kiosk). Every --checkpoint-every frames, and
// near the end, the visitor walks away and the resident set is read once the idle timer has
// reset the kiosk: those readings are what "flat" is judged on. Exit status 0 when all is well.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "content/hours/dates.hpp"
#include "kiosk/admin/kiosk_admin.hpp"
#include "kiosk/admin/pin_gate.hpp"
#include "kiosk/admin/usage_counters.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/print/printer_setup.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"
#include "platform/log.hpp"
#include "platform/memory.hpp"
#include "tests/bench/soak/coverage.hpp"
#include "tests/bench/soak/memory.hpp"
#include "tests/bench/soak/report.hpp"
#include "tests/bench/soak/update_feed.hpp"
#include "tests/bench/soak/visitor.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::uint64_t seed = 1;
    long frames = 1'000'000, update_every = 50'000, warm_up = 100'000, checkpoint_every = 100'000, sample_every = 1'000,
         progress_every = 50'000;
    int width = 1920, height = 1080;
};

// A new bundle is taken this many frames after it was published (ten seconds of the kiosk's
// clock), whenever the machine finished installing it: the walk stays the same from run to run.
// The bundle it replaced must be closed within the next kClosedWithin frames.
constexpr long kTakeAfter = 600, kClosedWithin = 100;
// The last checkpoint is asked for this many frames before the end: time enough to be forgotten.
constexpr long kLastCheckpointBefore = 5'000;
// A checkpoint reads the resident set this many frames (seconds) after the reset.
constexpr long kSettleFrames = 10;
const char* const kPin = "2468";

std::optional<Options> parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return std::nullopt;
        const std::string value = argv[++i];
        long* number = arg == "--frames"             ? &o.frames
                       : arg == "--update-every"     ? &o.update_every
                       : arg == "--warm-up"          ? &o.warm_up
                       : arg == "--checkpoint-every" ? &o.checkpoint_every
                       : arg == "--sample-every"     ? &o.sample_every
                       : arg == "--progress-every"   ? &o.progress_every
                                                     : nullptr;
        if (number) *number = std::stol(value);
        else if (arg == "--seed") o.seed = std::stoull(value);
        else if (arg != "--size" || std::sscanf(value.c_str(), "%dx%d", &o.width, &o.height) != 2) return std::nullopt;
    }
    if (o.frames <= o.warm_up || o.update_every <= 0 || o.warm_up <= 0 || o.checkpoint_every <= 0 || o.sample_every <= 0 || o.progress_every <= 0)
        return std::nullopt;
    return o;
}

// A finger or a key, as SDL delivers it from the panel.
void push(const soak::FrameInput& input, const kiosk::Runner& runner) {
    const ImVec2 panel = runner.panel_size();
    for (const auto& touch : input.touches) {
        const ImVec2 p = runner.rotation().to_panel(touch.at, panel);
        SDL_Event e{};
        e.type = touch.type;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = touch.finger;
        e.tfinger.x = p.x / panel.x;
        e.tfinger.y = p.y / panel.y;
        e.tfinger.pressure = touch.type == SDL_FINGERUP ? 0.f : 1.f;
        SDL_PushEvent(&e);
    }
    if (input.key) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = input.key;
        SDL_PushEvent(&e);
        e.type = SDL_KEYUP;
        SDL_PushEvent(&e);
    }
}

// The kiosk as wiring.cpp makes it, on the offscreen display and the soak's clock: the App and
// its frame loop, usage counters, a printer, the admin panel with the store and the updater.
struct Kiosk {
    Kiosk(soak::UpdateFeed& feed, const kiosk::Settings& s, const Options& o, const platform::Clock& clock, soak::Coverage& coverage)
        : settings(s), display(open_display(o)), factory(std::make_shared<content::Bundle>(feed.factory())), app(factory, "it", kiosk::Route::attract()),
          runner(*display, app, "/usr/share/fonts", settings, &clock), usage(settings.usage_db),
          // The printer's thread would wake the loop when a ticket is out; the soak waits for it
          // and says so itself, at the same frame every run.
          printer(kiosk::make_print_queue(settings, [] {})),
          admin(settings.admin_pin_hash, app, {&feed.store(), &feed.service(), &usage, settings.usage_db, {}}) {
        app.set_listener([this, &clock, &coverage](const std::string& event, const std::string& item) {
            coverage.event(event);
            if (event == "visit_ended") usage.flush();
            else usage.count(kiosk::UsageCounters::day_of(clock.wall()), event, item);
        });
        app.set_printer(printer.get());
        app.set_admin(&admin);
    }
    static std::unique_ptr<platform::Display> open_display(const Options& o) {
        std::string error;
        auto d = platform::Display::open({platform::DisplayOptions::Mode::Offscreen, o.width, o.height, "soak"}, error);
        if (!d) throw std::runtime_error(error);
        return d;
    }
    /// Waits for a ticket being printed and wakes the loop, as the printer's thread would.
    void finish_printing() {
        if (printer->state() != kiosk::TicketPrinter::State::Printing) return;
        printer->wait_idle();
        SDL_Event e{};
        e.type = SDL_USEREVENT;
        SDL_PushEvent(&e);
    }

    kiosk::Settings settings;
    std::unique_ptr<platform::Display> display;
    std::shared_ptr<const content::Bundle> factory;
    kiosk::App app;
    kiosk::Runner runner;
    kiosk::UsageCounters usage;
    std::unique_ptr<kiosk::PrintQueue> printer;
    kiosk::KioskAdmin admin;
};

kiosk::Settings soak_settings(const fs::path& work) {
    kiosk::Settings s;
    s.position = std::make_pair(45.0703, 7.6869);  // at the Servizio Stranieri
    s.location = "Soak";
    s.printer = "/dev/null";  // a printer that takes every ticket at once
    s.usage_db = (work / "usage.db").string();
    std::string error;
    s.admin_pin_hash = kiosk::PinGate::hash(kPin, error).value();
    return s;
}

bool soak_run(const Options& o, const fs::path& work) {
    // The kiosk's own clock: a Tuesday morning in Torino, during the example stops' months.
    platform::ManualClock clock(std::chrono::sys_days(std::chrono::year(2026) / std::chrono::December / 1) + std::chrono::hours(7));
    const std::string today = content::today_iso(clock.wall());
    soak::UpdateFeed feed(work, fs::path(KIOSK_SOURCE_DIR) / "content/torino", fs::path(KIOSK_SOURCE_DIR) / "tests/fixtures/example-stops.csv",
                          "/usr/share/fonts", today, 1 + o.frames / o.update_every);
    soak::Coverage coverage;
    Kiosk k(feed, soak_settings(work), o, clock, coverage);
    std::weak_ptr<const content::Bundle> showing = k.factory, replaced;  // the bundle on screen, and the one before it
    k.factory.reset();
    soak::Random random(o.seed);
    soak::Visitor visitor(random, kPin);

    soak::Figures f;
    f.seed = o.seed;
    f.frames = o.frames;
    f.warm_up = o.warm_up;
    f.width = o.width;
    f.height = o.height;
    f.lowest_after_warm_up = INT64_MAX;
    for (const auto& w : k.runner.warnings()) f.troubles.push_back("font warning: " + w);
    long take_at = -1, reset_seen_at = -kSettleFrames - 1;
    long long version = k.app.bundle().meta().version;
    bool check_fonts = false;
    long checkpoint_visitor = -1;  // a checkpoint is waiting for this visitor to be forgotten (-1: none)
    std::printf("soak: seed %llu, %ld frames at %dx%d, an update every %ld frames, warm-up %ld frames, a checkpoint every %ld frames\n",
                static_cast<unsigned long long>(o.seed), o.frames, o.width, o.height, o.update_every, o.warm_up, o.checkpoint_every);
    std::fflush(stdout);
    const auto started = Clock::now();
    const auto kiosk_started = clock.now();
    for (long frame = 1; frame <= o.frames; ++frame) {
        if (frame % o.update_every == 0 && frame + kTakeAfter + kClosedWithin < o.frames) {
            feed.publish(++version);
            ++f.published;
            take_at = frame + kTakeAfter;
        }
        if ((frame % o.checkpoint_every == 0 && frame < o.frames - kLastCheckpointBefore) || frame == o.frames - kLastCheckpointBefore) {
            visitor.leave();
            checkpoint_visitor = k.app.visitor();
        }
        const soak::FrameInput input = visitor.next(k.runner, k.app);
        clock.advance(input.advance);
        push(input, k.runner);
        k.runner.pump();
        if (k.runner.quit_requested()) {  // SIGINT or SIGTERM, which SDL turns into a quit: report what was done
            f.troubles.push_back("stopped at frame " + std::to_string(frame) + " of " + std::to_string(o.frames));
            f.frames = frame;
            break;
        }
        if (frame == take_at) {  // between two frames, as the kiosk's loop does
            auto next = feed.take(std::chrono::minutes(2));
            if (!next) f.troubles.push_back("frame " + std::to_string(frame) + ": version " + std::to_string(version) + " was not installed");
            else if (next->meta().version != version)
                f.troubles.push_back("frame " + std::to_string(frame) + ": installed version " + std::to_string(next->meta().version) + ", not " +
                                     std::to_string(version));
            else ++f.installed;
            if (next) {
                replaced = std::exchange(showing, next);
                k.app.replace_bundle(std::move(next));
                check_fonts = true;
            }
        }
        // The old bundle closes once nothing drawn from it is left: its screens, its fonts.
        if (frame == take_at + kClosedWithin && !replaced.expired())
            f.troubles.push_back("frame " + std::to_string(frame) + ": the bundle replaced at frame " + std::to_string(take_at) + " is still open");
        const bool drew = k.runner.wants_frame();
        double cpu_ms = 0;
        if (drew) {
            const double before = soak::thread_cpu_ms();
            k.runner.frame();
            cpu_ms = soak::thread_cpu_ms() - before;
            ++f.drawn;
            if (std::exchange(check_fonts, false))  // the new bundle's fonts, loaded for this frame
                for (const auto& w : k.runner.warnings()) f.troubles.push_back("frame " + std::to_string(frame) + ": font warning: " + w);
        }
        k.finish_printing();
        coverage.observe(k.runner, k.app, drew, cpu_ms);

        if (checkpoint_visitor >= 0 && k.app.visitor() != checkpoint_visitor) {  // forgotten: the attract screen
            checkpoint_visitor = -1;
            reset_seen_at = frame;
        }
        const bool checkpoint = frame == reset_seen_at + kSettleFrames;
        if (checkpoint || frame % o.sample_every == 0 || frame == o.frames) {
            const std::int64_t rss = platform::resident_bytes();
            f.highest = std::max(f.highest, rss);
            if (frame >= o.warm_up) {
                f.lowest_after_warm_up = std::min(f.lowest_after_warm_up, rss);
                f.highest_after_warm_up = std::max(f.highest_after_warm_up, rss);
            }
            if (checkpoint) f.checkpoints.push_back({frame, rss, soak::allocated_bytes()});
            if (frame == o.frames) f.at_end = rss;
        }
        if (frame % o.progress_every == 0) {
            const double s = std::chrono::duration<double>(Clock::now() - started).count();
            std::printf("soak: frame %ld, %.0f s, %.0f frames/s, %ld drawn, resident %.1f MB, v%lld, %s (%s), problems %ld\n", frame, s,
                        static_cast<double>(frame) / s, f.drawn, static_cast<double>(platform::resident_bytes()) / (1 << 20),
                        k.app.bundle().meta().version, k.app.route().str().c_str(), k.app.lang().c_str(), platform::log::problem_count());
            std::fflush(stdout);
        }
    }
    f.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    f.kiosk_minutes = std::chrono::duration<double, std::ratio<60>>(clock.now() - kiosk_started).count();
    coverage.set_taps(visitor.taps());
    return soak::report(f, coverage, visitor, k.app, k.runner);
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parse(argc, argv);
    if (!options) {
        std::fprintf(stderr, "usage: soak_bench [--seed N] [--frames N] [--update-every N] [--warm-up N (< frames)] [--checkpoint-every N] "
                             "[--size WxH] [--sample-every N] [--progress-every N]\n");
        return 2;
    }
    const fs::path work = fs::temp_directory_path() / ("kiosk-soak-" + std::to_string(getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    bool passed = false;
    try {
        passed = soak_run(*options, work);
    } catch (const std::exception& e) {
        std::printf("soak: FAIL: %s\n", e.what());
    }
    std::fflush(stdout);
    fs::remove_all(work);
    return passed ? 0 : 1;
}
