#include "tests/bench/soak/visitor.hpp"

#include <cmath>

#include "kiosk/app/app.hpp"
#include "kiosk/shell/runner.hpp"

namespace soak {

using kiosk::Route;
using std::chrono::milliseconds;

namespace {

// Controls a visitor does not touch here: each ends the kiosk's run (it restarts), which a
// soak of one running kiosk cannot follow.
bool out_of_bounds(const std::string& id) { return id == "admin:restart" || id == "admin:rollback"; }

// The kind of a control, by its id's prefix: "lang:ar" is a "lang". Back is its own kind, the
// way out of every screen.
std::string kind_of(const std::string& id) {
    if (id == "nav:back") return "nav:back";
    return id.substr(0, id.find(':'));
}

// How much more often a visitor touches one kind of control than another.
double weight_of(const std::string& kind, Route::Screen screen) {
    if (kind == "key") return screen == Route::Screen::Search ? 4.0 : 1.0;
    if (kind == "result") return 3.0;
    if (kind == "stop") return 2.0;
    if (kind == "idle") return 4.0;
    if (kind == "nav:back") return 1.2;
    if (kind == "lang") return 0.8;
    if (kind == "filter") return 0.7;
    if (kind == "ticket" || kind == "pin") return 0.5;
    if (kind == "search") return 0.3;
    if (kind == "a11y") return 0.15;
    return 1.0;
}

// Keys of a keyboard a technician might plug in; the kiosk takes no keyboard input, so none
// may change anything.
constexpr SDL_Keycode kKeys[] = {SDLK_a,      SDLK_z,        SDLK_1,     SDLK_RETURN, SDLK_BACKSPACE, SDLK_ESCAPE,
                                 SDLK_TAB,    SDLK_SPACE,    SDLK_LEFT,  SDLK_RIGHT,  SDLK_UP,        SDLK_DOWN,
                                 SDLK_F1,     SDLK_F11,      SDLK_LALT,  SDLK_HOME,   SDLK_PAGEDOWN,  SDLK_DELETE};

std::uint64_t mix(std::uint64_t digest, const std::string& text) {
    for (unsigned char c : text) digest = (digest ^ c) * 0x100000001b3ull;
    return (digest ^ 0xff) * 0x100000001b3ull;
}

}  // namespace

int Visitor::patience(kiosk::Runner& runner) { return (runner.screen().shows_code() ? 2 : 1) * 90; }

FrameInput Visitor::next(kiosk::Runner& runner, const kiosk::App& app) {
    while (frames_.empty()) {
        if (!plan_.empty()) {
            const Step step = std::move(plan_.front());
            plan_.pop_front();
            step(runner, app);
        } else if (leaving_) {
            leaving_ = false;
            idle(patience(runner) + 30);
            note("leave", "", app);
        } else {
            choose(runner, app);
        }
    }
    FrameInput frame = std::move(frames_.front());
    frames_.pop_front();
    return frame;
}

void Visitor::choose(kiosk::Runner& runner, const kiosk::App& app) {
    const Route::Screen screen = app.route().screen;
    const ImVec2 size = runner.display_size();
    const auto anywhere = [&] { return ImVec2(random_.between(0.f, size.x - 1), random_.between(0.f, size.y - 1)); };
    if (runner.counting_down()) {  // "Still there?"
        const double x = random_.unit();
        if (x < 0.5 && tap(runner, "idle:continue")) note("still there: continue", "", app);
        else if (x < 0.8) {
            press(anywhere(), 0);
            note("still there: touch", "", app);
        } else {
            idle(random_.between(1, 12));  // perhaps long enough to be forgotten
            note("still there: wait", "", app);
        }
        think();
        return;
    }
    const int countdown = 10;
    const double x = random_.unit();
    if (x < 0.003) {
        admin_visit();
        note("admin visit", "", app);
        return;
    }
    if (x < 0.013) {
        idle(patience(runner) - countdown + random_.between(1, countdown - 2));
        note("idle: countdown", "", app);
    } else if (x < 0.025) {
        idle(patience(runner) + random_.between(1, 30));
        note("idle: leave", "", app);
    } else if (x < 0.035) {
        FrameInput f;
        f.key = kKeys[random_.next() % std::size(kKeys)];
        frames_.push_back(f);
        note("keyboard key", std::to_string(f.key), app);
    } else if (x < 0.048) {
        const ImVec2 at = anywhere();
        press(at, 0);
        note("tap anywhere", std::to_string(static_cast<int>(at.x)) + "," + std::to_string(static_cast<int>(at.y)), app);
    } else if (x < 0.058) {
        // A slow tap, up to two and a half seconds: still a tap (only the top corners wait for more).
        const int held = random_.chance(0.8) ? random_.between(2, 40) : random_.between(40, 160);
        if (!tap_some_control(runner, app, held)) think();
    } else if (screen == Route::Screen::Map && x < 0.30) {
        const ImVec2 from(random_.between(0.15f, 0.85f) * size.x, random_.between(0.25f, 0.8f) * size.y);
        const ImVec2 to(from.x + random_.between(-450.f, 450.f), from.y + random_.between(-350.f, 350.f));
        drag(from, to, random_.between(3, 25), random_.chance(0.5) ? 0 : random_.between(60, 300));
        note("pan", "", app);
    } else if (x < 0.068 || (screen == Route::Screen::Map && x < 0.45)) {
        const ImVec2 centre(random_.between(0.3f, 0.7f) * size.x, random_.between(0.35f, 0.7f) * size.y);
        pinch(centre, random_.between(80.f, 500.f), random_.between(80.f, 700.f), random_.between(0.f, 3.14159f), random_.between(4, 20));
        note("pinch", "", app);
    } else if (x < 0.17 && screen != Route::Screen::Map && screen != Route::Screen::Attract) {
        const ImVec2 from(random_.between(0.2f, 0.8f) * size.x, random_.between(0.35f, 0.75f) * size.y);
        const ImVec2 to(from.x + random_.between(-30.f, 30.f), from.y + (random_.chance(0.65) ? -1.f : 1.f) * random_.between(60.f, 600.f));
        drag(from, to, random_.between(3, 25), random_.chance(0.5) ? 0 : random_.between(60, 300));
        note("scroll", "", app);
    } else if (!tap_some_control(runner, app, 0)) {
        press(anywhere(), 0);  // nothing to touch: the attract screen between fades, a blank
        note("tap anywhere", "", app);
    }
    think();
}

void Visitor::admin_visit() {
    // Two seconds in the top-left corner, then in the top-right one, then the PIN (now and then
    // a wrong one), a look at the panel, and out.
    const auto hold_corner = [this](bool left) {
        return [this, left](kiosk::Runner& runner, const kiosk::App&) {
            const ImVec2 size = runner.display_size();
            press(ImVec2(left ? 40.f : size.x - 40.f, 40.f), 21, milliseconds(100));
            think();
        };
    };
    plan_.push_back(hold_corner(true));
    plan_.push_back(hold_corner(false));
    std::string pin = pin_;
    if (random_.chance(0.2))
        for (char& c : pin) c = static_cast<char>('0' + random_.between(0, 9));
    for (char c : pin + "k")
        plan_.push_back([this, c](kiosk::Runner& runner, const kiosk::App&) {
            tap(runner, c == 'k' ? "pin:ok" : std::string("pin:") + c);
            think();
        });
    for (int i = random_.between(0, 3); i > 0; --i)
        plan_.push_back([this](kiosk::Runner& runner, const kiosk::App&) {
            tap(runner, random_.chance(0.5) ? "admin:check" : "admin:export");
            think();
        });
    plan_.push_back([this](kiosk::Runner& runner, const kiosk::App&) {
        tap(runner, "admin:close");
        think();
    });
}

bool Visitor::tap(const kiosk::Runner& runner, const std::string& id) {
    const auto at = runner.hits().center(id);
    if (!at) return false;
    press(*at, 0);
    ++taps_[kind_of(id)];
    digest_ = mix(digest_, id);
    return true;
}

bool Visitor::tap_some_control(const kiosk::Runner& runner, const kiosk::App& app, int held_frames) {
    std::map<std::string, std::vector<std::string>> by_kind;
    for (const auto& [id, rect] : runner.hits().all())
        if (!out_of_bounds(id)) by_kind[kind_of(id)].push_back(id);
    if (by_kind.empty()) return false;
    double total = 0;
    for (const auto& [kind, ids] : by_kind) total += weight_of(kind, app.route().screen);
    double roll = random_.unit() * total;
    auto chosen = by_kind.begin();
    for (auto it = by_kind.begin(); it != by_kind.end(); ++it) {
        chosen = it;
        roll -= weight_of(it->first, app.route().screen);
        if (roll < 0) break;
    }
    const std::string& id = random_.pick(chosen->second);
    press(*runner.hits().center(id), held_frames);
    ++taps_[chosen->first];
    note(held_frames > 0 ? "slow tap" : "tap", id, app);
    return true;
}

void Visitor::press(ImVec2 at, int held_frames, milliseconds each) {
    if (held_frames == 0) {  // press and release before the next frame: the quickest tap
        frames_.push_back({milliseconds(16), {{SDL_FINGERDOWN, at}, {SDL_FINGERUP, at}}});
        return;
    }
    frames_.push_back({milliseconds(16), {{SDL_FINGERDOWN, at}}});
    for (int i = 0; i < held_frames; ++i) frames_.push_back({each, {}});
    frames_.push_back({milliseconds(16), {{SDL_FINGERUP, at}}});
}

void Visitor::drag(ImVec2 from, ImVec2 to, int steps, int rest_ms) {
    frames_.push_back({milliseconds(16), {{SDL_FINGERDOWN, from}}});
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        frames_.push_back({milliseconds(16), {{SDL_FINGERMOTION, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t)}}});
    }
    if (rest_ms > 0) frames_.push_back({milliseconds(rest_ms), {}});  // the finger rests: no fling
    frames_.push_back({milliseconds(16), {{SDL_FINGERUP, to}}});
}

void Visitor::pinch(ImVec2 centre, float from, float to, float angle, int steps) {
    const ImVec2 dir(std::cos(angle) / 2, std::sin(angle) / 2);
    const auto fingers = [&](Uint32 type, float apart) {
        return std::vector<Touch>{{type, ImVec2(centre.x - dir.x * apart, centre.y - dir.y * apart), 1},
                                  {type, ImVec2(centre.x + dir.x * apart, centre.y + dir.y * apart), 2}};
    };
    frames_.push_back({milliseconds(16), fingers(SDL_FINGERDOWN, from)});
    for (int i = 1; i <= steps; ++i)
        frames_.push_back({milliseconds(16), fingers(SDL_FINGERMOTION, from + (to - from) * static_cast<float>(i) / static_cast<float>(steps))});
    frames_.push_back({milliseconds(16), fingers(SDL_FINGERUP, to)});
}

void Visitor::idle(int seconds) {
    for (int i = 0; i < seconds; ++i) frames_.push_back({milliseconds(1000), {}});
}

void Visitor::think() {
    // Mostly a glance, often a second or so, now and then a few seconds of reading.
    const double x = random_.unit();
    const int frames = x < 0.6 ? random_.between(2, 12) : x < 0.9 ? random_.between(12, 90) : random_.between(90, 400);
    for (int i = 0; i < frames; ++i) frames_.push_back({milliseconds(16), {}});
}

void Visitor::note(const std::string& action, const std::string& detail, const kiosk::App& app) {
    ++actions_[action];
    digest_ = mix(mix(mix(digest_, action), detail), app.route().str() + " " + app.lang());
}

}  // namespace soak
