// Instructions per frame kind, counted by callgrind: repeatable on a noisy machine where times
// are not. Each kind runs on a fixed script (fixed clock, fixed input) and only its frames are
// counted: collection is switched on around them and dumped under the kind's name, with the
// number of frames after a slash ("home/10"). tests/frame_budget.sh runs this under
// `valgrind --tool=callgrind --collect-atstart=no` and holds the counts to tests/frame_budget.txt.
//   frame_instructions --fixture MAP.kbundle        writes the 2,000-place map bundle (natively: fast)
//   frame_instructions DEMO.kbundle MAP.kbundle     runs the kinds (under callgrind)
#include <SDL.h>
#include <valgrind/callgrind.h>

#include <chrono>
#include <iostream>
#include <string>

#include "content/build/writer.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/screens/map_screen.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"
#include "tests/map_synthetic.hpp"

namespace {

using namespace std::chrono;

// The map of map_frame_bench: 2,000 places of every kind, a third approximate, on 50,000 vertices.
void write_map_fixture(const std::string& path) {
    content::Content c = content::synthetic_map_content(50000);
    content::add_synthetic_places(c, 2000);
    content::write_bundle(c, path);
}

// Counts what runs inside `work` as the kind `name`; `work` returns how many frames it drew.
template <class Work>
void count(const std::string& name, Work&& work) {
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    const int frames = work();
    CALLGRIND_TOGGLE_COLLECT;
    const std::string dump = name + "/" + std::to_string(frames);  // lives through the request
    CALLGRIND_DUMP_STATS_AT(dump.c_str());
}

std::unique_ptr<platform::Display> open_display() {
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    std::string error;
    auto d = platform::Display::open({platform::DisplayOptions::Mode::Offscreen, 1920, 1080, "frame budget"}, error);
    if (!d) throw std::runtime_error(error);
    return d;
}

// A Wednesday morning in Torino, so what is open now is the same on every run.
platform::ManualClock fixed_clock() { return platform::ManualClock(sys_days(2026y / 12 / 9) + 9h); }

struct Kiosk {
    Kiosk(const std::string& bundle, const std::string& lang, kiosk::Route start)
        : display(open_display()), app(std::make_shared<content::Bundle>(bundle), lang, std::move(start)),
          runner(*display, app, "/usr/share/fonts", {}, &clock) {}
    void finger(Uint32 type, float x, float y) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.x = x / 1920;
        e.tfinger.y = y / 1080;
        SDL_PushEvent(&e);
    }
    void step(Uint32 type, float x, float y) {
        clock.advance(milliseconds(16));
        finger(type, x, y);
        runner.pump();
        runner.frame();
    }
    // A finger pressed and moved past the drag threshold: the next moves pan (or scroll).
    void press() {
        step(SDL_FINGERDOWN, 700, 520);
        for (int i = 1; i <= 5; ++i) step(SDL_FINGERMOTION, 700.0f + 6.0f * static_cast<float>(i), 520);
    }
    int moves(int n) {
        for (int i = 0; i < n; ++i) step(SDL_FINGERMOTION, 736.0f + 6.0f * static_cast<float>(i % 20), 520);
        return n;
    }
    void step_frame() {
        clock.advance(milliseconds(16));
        runner.pump();
        runner.frame();
    }
    void wheel(int y) {
        clock.advance(milliseconds(16));
        SDL_Event e{};
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = y;
        SDL_PushEvent(&e);
        runner.pump();
        runner.frame();
    }

    platform::ManualClock clock = fixed_clock();
    std::unique_ptr<platform::Display> display;
    kiosk::App app;
    kiosk::Runner runner;
};

void run(const std::string& demo, const std::string& map) {
    std::unique_ptr<Kiosk> k;
    // Start-up: the display, the bundle opened, fonts and theme, the first frame of the home screen.
    count("start-up", [&] {
        k = std::make_unique<Kiosk>(demo, "en", kiosk::Route::home());
        k->runner.frame();
        return 1;
    });
    k->runner.settle();
    k->press();
    count("home", [&] { return k->moves(10); });  // a finger moving over the home screen
    k->step(SDL_FINGERUP, 760, 520);
    k->runner.settle();
    // A guide opened in Arabic: read, shaped, laid out and drawn, every new glyph rasterised.
    k->app.set_language("ar");
    k->runner.settle();
    k->app.open(kiosk::Route::guide("food-help"));
    count("guide", [&] {
        k->runner.frame();
        return 1;
    });
    k->runner.settle();
    k->app.open(kiosk::Route::search());
    k->runner.settle();
    k->app.set_language("it");
    k->runner.settle();
    const std::u32string word = fonts::decode_utf8("permesso");
    count("search-keystroke", [&] {
        for (size_t n = 1; n <= word.size(); ++n) {
            k->app.set_search_text(fonts::encode_utf8(word.substr(0, n)));
            k->runner.frame();
        }
        return static_cast<int>(word.size());
    });
    k.reset();

    k = std::make_unique<Kiosk>(map, "en", kiosk::Route::map());
    k->runner.settle();
    k->press();
    count("map-pan", [&] { return k->moves(10); });
    k->step(SDL_FINGERUP, 760, 520);
    k->runner.settle();
    SDL_Event move{};
    move.type = SDL_MOUSEMOTION;
    move.motion.x = 960, move.motion.y = 540;  // the wheel zooms the map under the mouse
    SDL_PushEvent(&move);
    k->runner.settle();
    // The picture drawn again after the camera moved (a turn of the wheel), all the frames it takes.
    const auto& raster = dynamic_cast<kiosk::MapScreen&>(k->runner.screen()).raster();
    count("map-settle", [&] {
        const int before = raster.renders();
        k->wheel(1);
        int frames = 1;
        for (; raster.renders() == before && frames < 100; ++frames) k->step_frame();
        return frames;
    });
}

}  // namespace

int main(int argc, char** argv) {
    const std::string usage = "usage: frame_instructions --fixture MAP.kbundle | frame_instructions DEMO.kbundle MAP.kbundle\n";
    if (argc != 3) {
        std::cerr << usage;
        return 2;
    }
    try {
        if (std::string(argv[1]) == "--fixture") write_map_fixture(argv[2]);
        else run(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "frame_instructions: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
