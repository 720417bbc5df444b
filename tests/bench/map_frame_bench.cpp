// What a frame of the map costs while a finger pans it (target: ≤ 8 ms of CPU at 1080p on the
// software renderer), with 2,000 places and a basemap of 50,000 vertices built through the real
// build path (map_synthetic.hpp). The whole frame is measured, as the kiosk draws it: the Runner
// handles the finger's move, lays out and draws the map, and SDL's software renderer fills the
// pixels. Reference in the same run: a frame of the home screen under the same finger.
// Run: build/release/tests/bench/map_frame_bench [--benchmark_filter=...]
#include <SDL.h>
#include <benchmark/benchmark.h>

#include <filesystem>

#include <unistd.h>

#include "content/build/writer.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/screens/map_screen.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"
#include "tests/map_synthetic.hpp"

namespace {

namespace fs = std::filesystem;
constexpr int kPlaces = 2000, kVertices = 50000;

// The synthetic map with 2,000 places (add_synthetic_places).
struct Fixture {
    fs::path path = fs::temp_directory_path() / ("map-frame-bench-" + std::to_string(getpid()) + ".kbundle");
    Fixture() {
        content::Content c = content::synthetic_map_content(kVertices);
        content::add_synthetic_places(c, kPlaces);
        content::write_bundle(c, path);
    }
    ~Fixture() { fs::remove(path); }
};

const fs::path& bundle_path() {
    static Fixture fixture;
    return fixture.path;
}

// The kiosk on the offscreen display with SDL's software renderer, its clock moved by hand.
struct Kiosk {
    explicit Kiosk(kiosk::Route start)
        : display(open()), app(std::make_shared<content::Bundle>(bundle_path()), "en", std::move(start)),
          runner(*display, app, "/usr/share/fonts", {}, &clock) {
        runner.settle();
    }
    static std::unique_ptr<platform::Display> open() {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        std::string error;
        auto d = platform::Display::open({platform::DisplayOptions::Mode::Offscreen, 1920, 1080, "bench"}, error);
        if (!d) throw std::runtime_error(error);
        return d;
    }
    void finger(Uint32 type, float x, float y) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.x = x / 1920;
        e.tfinger.y = y / 1080;
        SDL_PushEvent(&e);
    }
    // One frame of a finger that keeps moving: 6 px a frame, back and forth, never lifted.
    void pan_frame(int i) {
        clock.advance(std::chrono::milliseconds(16));
        const float phase = static_cast<float>(i % 100);
        finger(SDL_FINGERMOTION, 760 + 6 * (phase < 50 ? phase : 100 - phase), 520);
        runner.pump();
        runner.frame();
        build += runner.last_frame_cost().build;
        raster += runner.last_frame_cost().raster;
    }
    // The split of the measured frames' CPU, in ms per frame.
    void report(benchmark::State& state) const {
        const auto ms = [&](std::chrono::nanoseconds t) { return std::chrono::duration<double, std::milli>(t).count() / static_cast<double>(state.iterations()); };
        state.counters["build_ms"] = ms(build);
        state.counters["raster_ms"] = ms(raster);
    }
    void press() {
        finger(SDL_FINGERDOWN, 700, 520);
        clock.advance(std::chrono::milliseconds(16));
        runner.pump();
        runner.frame();
        for (int i = 0; i < 5; ++i) pan_frame(i);  // past the drag threshold: a pan
        build = raster = {};
    }

    platform::ManualClock clock;
    std::chrono::nanoseconds build{0}, raster{0};
    std::unique_ptr<platform::Display> display;
    kiosk::App app;
    kiosk::Runner runner;
};

// arg 0: zoomed out as far as the map goes, every place and vertex on screen (the worst case);
// arg 1: the map as it opens, every place in view; arg 2: zoomed in twice from there.
void BM_MapPanFrame(benchmark::State& state) {
    Kiosk k(kiosk::Route::map());
    auto& map = dynamic_cast<kiosk::MapScreen&>(k.runner.screen());
    const auto zoom = [&](const char* button, int times) {
        for (int i = 0; i < times; ++i) {
            const auto at = *k.runner.hits().center(button);
            k.finger(SDL_FINGERDOWN, at.x, at.y);
            k.finger(SDL_FINGERUP, at.x, at.y);
            k.runner.settle();
        }
    };
    if (state.range(0) == 0) zoom("map:zoom_out", 8);
    if (state.range(0) == 2) zoom("map:zoom_in", 2);
    k.press();
    int i = 0;
    for (auto _ : state) k.pan_frame(i++);
    k.report(state);
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(k.display->renderer(), &info);
    state.SetLabel(std::string(info.name) + ", " + std::to_string(static_cast<int>(map.camera().visible().max_x - map.camera().visible().min_x) / 1000) +
                   " km across");
}

// After the camera has settled (a turn of the mouse wheel, in and out), the picture of the map
// is drawn again — every place and basemap vertex in view rasterized once — over as many frames
// as MapRaster spreads it across on the software renderer. An iteration is all of them; the
// counters give their number and the dearest frame (arg as for BM_MapPanFrame).
void BM_MapSettleFrame(benchmark::State& state) {
    Kiosk k(kiosk::Route::map());
    if (state.range(0) == 2)
        for (int i = 0; i < 2; ++i) {
            const auto at = *k.runner.hits().center("map:zoom_in");
            k.finger(SDL_FINGERDOWN, at.x, at.y);
            k.finger(SDL_FINGERUP, at.x, at.y);
            k.runner.settle();
        }
    SDL_Event move{};
    move.type = SDL_MOUSEMOTION;
    move.motion.x = 960, move.motion.y = 540;  // the wheel zooms the map under the mouse
    SDL_PushEvent(&move);
    k.runner.settle();
    const auto& raster = dynamic_cast<kiosk::MapScreen&>(k.runner.screen()).raster();
    int i = 0;
    long frames = 0;
    std::chrono::nanoseconds worst{0};
    for (auto _ : state) {
        state.PauseTiming();
        k.clock.advance(std::chrono::milliseconds(16));
        SDL_Event e{};
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = (i++ % 2) ? -1 : 1;  // in first: the map opens zoomed out as far as it goes
        SDL_PushEvent(&e);
        k.runner.pump();
        state.ResumeTiming();
        for (int before = raster.renders(), n = 0; raster.renders() == before && n < 1000; ++n) {
            k.runner.frame();
            ++frames;
            const auto cost = k.runner.last_frame_cost();
            k.build += cost.build;
            k.raster += cost.raster;
            worst = std::max(worst, cost.build + cost.raster);
            k.clock.advance(std::chrono::milliseconds(16));
        }
    }
    k.report(state);
    state.counters["frames"] = static_cast<double>(frames) / static_cast<double>(state.iterations());
    state.counters["worst_frame_ms"] = std::chrono::duration<double, std::milli>(worst).count();
}

// The reference: the home screen under the same moving finger — the least any 1080p frame costs.
void BM_HomeFrame(benchmark::State& state) {
    Kiosk k(kiosk::Route::home());
    k.press();
    int i = 0;
    for (auto _ : state) k.pan_frame(i++);
    k.report(state);
}

}  // namespace

BENCHMARK(BM_MapPanFrame)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MapSettleFrame)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HomeFrame)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
