#include "kiosk/app/app.hpp"

#include "content/hours/dates.hpp"

namespace kiosk {

namespace {
const platform::SystemClock kSystemClock;
}

App::App(std::shared_ptr<const content::Bundle> bundle, std::string lang, Route start)
    : bundle_(std::move(bundle)), lang_(std::move(lang)), clock_(&kSystemClock) {
    if (!bundle_->language(lang_)) lang_ = bundle_->languages().front().code;
    default_lang_ = lang_;
    route_ = exists(start) ? start : Route::home();
}

content::CivilDate App::today() const { return content::today(clock_->wall()); }

bool App::turn_day() {
    const content::CivilDate now = today();
    const bool turned = day_ && *day_ != now;
    day_ = now;
    if (turned) ++screen_changes_;  // the same screen, built for the new day
    return turned;
}

void App::new_visitor() {
    if (bundle_->language(default_lang_)) lang_ = default_lang_;
    route_ = Route::attract();
    history_.clear();
    larger_text_ = high_contrast_ = speech_mode_ = false;
    search_text_.clear();
    ++visitor_;
    changed();
    tell("visit_ended");
}

// The same screen in another look: drawn again, not built again.
void App::set_search_text(std::string text) {
    search_text_ = std::move(text);
    ++changes_;
}

void App::toggle_larger_text() {
    larger_text_ = !larger_text_;
    ++changes_;
}

void App::toggle_high_contrast() {
    high_contrast_ = !high_contrast_;
    ++changes_;
}

App::~App() = default;

bool App::rtl() const {
    const auto* l = bundle_->language(lang_);
    return l && l->direction == content::Direction::RightToLeft;
}

bool App::exists(const Route& route) const {
    switch (route.screen) {
        case Route::Screen::Category: return bundle_->has_category(route.id);
        case Route::Screen::Guide: return bundle_->has_guide(route.id);
        case Route::Screen::Place: return bundle_->place(route.id, lang_).has_value();
        case Route::Screen::Map: return bundle_->map().has_value() && (route.id.empty() || bundle_->place(route.id, lang_).has_value());
        case Route::Screen::Qr: return bundle_->link(route.id, lang_).has_value();
        default: return true;
    }
}

void App::changed() {
    ++changes_;
    ++screen_changes_;
}

void App::begin_visit() {
    route_ = Route::languages();
    history_.clear();
    changed();
    tell("visit_started");
}

void App::begin_visit(const std::string& lang) {
    begin_visit();
    set_language(lang);  // from the chooser: home, in that language
}

void App::open(const Route& route) {
    const Route target = exists(route) ? route : Route::home();
    if (target == route_) return;
    history_.push_back(route_);
    route_ = target;
    changed();
    if (target.screen == Route::Screen::Guide) tell("guide_opened", target.id);
    // Counted here, where the visitor arrives, not when the screen is built: a language switch
    // builds it again for the same visitor and the same code.
    if (target.screen == Route::Screen::Qr) tell("qr_shown", target.id);
}

void App::back() {
    if (history_.empty()) return;
    route_ = history_.back();
    history_.pop_back();
    changed();
}

void App::home() { open(Route::home()); }

void App::set_language(const std::string& code) {
    if (!bundle_->language(code)) return;
    const bool from_chooser = route_.screen == Route::Screen::Languages;
    if (code == lang_ && !from_chooser) return;
    lang_ = code;
    changed();
    tell("language_chosen", code);
    if (from_chooser) open(Route::home());
}

void App::replace_bundle(std::shared_ptr<const content::Bundle> next) {
    retired_bundles_.push_back(std::move(bundle_));
    bundle_ = std::move(next);
    ++generation_;
    if (!bundle_->language(lang_)) {
        const auto& fallback = bundle_->meta().fallback;
        lang_ = !fallback.empty() && bundle_->language(fallback.front()) ? fallback.front() : bundle_->languages().front().code;
    }
    // A guide that is gone leads to its category if that still exists (the old bundle knows
    // which one it was), else home.
    if (!exists(route_)) {
        Route parent = Route::home();
        if (route_.screen == Route::Screen::Guide)
            if (const auto old = retired_bundles_.back()->guide(route_.id, lang_); old && bundle_->has_category(old->category_id))
                parent = Route::category(old->category_id);
        route_ = parent;
    }
    std::erase_if(history_, [&](const Route& r) { return !exists(r); });
    changed();
}

void App::collect() { retired_bundles_.clear(); }

}  // namespace kiosk
