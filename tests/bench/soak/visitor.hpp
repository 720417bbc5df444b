#pragma once
// A stream of visitors doing random things with the kiosk, one frame of input at a time:
// taps on the controls the last frame drew (the hit map the UI tests use, so the walk reaches
// every screen), taps anywhere, slow taps, scrolls and flings, pans and pinches on the map,
// keys of a plugged-in keyboard, Back, language switches, the admin corners and PIN, and idle
// gaps long enough for "Still there?" and for the reset. All of it from one seeded Random.
#include <SDL.h>
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tests/bench/soak/random.hpp"

namespace kiosk {
class App;
class Runner;
}  // namespace kiosk

namespace soak {

/// One finger's event, in the UI's coordinates.
struct Touch {
    Uint32 type;  // SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_FINGERUP
    ImVec2 at;
    SDL_FingerID finger = 1;
};

/// What happens during one frame: how far the kiosk's clock moves, and the input that arrives.
struct FrameInput {
    std::chrono::milliseconds advance{16};  // a frame of a 60 Hz screen; idle gaps take longer steps
    std::vector<Touch> touches;
    SDL_Keycode key = 0;  // a key of a physical keyboard, pressed and released
};

class Visitor {
public:
    /// `pin` is the admin PIN the technician types (sometimes wrong).
    Visitor(Random& random, std::string pin) : random_(random), pin_(std::move(pin)) {}

    /// The next frame's input: the gesture under way, or something new chosen from what the last
    /// frame drew.
    FrameInput next(kiosk::Runner& runner, const kiosk::App& app);

    /// Once the gesture or plan under way is done, the visitor walks away and nobody touches
    /// the kiosk until its idle timer has forgotten them and half a minute more.
    void leave() { leaving_ = true; }

    /// What was done, by kind ("tap", "scroll", "pinch", "idle: reset" ...), and taps by the
    /// kind of control ("lang", "guide", "key", "nav:back" ...), for the report.
    const std::map<std::string, long>& actions() const { return actions_; }
    const std::map<std::string, long>& taps() const { return taps_; }
    /// A digest of every choice and where it was made: two runs with one seed walked the same way
    /// when their digests are equal.
    std::uint64_t digest() const { return digest_; }

private:
    using Step = std::function<void(kiosk::Runner&, const kiosk::App&)>;
    void choose(kiosk::Runner& runner, const kiosk::App& app);
    void admin_visit();
    /// Taps control `id` if the last frame drew it; false when it did not.
    bool tap(const kiosk::Runner& runner, const std::string& id);
    /// Taps one of the controls on screen, chosen by kind first so that the sixteen language
    /// buttons or forty keys do not drown the rest; held `held_frames` frames (0: a quick tap).
    bool tap_some_control(const kiosk::Runner& runner, const kiosk::App& app, int held_frames);
    void press(ImVec2 at, int held_frames, std::chrono::milliseconds each = std::chrono::milliseconds(16));
    void drag(ImVec2 from, ImVec2 to, int steps, int rest_ms);
    void pinch(ImVec2 centre, float from, float to, float angle, int steps);
    /// Seconds without a touch before "Still there?" ends on this screen (the default
    /// idle_timeout; twice as long before a QR code).
    static int patience(kiosk::Runner& runner);
    /// Nobody touches the kiosk for `seconds`, in frames of a second.
    void idle(int seconds);
    /// The pause before the next thing, while the visitor reads.
    void think();
    void note(const std::string& action, const std::string& detail, const kiosk::App& app);

    Random& random_;
    std::string pin_;
    std::deque<FrameInput> frames_;  // input still to come, a frame each
    std::deque<Step> plan_;          // steps still to come, each chosen when its turn comes
    std::map<std::string, long> actions_, taps_;
    std::uint64_t digest_ = 0xcbf29ce484222325ull;
    bool leaving_ = false;
};

}  // namespace soak
