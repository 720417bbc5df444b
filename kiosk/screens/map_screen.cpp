#include "kiosk/screens/map_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/app/app.hpp"
#include "kiosk/input/pointer.hpp"
#include "kiosk/map/map_markers.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/words/hours_text.hpp"

namespace kiosk {

namespace {
constexpr double kApproximateMetres = 250;  // the halo round a place whose position is approximate
constexpr float kFocusScale = 0.4f;         // px per metre on map/<id>: a few streets around it
}  // namespace

MapScreen::MapScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    const std::string& lang = app.lang();
    title_ = text_of(bundle, bundle.ui("map.title", lang), true);
    const content::MapInfo& info = *bundle.map();  // App opens the map only for a bundle with one
    camera_.set_limits(info.bounds);
    attribution_ = TextBlock::plain(info.attribution, "en", false);
    std::vector<std::string> kinds;
    bool approximate = false, hours_unknown = false;
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    for (const auto& p : bundle.places(lang, app_.today())) {
        const bool unknown = place_hours_now(bundle, lang, p.place.opening_hours, now).state == HoursState::Unknown;
        content::Localized name = bundle.ui("kind." + p.place.kind, lang);
        name.text += ": " + p.place.name;
        markers_.push_back({p.place.id, p.place.kind, info.projection.project(p.place.lat, p.place.lon), p.place.approximate, false, unknown, name});
        hours_unknown = hours_unknown || unknown;
        if (std::find(kinds.begin(), kinds.end(), p.place.kind) == kinds.end()) kinds.push_back(p.place.kind);
        approximate = approximate || p.place.approximate;
        if (p.place.id == app.route().id) {
            focus_ = markers_.back().at;
            focus_id_ = p.place.id;
            focus_label_ = TextBlock::plain(p.place.name, lang, app.rtl(), true);
        }
    }
    const bool stops = add_stops(info, approximate);
    // The legend lists the kinds on the map in the order the content format gives them.
    for (const char* kind : content::kPlaceKinds)
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            legend_.push_back({kind, text_of(bundle, bundle.ui(std::string("kind.") + kind, lang))});
    if (stops) legend_.push_back({"stop", text_of(bundle, bundle.ui("stops.next", lang))});
    if (approximate) legend_.push_back({"approximate", text_of(bundle, bundle.ui("place.approximate", lang))});
    if (hours_unknown) legend_.push_back({"hours_unknown", text_of(bundle, bundle.ui("place.hours_unknown", lang))});
    if (const auto& here = app.here()) {
        here_ = info.projection.project(here->first, here->second);
        here_label_ = text_of(bundle, bundle.ui("map.here", lang), true);
        legend_.push_back({"", text_of(bundle, bundle.ui("map.here", lang))});
    }
}

bool MapScreen::add_stops(const content::MapInfo& info, bool& approximate) {
    // Each place once: a weekly stop is one marker.
    const auto now = std::chrono::floor<std::chrono::seconds>(app_.clock().wall());
    bool any = false;
    for (size_t i = 0, places = markers_.size(); i < places; ++i) {
        if (markers_[i].kind != "mobile_unit") continue;
        for (const auto& stop : app_.bundle().upcoming_stops(markers_[i].id, now, 12)) {
            const content::MapPoint at = info.projection.project(stop.lat, stop.lon);
            const bool known = std::any_of(markers_.begin() + static_cast<std::ptrdiff_t>(places), markers_.end(),
                                           [&](const Marker& m) { return m.at.x == at.x && m.at.y == at.y; });
            if (!known) markers_.push_back({markers_[i].id, "mobile_unit", at, stop.approximate, true, false, markers_[i].name});
            any = true;
            approximate = approximate || stop.approximate;
        }
    }
    return any;
}

float MapScreen::marker_radius(const Ui& ui) const { return ui.theme.px(16); }

void MapScreen::home_view() {
    if (focus_) return camera_.look_at(*focus_, kFocusScale);
    std::vector<content::MapPoint> shown;
    if (here_) {
        // The kiosk and the three places nearest it: where a visitor on foot would go.
        shown.push_back(*here_);
        std::vector<const Marker*> nearest;
        for (const auto& m : markers_) nearest.push_back(&m);
        const auto far = [&](const Marker* m) { return std::hypot(m->at.x - here_->x, m->at.y - here_->y); };
        const size_t n = std::min<size_t>(3, nearest.size());
        std::partial_sort(nearest.begin(), nearest.begin() + static_cast<std::ptrdiff_t>(n), nearest.end(),
                          [&](const Marker* a, const Marker* b) { return far(a) < far(b); });
        for (size_t i = 0; i < n; ++i) shown.push_back(nearest[i]->at);
    } else {
        for (const auto& m : markers_) shown.push_back(m.at);
    }
    if (shown.empty()) return camera_.fit(app_.bundle().map()->bounds);
    content::MapBox box{shown[0].x, shown[0].y, shown[0].x, shown[0].y};
    for (const auto& p : shown) box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x), std::max(box.max_y, p.y)};
    // A margin round them, and never closer than two kilometres across.
    const double grow = std::max({(box.max_x - box.min_x) * 0.25, (box.max_y - box.min_y) * 0.25, 1000.0});
    camera_.fit({box.min_x - grow, box.min_y - grow, box.max_x + grow, box.max_y + grow});
}

void MapScreen::gestures(Ui& ui, ImVec2 min, ImVec2 size) {
    Pointer& pointer = ui.pointer;
    const bool mine = contains(min, size, pointer.origin());
    if (const auto pinch = pointer.take_pinch(); pinch && mine) {
        camera_.pinch(pinch->from, pinch->to, pinch->factor);
        held_ = false;
        velocity_ = ImVec2(0, 0);
    } else if (pointer.dragging() && mine) {
        held_ = true;
        velocity_ = ImVec2(0, 0);
        camera_.pan(pointer.take_drag_delta());
    } else if (held_) {
        held_ = false;
        if (const auto fling = pointer.take_fling()) velocity_ = *fling;
    } else if (velocity_.x != 0 || velocity_.y != 0) {
        const float dt = std::clamp(ui.time.dt, 0.0f, 0.1f);
        camera_.pan(ImVec2(velocity_.x * dt, velocity_.y * dt));
        const float keep = std::exp(-dt / kGlideTime);
        velocity_ = ImVec2(velocity_.x * keep, velocity_.y * keep);
        if (std::hypot(velocity_.x, velocity_.y) < kGlideStopSpeed) velocity_ = ImVec2(0, 0);
    }
    if (contains(min, size, pointer.position()))
        if (const float wheel = pointer.take_wheel(); wheel != 0) camera_.zoom_about(pointer.position(), std::pow(1.25f, wheel));
}

void MapScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize(), max(min.x + size.x, min.y + size.y);
    camera_.set_viewport(min, size);
    if (!placed_) {
        home_view();
        placed_ = true;
    }
    gestures(ui, min, size);

    // The picture is drawn again once the map stands still: while a finger moves it, the old
    // picture moves with it, and what comes into view is blank paper until the finger rests.
    can_render_ = ui.renderer != nullptr && !raster_.failed();
    if (high_contrast_ != t.high_contrast()) raster_.invalidate(), high_contrast_ = t.high_contrast();
    const bool moving = held_ || ui.pointer.pinching() || velocity_.x != 0 || velocity_.y != 0;
    const ImU32 paper = map_colour(0xd9dee3, t.high_contrast());  // beyond the map's data
    if (can_render_ && !moving && raster_.stale(camera_))
        raster_.render(ui.renderer, camera_, paper,
                       [&](ImDrawList& list, std::vector<Blit>& blits, const MapCamera& camera) { paint(list, blits, camera, ui, ui.renderer); });

    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(min, max, true);
    if (can_render_) {
        raster_.draw(*list, camera_, paper);
    } else {
        // No picture can be made (no renderer, or no texture to draw it in): the map is drawn
        // every frame instead, markers as shapes.
        list->AddRectFilled(min, max, paper);
        std::vector<Blit> none;
        paint(*list, none, camera_, ui, nullptr);
    }
    const float r = marker_radius(ui);
    if (here_) {  // on top of every marker, and moving with the finger like the labels
        const ImVec2 s = camera_.to_screen(*here_);
        draw_you_are_here(list, s, r * 0.8f);
        draw_label(ui, list, here_label_, ImVec2(s.x, s.y + r * 2.2f));
    }
    if (focus_) {
        const ImVec2 s = camera_.to_screen(*focus_);
        draw_label(ui, list, focus_label_, ImVec2(s.x, s.y + r * 2.6f));
    }
    list->PopClipRect();
    record_markers(ui);

    draw_legend(ui, min, size);
    draw_controls(ui, min, size);
    draw_attribution(ui, min, size);
    // The map's own tap goes last: a control drawn over the map takes its taps first.
    if (ui.button_area("map:area", app_.bundle().ui("map.title", app_.lang()), min, size))
        if (const Marker* m = marker_at(ImGui::GetIO().MousePos, std::max(t.touch() / 2, marker_radius(ui) * 1.6f))) {
            app_.open(Route::place(m->id));
            return;
        }
}

void MapScreen::paint(ImDrawList& list, std::vector<Blit>& blits, const MapCamera& camera, const Ui& ui, SDL_Renderer* sprites_with) {
    painter_.draw(&list, app_.bundle(), camera, ui.theme.px(1), ui.theme.high_contrast());
    const float r = marker_radius(ui);
    const ImVec2 min = camera.viewport_min(), size = camera.viewport_size();
    const auto on_screen = [&](ImVec2 s, float margin) {
        return s.x > min.x - margin && s.y > min.y - margin && s.x < min.x + size.x + margin && s.y < min.y + size.y + margin;
    };
    // Halos under every marker, so no halo hides a neighbour's symbol.
    const float halo = std::max(static_cast<float>(kApproximateMetres) * camera.scale(), r * 1.8f);
    const auto disc = sprites_.disc(sprites_with);
    for (const auto& m : markers_)
        if (m.approximate)
            if (const ImVec2 s = camera.to_screen(m.at); on_screen(s, halo)) {
                const ImU32 tint = with_alpha(marker_style(m.kind).fill, 50);
                if (disc) blits.push_back(MarkerSprites::place(*disc, s, halo / 62, tint));  // the disc's radius is 62 of its 64
                else list.AddCircleFilled(s, halo, tint, 32);
            }
    const auto marker = [&](const Marker& m, float radius) {
        const ImVec2 s = camera.to_screen(m.at);
        if (!on_screen(s, radius * 3)) return;
        if (const auto sprite = sprites_.marker(sprites_with, marker_style(m.kind), radius, m.stop)) blits.push_back(MarkerSprites::place(*sprite, s));
        else draw_marker(&list, s, radius, marker_style(m.kind), m.stop);
    };
    const Marker* focused = nullptr;
    for (const auto& m : markers_) {
        if (m.id == focus_id_ && !m.stop) {
            focused = &m;  // drawn last, on top
            continue;
        }
        marker(m, m.stop ? r * 0.85f : r);
    }
    if (focused) marker(*focused, r * 1.4f);
    // Hours not known: a "?" on the marker's shoulder, in the picture like the marker (drawn
    // over it every frame, 2,000 badges cost a pan frame 470 ms on the software renderer).
    for (const auto& m : markers_) {
        if (!m.hours_unknown || m.stop) continue;
        const float grow = &m == focused ? 1.4f : 1.0f;
        const ImVec2 s = camera.to_screen(m.at), at(s.x + r * grow, s.y - r * grow);
        if (!on_screen(at, r)) continue;
        if (const auto badge = sprites_.question_badge(sprites_with, r * 0.75f * grow, ui.theme.text)) blits.push_back(MarkerSprites::place(*badge, at));
        else draw_question_badge(&list, at, r * 0.75f * grow, ui.theme.text);
    }
}

void MapScreen::record_markers(Ui& ui) {
    const float reach = std::max(ui.theme.touch() / 2, marker_radius(ui) * 1.6f);
    const ImVec2 min = camera_.viewport_min(), size = camera_.viewport_size();
    int stop = 0;
    for (const auto& m : markers_) {
        const ImVec2 s = camera_.to_screen(m.at);
        const std::string id = m.stop ? "stop:" + m.id + ":" + std::to_string(stop++) : "marker:" + m.id;
        if (s.x < min.x || s.y < min.y || s.x > min.x + size.x || s.y > min.y + size.y) continue;
        ui.spot(id, m.name, ImVec2(s.x - reach, s.y - reach), ImVec2(s.x + reach, s.y + reach));
    }
}

const MapScreen::Marker* MapScreen::marker_at(ImVec2 at, float reach) const {
    const Marker* best = nullptr;
    float best_distance = reach;
    for (const auto& m : markers_) {
        const ImVec2 s = camera_.to_screen(m.at);
        const float d = std::hypot(s.x - at.x, s.y - at.y);
        if (d <= best_distance) best = &m, best_distance = d;
    }
    return best;
}

}  // namespace kiosk
