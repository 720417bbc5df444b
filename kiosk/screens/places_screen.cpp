#include "kiosk/screens/places_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/words/distance_text.hpp"
#include "kiosk/words/hours_text.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

PlacesScreen::PlacesScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    const std::string& lang = app.lang();
    title_ = text_of(bundle, bundle.ui("places.title", lang), true);
    none_ = text_of(bundle, bundle.ui("places.none", lang));
    unknown_heading_ = text_of(bundle, bundle.ui("place.hours_unknown", lang), true);
    if (bundle.map()) map_ = text_of(bundle, bundle.ui("places.map", lang), true);
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    std::vector<std::string> kinds;
    for (const auto& p : bundle.places(lang, app_.today())) {
        Entry e{p.place.id, p.place.kind, HoursState::Unknown, -1, {}};
        const std::string kind = bundle.ui("kind." + p.place.kind, lang).text;
        std::string detail = kind, spoken = kind;
        if (const auto distance = app.here() ? distance_text(bundle, lang, *app.here(), p.place) : std::nullopt) {
            e.metres = distance->metres;
            detail += "  ·  " + distance->shown;
            spoken += ", " + distance->spoken;
        }
        const auto hours = place_hours_now(bundle, lang, p.place.opening_hours, now);
        e.hours = hours.state;
        detail += "  ·  " + hours.text;
        spoken += ", " + hours.text;
        e.card = card_text(bundle, "place:" + p.place.id, {p.place.name, lang}, {detail, lang});
        e.card.summary.set_spoken(spoken);
        if (std::find(kinds.begin(), kinds.end(), p.place.kind) == kinds.end()) kinds.push_back(p.place.kind);
        entries_.push_back(std::move(e));
    }
    // Nearest first, then those without a distance (a mobile unit; all, without the kiosk's
    // position) in the bundle's order.
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.metres >= 0 && (b.metres < 0 || a.metres < b.metres); });
    const auto label = [&](const std::string& key) { return text_of(bundle, bundle.ui(key, lang), true); };
    filters_.push_back({"filter:all", label("places.all")});
    filters_.push_back({"filter:open", label("places.open_now")});
    for (const auto& k : kinds) filters_.push_back({"filter:" + k, label("kind." + k)});
}

// With "open now", the open places and then, apart, those whose hours are not known.
bool PlacesScreen::shown(const Entry& e, HoursState hours) const {
    return (kind_.empty() || e.kind == kind_) && (!open_only_ || e.hours == hours);
}

void PlacesScreen::draw_filters(Ui& ui) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Chips flow from the reading edge and wrap; each is as wide as its label.
    float x = 0, y = 0;
    const float h = t.touch_small(80);
    for (auto& f : filters_) {
        f.label.layout(t.body, avail);
        const float w = std::max(f.label.widest() + t.px(48), h);
        if (x > 0 && x + w > avail) {
            x = 0;
            y += h + t.gap();
        }
        const bool on = f.id == "filter:all" ? kind_.empty() && !open_only_
                        : f.id == "filter:open" ? open_only_
                                                : "filter:" + kind_ == f.id;
        ImGui::SetCursorScreenPos(ImVec2(ui.rtl() ? origin.x + avail - x - w : origin.x + x, origin.y + y));
        if (ui.button(f.id, f.label, ImVec2(w, h), on, t.card, t.text)) {
            if (f.id == "filter:all") kind_.clear(), open_only_ = false;
            else if (f.id == "filter:open") open_only_ = !open_only_;
            else kind_ = on ? std::string() : f.id.substr(7);
        }
        x += w + t.gap();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + y + h + t.gap()));
    ImGui::Dummy(ImVec2(avail, 0));
}

void PlacesScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    ui.text(title_, t.title, t.text);
    ImGui::Dummy(ImVec2(0, t.gap()));
    if (!map_.empty()) {
        // The same places on the map: the first control, where the eye lands after the title.
        map_.layout(t.body, ImGui::GetContentRegionAvail().x);
        const ImVec2 size(std::max(map_.widest() + t.px(64), t.touch() * 2), t.touch());
        ImGui::SetCursorScreenPos(ImVec2(ui.start_x(size.x), ImGui::GetCursorScreenPos().y));
        if (ui.button("places:map", map_, size, false, t.header, t.header_text)) {
            app_.open(Route::map());
            return;
        }
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    draw_filters(ui);
    bool any = draw_entries(ui, HoursState::Open);
    if (open_only_ && std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return shown(e, HoursState::Unknown); })) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        ui.text(unknown_heading_, t.heading, t.text);
        any = draw_entries(ui, HoursState::Unknown) || any;
    }
    if (!any) ui.text(none_, ui.theme.body, ui.theme.muted);
}

// The cards `shown` lets through; true when there was one.
bool PlacesScreen::draw_entries(Ui& ui, HoursState hours) {
    bool any = false;
    for (auto& e : entries_) {
        if (!shown(e, hours)) continue;
        any = true;
        if (ui.card(e.card.id, e.card.title, &e.card.summary, e.card.fallback)) {
            app_.open(Route::place(e.id));
            return true;
        }
    }
    return any;
}

}  // namespace kiosk
