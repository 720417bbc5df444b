#pragma once
// The frame loop. Frames are drawn only when something changed: input, a new screen, a worker's
// news. With nothing to do the loop sleeps in EventWaiter, so an unchanging screen costs no
// frames and almost no CPU. The same loop runs headless for screenshots, scripts and tests.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/settings.hpp"
#include "kiosk/input/corner_gesture.hpp"
#include "kiosk/input/pointer.hpp"
#include "kiosk/input/rotation.hpp"
#include "kiosk/shell/chrome.hpp"
#include "kiosk/shell/idle_timer.hpp"
#include "kiosk/shell/narrator.hpp"
#include "kiosk/shell/screen_stack.hpp"
#include "kiosk/shell/sleep_policy.hpp"
#include "kiosk/ui/glyph_texture.hpp"
#include "kiosk/ui/ui.hpp"
#include "platform/clock.hpp"

namespace content {
class Bundle;
}
namespace platform {
class Display;
class EventWaiter;
}  // namespace platform

namespace kiosk {

class App;
struct Theme;

class Runner {
public:
    /// Without a `clock`, the system's. The clock must outlive the runner.
    Runner(platform::Display& display, App& app, const std::filesystem::path& font_dir, const Settings& settings = {},
           const platform::Clock* clock = nullptr);
    ~Runner();
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    /// Shows `next` once its fonts and theme are built, which happens on a worker thread: until
    /// then every frame draws the bundle on screen, so an update never blanks it, and `ready`
    /// (called on the worker) wakes the loop for the frame that swaps both in.
    void replace_bundle(std::shared_ptr<const content::Bundle> next, std::function<void()> ready = {});
    /// A new bundle's theme is being built.
    bool replacing() const { return pending_ != nullptr; }

    /// Font and glyph problems found at start-up, for the log.
    const std::vector<std::string>& warnings() const { return warnings_; }

    void handle(const SDL_Event& event);
    /// Handles every queued event.
    void pump();
    /// Draws one frame; with `capture`, also returns its pixels (RGBA).
    void frame(std::vector<unsigned char>* capture = nullptr, int* width = nullptr, int* height = nullptr);
    /// Handles events and draws until nothing more is wanted (bounded).
    void settle();
    /// Writes the current screen as a PNG; false with `error` on failure.
    bool screenshot(const std::filesystem::path& path, std::string& error);
    /// The interactive loop; returns when the window closes or after `exit_after`.
    /// `between_frames` runs on every wake-up, where no frame is half drawn: the place to hand
    /// the App news from workers (a new bundle) and to tell a watchdog the loop is alive, for
    /// which the loop wakes at least every `wake_every` even on an unchanging screen.
    void run(platform::EventWaiter& waiter, std::optional<std::chrono::milliseconds> exit_after,
             const std::function<void()>& between_frames = {}, std::optional<std::chrono::milliseconds> wake_every = {});

    long frames() const { return frames_; }
    /// When the first frame was handed to the display (steady clock: CLOCK_MONOTONIC, the same
    /// in every process, so a benchmark can time the start from outside).
    std::optional<std::chrono::steady_clock::time_point> first_presented() const { return first_presented_; }
    /// What the last frame cost this thread's CPU: building it (input, layout, draw lists) and
    /// rasterizing it (SDL's renderer: all of it on the software renderer, little on a GPU).
    struct FrameCost {
        std::chrono::nanoseconds build{0}, raster{0};
    };
    const FrameCost& last_frame_cost() const { return last_cost_; }
    /// Something changed or moves: the next loop turn draws a frame.
    bool wants_frame() const;
    const fonts::GlyphAtlas& glyph_atlas() const;
    const HitMap& hits() const { return hits_; }
    /// The texts the last frame drew, in drawing order.
    const std::vector<std::string>& drawn_text() const { return drawn_text_.blocks; }
    /// The texts with where they were drawn and what of that is in view.
    const DrawnText& drawn() const { return drawn_text_; }
    /// Those texts as one string, a line each, for tests that look for words on the screen.
    std::string screen_text() const;
    bool quit_requested() const { return quit_; }
    /// The UI's size: the panel's, turned by the configured rotation.
    ImVec2 display_size() const;
    /// The panel's size in pixels, as SDL sees it.
    ImVec2 panel_size() const;
    const Rotation& rotation() const { return rotation_; }
    const Chrome& chrome() const { return chrome_; }
    /// The screen the visitor is on.
    View& screen() { return screens_.current(); }
    /// The "Still there?" countdown is on screen.
    bool counting_down() const { return counting_down_; }
    /// Outside the kiosk's hours with nobody there, the screen is dark until touched.
    bool sleeping() const { return sleep_.sleeping(); }
    const platform::Clock& clock() const { return *clock_; }
    /// The voice: silent (keeping only its log) until one is given; it must outlive the runner.
    Speech& speech() { return narrator_.speech(); }
    void set_speech(Speech& speech) {
        narrator_.set_speech(speech);
        wanted_ = std::max(wanted_, 2);  // the header offers Listen from the next frame
    }
    /// Speech mode's focus ring and what it speaks.
    const Narrator& narrator() const { return narrator_; }
    /// What the current screen says from the top (Listen, kiosk --speak-to), as last drawn.
    std::vector<Utterance> page_speech();

private:
    /// The screen's title as the header shows it.
    content::Localized title();
    /// Builds fonts and style for the current screen size (at start and after a resize).
    void apply_theme();
    /// What a theme is built for: the screen's size, the GPU's atlas limit, the atlas's first size.
    struct ThemeFit {
        ImVec2 size;
        int max_atlas, first_atlas;
        float pixels_per_mm;
    };
    ThemeFit theme_fit(int first_atlas) const;
    /// A theme built to `fit` (needing no ImGui or SDL: any thread may build one).
    std::unique_ptr<Theme> make_theme(const content::Bundle& bundle, const ThemeFit& fit, std::vector<std::string>& warnings) const;
    /// Draws with `theme` from this frame on.
    void install_theme(std::unique_ptr<Theme> theme, std::vector<std::string> warnings);
    /// Between frames: the bundle replace_bundle() was given, with its theme, once that is built.
    void take_ready_bundle();
    bool bundle_ready() const;
    /// ImGui's own colours and sizes from the theme (after a new theme or look).
    void apply_style();
    /// How long the loop may sleep before a frame is due (an animation, a long press).
    std::chrono::milliseconds until_due(std::chrono::milliseconds limit) const;
    /// Forgets a visitor who left; the seconds left when the countdown is on.
    std::optional<float> visitor_idle(FrameTime& time);
    /// The hidden corner gesture opens the admin panel.
    void watch_corners(FrameTime& time);
    /// Draws the UI, turned onto the panel when the panel is mounted turned.
    void render(ImU32 clear);

    platform::Display& display_;
    App& app_;
    Settings settings_;
    Rotation rotation_;
    const platform::Clock* clock_;
    SDL_Texture* turned_ = nullptr;  // the UI drawn upright, before it is turned onto the panel
    std::optional<SDL_FingerID> finger_;  // the finger the pointer follows
    std::optional<SDL_FingerID> second_;  // a second finger, which pinches; any more are ignored
    std::optional<platform::Clock::time_point> due_;  // a frame wanted then, not before
    IdleTimer idle_;
    SleepPolicy sleep_;  // outside its hours with nobody there: the screen is dark
    CornerGesture corners_;
    bool counting_down_ = false;
    // Speech mode: when and where a finger last lifted, for a double tap.
    std::optional<std::pair<platform::Clock::time_point, ImVec2>> last_lift_;
    bool pressed_ = false;  // ImGui saw the pointer down last frame
    ImGuiContext* context_ = nullptr;  // each runner has its own, so tests can run two kiosks
    std::unique_ptr<Theme> theme_;
    struct PendingBundle;  // a bundle whose theme a worker builds
    std::unique_ptr<PendingBundle> pending_;
    std::unique_ptr<GlyphTexture> glyph_texture_;
    ImVec2 themed_size_{0, 0};  // the screen size and bundle the theme was built for
    int themed_generation_ = 0;
    std::filesystem::path font_dir_;
    std::vector<std::string> warnings_;
    ScreenStack screens_;
    long visitor_freed_;  // the visitor whose predecessor's memory went back to the system
    Chrome chrome_;
    HitMap hits_;
    DrawnText drawn_text_;
    Pointer pointer_;
    std::unique_ptr<Speech> silent_speech_;  // before set_speech: the log only
    Narrator narrator_;
    int wanted_ = 3;  // frames still to draw before the screen is settled
    long frames_ = 0;
    std::optional<std::chrono::steady_clock::time_point> first_presented_;
    FrameCost last_cost_;
    long drawn_changes_ = -1;  // app_.changes() when the last frame was drawn
    bool quit_ = false;
    platform::Clock::time_point last_frame_{};
};

}  // namespace kiosk
