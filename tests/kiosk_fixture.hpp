#pragma once
// A kiosk on SDL's offscreen display, driven as a visitor would: touch events through SDL's
// queue, real frames, pixels read back.
#include <SDL.h>
#include <doctest/doctest.h>

#include <memory>
#include <optional>

#include "kiosk/app/app.hpp"
#include "kiosk/config/settings.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"

namespace test {

namespace fs = std::filesystem;
using kiosk::Route;

constexpr int kWidth = 1920, kHeight = 1080;
inline const char* const kFonts = "/usr/share/fonts";

struct Rgb {
    int r, g, b;
    bool operator==(const Rgb&) const = default;
};
constexpr Rgb kHeaderBlue{11, 61, 117}, kSelectedYellow{255, 212, 0}, kNotice{255, 241, 194};

// A kiosk on the offscreen display, with helpers to touch controls and read pixels. Its clock
// moves only when a test moves it, so animations and timeouts are exact and fast.
struct Kiosk {
    explicit Kiosk(const fs::path& bundle_path, const std::string& lang, Route start, int width = kWidth, int height = kHeight,
                   const kiosk::Settings& settings = {})
        : bundle(std::make_shared<content::Bundle>(bundle_path)), display(open_display(width, height)), app(bundle, lang, std::move(start)),
          runner(*display, app, kFonts, settings, &clock) {
        runner.settle();
    }
    static std::unique_ptr<platform::Display> open_display(int width, int height) {
        std::string error;
        platform::DisplayOptions o{platform::DisplayOptions::Mode::Offscreen, width, height, "test"};
        auto d = platform::Display::open(o, error);
        REQUIRE_MESSAGE(d, error);
        return d;
    }
    // A finger at a point of the UI (turned onto the panel as the panel is mounted); `id` tells
    // the fingers of a pinch apart.
    void finger(Uint32 type, ImVec2 at, SDL_FingerID id = 0) {
        const ImVec2 panel = runner.panel_size();
        finger_on_panel(type, runner.rotation().to_panel(at, panel), id);
    }
    void finger_on_panel(Uint32 type, ImVec2 at, SDL_FingerID id = 0) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.fingerId = id;
        const ImVec2 panel = runner.panel_size();
        e.tfinger.x = at.x / panel.x;
        e.tfinger.y = at.y / panel.y;
        SDL_PushEvent(&e);
    }
    // Time passes by one frame of a 60 Hz screen, and the kiosk draws what it wants to.
    void step(int ms = 16) {
        clock.advance(std::chrono::milliseconds(ms));
        runner.pump();
        if (runner.wants_frame()) runner.frame();
    }
    // A finger drawn from `from` to `to` in `steps` frames of 16 ms, lifted `rest_ms` after it stopped.
    void drag(ImVec2 from, ImVec2 to, int steps, int rest_ms = 0) {
        finger(SDL_FINGERDOWN, from);
        step();
        for (int i = 1; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            finger(SDL_FINGERMOTION, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
            step();
        }
        if (rest_ms > 0) step(rest_ms);
        finger(SDL_FINGERUP, to);
        step();
    }
    // Press and release before the next frame: the quickest tap a finger makes.
    void tap(const std::string& control) {
        const auto at = runner.hits().center(control);
        REQUIRE_MESSAGE(at, "no control " << control << " on " << app.route().str());
        finger(SDL_FINGERDOWN, *at);
        finger(SDL_FINGERUP, *at);
        runner.settle();
    }
    // Drags the page up, as a visitor scrolls, until `control` is wholly in view (at most 12 drags).
    void scroll_to(const std::string& control) {
        for (int i = 0; i < 12 && (!runner.hits().center(control) || runner.hits().clipped(control)); ++i)
            drag(ImVec2(960, 800), ImVec2(960, 500), 8, 120);
    }
    std::pair<ImVec2, ImVec2> rect(const std::string& control) {
        auto it = runner.hits().all().find(control);
        REQUIRE_MESSAGE(it != runner.hits().all().end(), "no control " << control);
        return it->second;
    }
    /// The laid-out box of the drawn text `text` inside a control: its centre within the control's
    /// width (a block's box is its layout width, centred) and its lines within its height.
    std::optional<std::pair<ImVec2, ImVec2>> text_box_in(const std::string& text, const std::string& control) {
        const auto [min, max] = rect(control);
        const auto& drawn = runner.drawn();
        for (size_t i = 0; i < drawn.blocks.size(); ++i) {
            const auto& [bmin, bmax] = drawn.boxes[i];
            const float centre = (bmin.x + bmax.x) / 2;
            if (drawn.blocks[i] == text && centre > min.x && centre < max.x && bmin.y >= min.y && bmax.y <= max.y) return drawn.boxes[i];
        }
        return std::nullopt;
    }
    void capture() { runner.frame(&pixels, &w, &h); }
    Rgb at(int x, int y) const {
        const size_t i = (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4;
        return {pixels[i], pixels[i + 1], pixels[i + 2]};
    }
    // Pixels darker than the card background inside a box: where text was drawn.
    int dark_pixels(float x0, float y0, float x1, float y1) const {
        int n = 0;
        for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y)
            for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) {
                const Rgb c = at(x, y);
                n += c.r + c.g + c.b < 200;
            }
        return n;
    }
    int count(Rgb color, float x0, float y0, float x1, float y1) const {
        int n = 0;
        for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y)
            for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) n += at(x, y) == color;
        return n;
    }

    std::shared_ptr<content::Bundle> bundle;
    std::unique_ptr<platform::Display> display;
    kiosk::App app;
    platform::ManualClock clock;
    kiosk::Runner runner;
    std::vector<unsigned char> pixels;
    int w = 0, h = 0;
};

inline fs::path demo_bundle() { return KIOSK_DEMO_BUNDLE; }
/// The demo with the mobile unit's example stops of tests/fixtures/example-stops.csv.
inline fs::path example_stops_bundle() { return KIOSK_EXAMPLE_STOPS_BUNDLE; }

}  // namespace test
