// Speech's figures (issue 22): key press to the first sound handed to the sound device (target
// ≤ 150 ms), Listen to the first sound of the page, and the memory speech adds (target ≤ 10 MB).
// The real frame loop, espeak-ng and SDL's audio on the dummy driver (sound at its real pace,
// into nothing). Times are medians and 90th percentiles over many presses, as this machine is
// shared; memory is the process's resident set before and after, in one run.
// Run: build/release/tests/bench/speech_bench
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/app.hpp"
#include "kiosk/shell/runner.hpp"
#include "kiosk/speech/speech.hpp"
#include "platform/display.hpp"

namespace {

using Clock = std::chrono::steady_clock;

long resident_kb(const char* field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with(field)) return std::stol(line.substr(line.find(':') + 1));
    return -1;
}

void push_key(SDL_Keycode code) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    SDL_PushEvent(&e);
}

// Milliseconds from `from` until `speech` hands the first sound of what the input pushed before
// asks for, the loop running meanwhile (its first turn takes the input, and what it says
// replaces what was being said).
double until_sound(kiosk::Runner& runner, kiosk::Speech& speech, Clock::time_point from) {
    for (int i = 0; i < 5000; ++i) {
        runner.pump();
        if (runner.wants_frame()) runner.frame();
        if (i > 0 && speech.first_sound()) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    const auto at = speech.first_sound();
    return at ? std::chrono::duration<double, std::milli>(*at - from).count() : -1;
}

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s median %6.1f ms, 90th percentile %6.1f ms, worst %6.1f ms (%zu runs)\n", what, ms[ms.size() / 2],
                ms[ms.size() * 9 / 10], ms.back(), ms.size());
}

}  // namespace

int main() {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    std::string error;
    auto display = platform::Display::open({platform::DisplayOptions::Mode::Offscreen, 1920, 1080, "bench"}, error);
    if (!display) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    auto bundle = std::make_shared<content::Bundle>(KIOSK_DEMO_BUNDLE);
    kiosk::App app(bundle, "en", kiosk::Route::guide("ukraine-call-center"));
    kiosk::Runner runner(*display, app, "/usr/share/fonts");
    runner.settle();
    const long before_kb = resident_kb("VmRSS"), before_peak_kb = resident_kb("VmHWM");

    auto synth = platform::SpeechSynth::open(error);
    if (!synth) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    auto output = platform::AudioOutput::open("", synth->sample_rate(), error);
    if (!output) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
    kiosk::Speech speech(std::move(synth), std::move(output));
    runner.set_speech(speech);
    runner.settle();

    // Listen: the page from its title.
    std::vector<double> listen;
    for (int i = 0; i < 15; ++i) {
        speech.stop();
        runner.settle();
        const auto at = runner.hits().center("speech:listen");
        if (!at) return std::fprintf(stderr, "no Listen button\n"), 1;
        SDL_Event e{};
        e.type = SDL_FINGERDOWN;
        e.tfinger.x = at->x / 1920;
        e.tfinger.y = at->y / 1080;
        SDL_PushEvent(&e);
        e.type = SDL_FINGERUP;
        SDL_PushEvent(&e);
        listen.push_back(until_sound(runner, speech, Clock::now()));
        runner.settle();
    }
    const long spoken_kb = resident_kb("VmRSS");

    // Keys: speech mode, then Down through the page's items, each spoken as the focus reaches it.
    push_key(SDLK_DOWN);
    runner.settle();
    std::vector<double> keys;
    for (int i = 0; i < 40; ++i) {
        push_key(i % 8 == 7 ? SDLK_UP : SDLK_DOWN);
        keys.push_back(until_sound(runner, speech, Clock::now()));
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    speech.stop();
    report("key press to first sound", keys);
    report("Listen to the page's first sound", listen);
    std::printf("resident memory: %ld MB without speech, %ld MB after speaking the page (+%.1f MB); peak %ld -> %ld MB\n",
                before_kb / 1024, spoken_kb / 1024, static_cast<double>(spoken_kb - before_kb) / 1024, before_peak_kb / 1024,
                resident_kb("VmHWM") / 1024);
    return 0;
}
