#include "tests/bench/soak/coverage.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/shell/runner.hpp"

namespace soak {

namespace {

// Every kind of screen a route names, as Route::str() begins.
const std::vector<std::string> kScreens = {"attract", "languages", "home", "category", "guide", "place",
                                           "places",  "map",       "search", "admin",   "qr"};

std::string kind_of(const kiosk::Route& route) {
    const std::string text = route.str();
    return text.substr(0, text.find('/'));
}

}  // namespace

void Coverage::observe(const kiosk::Runner& runner, const kiosk::App& app, bool drew, double cpu_ms) {
    ++frames_on_[kind_of(app.route())];
    languages_.insert(app.lang());
    routes_.insert(app.route().str());
    if (app.visitor() != visitor_) {
        if (was_counting_down_) ++idle_resets_;  // the countdown ran out: forgotten by the timer
        visitor_ = app.visitor();
    }
    was_counting_down_ = runner.counting_down();
    countdown_frames_ += runner.counting_down();
    larger_text_frames_ += app.larger_text();
    high_contrast_frames_ += app.high_contrast();
    if (!drew) return;
    Drawn& d = drawn_[kind_of(app.route())];
    ++d.frames;
    d.cpu_ms += cpu_ms;
    bool admin = false, stop = false, result = false;
    for (const auto& [id, rect] : runner.hits().all()) {
        admin |= id == "admin:check";
        stop |= id.starts_with("stop:");
        result |= id.starts_with("result:");
    }
    admin_open_frames_ += admin;
    stop_frames_ += stop;
    result_frames_ += result;
}

std::map<std::string, long> Coverage::screens() const {
    std::map<std::string, long> all;
    for (const auto& kind : kScreens) all[kind] = 0;
    for (const auto& [kind, frames] : frames_on_) all[kind] += frames;
    return all;
}

std::vector<std::pair<std::string, long>> Coverage::states() const {
    const auto count = [](const std::map<std::string, long>& m, const std::string& key) {
        const auto it = m.find(key);
        return it == m.end() ? 0L : it->second;
    };
    return {
        {"\"Still there?\" countdown (frames)", countdown_frames_},
        {"visitor forgotten by the idle timer", idle_resets_},
        {"admin panel open, PIN accepted (frames drawn)", admin_open_frames_},
        {"ticket printed", count(events_, "ticket_printed")},
        {"QR code shown", count(events_, "qr_shown")},
        {"mobile unit's stops drawn (frames)", stop_frames_},
        {"a stop tapped", count(taps_, "stop")},
        {"on-screen keyboard keys tapped", count(taps_, "key")},
        {"search results drawn (frames)", result_frames_},
        {"a search result tapped", count(taps_, "result")},
        {"larger text (frames)", larger_text_frames_},
        {"high contrast (frames)", high_contrast_frames_},
    };
}

std::vector<std::string> Coverage::missed(const kiosk::App& app) const {
    std::vector<std::string> missed;
    for (const auto& [kind, frames] : screens())
        if (frames == 0) missed.push_back("screen " + kind);
    for (const auto& [state, n] : states())
        if (n == 0) missed.push_back(state);
    for (const auto& language : app.bundle().languages())
        if (!languages_.contains(language.code)) missed.push_back("language " + language.code);
    return missed;
}

std::string Coverage::opened(const kiosk::App& app) const {
    const auto count = [&](const std::string& prefix, size_t of) {
        size_t n = 0;
        for (const auto& route : routes_) n += route.starts_with(prefix);
        return std::to_string(n) + " of " + std::to_string(of);
    };
    const auto& bundle = app.bundle();
    size_t categories = 0;  // a category with one guide opens that guide: only the others are screens
    for (const auto& category : bundle.categories(app.lang())) categories += bundle.guides_in(category.id, app.lang()).size() > 1;
    return "categories " + count("category/", categories) + ", guides " + count("guide/", bundle.guide_ids().size()) +
           ", places " + count("place/", bundle.places(app.lang()).size()) + ", links " + count("qr/", bundle.link_ids().size());
}

}  // namespace soak
