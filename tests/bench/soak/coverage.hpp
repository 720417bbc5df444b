#pragma once
// What the soak's visitors reached: frames spent on each kind of screen, the states a kiosk
// passes through ("Still there?", the reset, the admin panel open, a ticket printed, a mobile
// unit's stops, search results, larger text, high contrast), the languages, and how many of the
// bundle's guides, places and links were opened. The soak fails when any kind or state was
// never reached.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiosk {
class App;
class Runner;
}  // namespace kiosk

namespace soak {

class Coverage {
public:
    /// After each frame of the loop; `drew` when the runner drew it (its hit map is new), which
    /// took `cpu_ms` of the thread's CPU.
    void observe(const kiosk::Runner& runner, const kiosk::App& app, bool drew, double cpu_ms);
    /// What the App tells its listener (visit_started, qr_shown, ticket_printed ...).
    void event(const std::string& name) { ++events_[name]; }
    /// What the visitors tapped, by kind of control (Visitor::taps).
    void set_taps(const std::map<std::string, long>& taps) { taps_ = taps; }

    /// Frames on each kind of screen, by route name (attract, home, guide ...), every kind listed.
    std::map<std::string, long> screens() const;
    /// Each state with how often it was reached.
    std::vector<std::pair<std::string, long>> states() const;
    /// Screens and states never reached, and languages never shown; empty when all were.
    std::vector<std::string> missed(const kiosk::App& app) const;
    /// "guides 20 of 24, places 30 of 31, ..." for the bundle on screen.
    std::string opened(const kiosk::App& app) const;
    size_t languages() const { return languages_.size(); }
    /// Frames drawn on each kind of screen, and the CPU the UI thread took to draw them (the
    /// whole Runner::frame, presenting included), in milliseconds.
    struct Drawn {
        long frames = 0;
        double cpu_ms = 0;
    };
    const std::map<std::string, Drawn>& drawn() const { return drawn_; }

private:
    std::map<std::string, long> frames_on_;
    std::map<std::string, long> events_, taps_;
    std::map<std::string, Drawn> drawn_;
    std::set<std::string> languages_, routes_;
    long countdown_frames_ = 0, idle_resets_ = 0, admin_open_frames_ = 0, stop_frames_ = 0, result_frames_ = 0;
    long larger_text_frames_ = 0, high_contrast_frames_ = 0;
    bool was_counting_down_ = false;
    long visitor_ = 0;
};

}  // namespace soak
