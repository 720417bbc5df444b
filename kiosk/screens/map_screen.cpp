#include "map_screen.hpp"

#include <algorithm>
#include <cmath>

#include "../app.hpp"
#include "../map_markers.hpp"
#include "../pointer.hpp"
#include "../ui.hpp"

namespace kiosk {

namespace {
constexpr float kGlideTime = 0.4f;  // a fling slows as e^(-t/τ), as the pages do
constexpr float kStopSpeed = 20;    // px/s
constexpr double kApproximateMetres = 250;  // the halo round a place whose position is approximate
constexpr float kFocusScale = 0.4f;         // px per metre on map/<id>: a few streets around it

bool contains(ImVec2 min, ImVec2 size, ImVec2 p) { return p.x >= min.x && p.y >= min.y && p.x < min.x + size.x && p.y < min.y + size.y; }
ImU32 with_alpha(ImU32 c, int alpha) { return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT); }
}  // namespace

MapScreen::MapScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    const std::string& lang = app.lang();
    title_ = text_of(bundle, bundle.ui("map.title", lang), true);
    const content::MapInfo& info = *bundle.map();  // App opens the map only for a bundle with one
    camera_.set_limits(info.bounds);
    attribution_ = TextBlock::plain(info.attribution, "en", false);
    std::vector<std::string> kinds;
    bool approximate = false;
    for (const auto& p : bundle.places(lang)) {
        markers_.push_back({p.place.id, p.place.kind, info.projection.project(p.place.lat, p.place.lon), p.place.approximate});
        if (std::find(kinds.begin(), kinds.end(), p.place.kind) == kinds.end()) kinds.push_back(p.place.kind);
        approximate = approximate || p.place.approximate;
        if (p.place.id == app.route().id) {
            focus_ = markers_.back().at;
            focus_id_ = p.place.id;
            focus_label_ = TextBlock::plain(p.place.name, lang, app.rtl(), true);
        }
    }
    // A mobile unit's next stops, each place once: a weekly stop is one marker.
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    bool stops = false;
    for (size_t i = 0, places = markers_.size(); i < places; ++i) {
        if (markers_[i].kind != "mobile_unit") continue;
        for (const auto& stop : bundle.upcoming_stops(markers_[i].id, now, 12)) {
            const content::MapPoint at = info.projection.project(stop.lat, stop.lon);
            const bool known = std::any_of(markers_.begin() + static_cast<std::ptrdiff_t>(places), markers_.end(),
                                           [&](const Marker& m) { return m.at.x == at.x && m.at.y == at.y; });
            if (!known) markers_.push_back({markers_[i].id, "mobile_unit", at, stop.approximate, true});
            stops = true;
            approximate = approximate || stop.approximate;
        }
    }
    // The legend lists the kinds on the map in the order the content format gives them.
    for (const char* kind : content::kPlaceKinds)
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end())
            legend_.push_back({kind, text_of(bundle, bundle.ui(std::string("kind.") + kind, lang))});
    if (stops) legend_.push_back({"stop", text_of(bundle, bundle.ui("stops.next", lang))});
    if (approximate) legend_.push_back({"approximate", text_of(bundle, bundle.ui("place.approximate", lang))});
    if (const auto& here = app.here()) {
        here_ = info.projection.project(here->first, here->second);
        here_label_ = text_of(bundle, bundle.ui("map.here", lang), true);
        legend_.push_back({"", text_of(bundle, bundle.ui("map.here", lang))});
    }
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
        if (std::hypot(velocity_.x, velocity_.y) < kStopSpeed) velocity_ = ImVec2(0, 0);
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
        const auto [shown_min, shown_max] = raster_.placement(camera_);
        // Paper only where the picture is not: a full-screen fill under it would cost a blend of
        // every pixel on the software renderer.
        if (shown_max.x <= min.x || shown_max.y <= min.y || shown_min.x >= max.x || shown_min.y >= max.y) {
            list->AddRectFilled(min, max, paper);
        } else {
            if (shown_min.y > min.y) list->AddRectFilled(min, ImVec2(max.x, shown_min.y), paper);
            if (shown_max.y < max.y) list->AddRectFilled(ImVec2(min.x, shown_max.y), max, paper);
            const float top = std::max(min.y, shown_min.y), bottom = std::min(max.y, shown_max.y);
            if (shown_min.x > min.x) list->AddRectFilled(ImVec2(min.x, top), ImVec2(shown_min.x, bottom), paper);
            if (shown_max.x < max.x) list->AddRectFilled(ImVec2(shown_max.x, top), ImVec2(max.x, bottom), paper);
        }
        raster_.draw(*list, camera_);
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
    if (ui.button_area("map:area", min, size))
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
}

void MapScreen::record_markers(Ui& ui) {
    const float reach = std::max(ui.theme.touch() / 2, marker_radius(ui) * 1.6f);
    const ImVec2 min = camera_.viewport_min(), size = camera_.viewport_size();
    int stop = 0;
    for (const auto& m : markers_) {
        const ImVec2 s = camera_.to_screen(m.at);
        const std::string id = m.stop ? "stop:" + m.id + ":" + std::to_string(stop++) : "marker:" + m.id;
        if (s.x < min.x || s.y < min.y || s.x > min.x + size.x || s.y > min.y + size.y) continue;
        ui.hits.add(id, ImVec2(s.x - reach, s.y - reach), ImVec2(s.x + reach, s.y + reach));
    }
}

void MapScreen::draw_label(Ui& ui, ImDrawList* list, TextBlock& text, ImVec2 at) {
    const Theme& t = ui.theme;
    const float room = t.px(640), pad = t.px(10);
    const float h = text.layout(t.small, room), w = text.widest();
    const ImVec2 box_min(at.x - w / 2 - pad, at.y), box_max(at.x + w / 2 + pad, at.y + h + 2 * pad);
    list->AddRectFilled(box_min, box_max, with_alpha(t.background, 235), t.px(8));
    // A right-to-left block ends its lines at the right of the width it was laid out in.
    const float left = text.rtl() ? box_max.x - pad - room : box_min.x + pad;
    text.draw(list, ImVec2(left, at.y + pad), t.text, t.text);
}

void MapScreen::draw_legend(Ui& ui, ImVec2 min, ImVec2 size) {
    if (legend_.empty()) return;
    const Theme& t = ui.theme;
    const float pad = t.px(20), symbol = t.px(48), room = std::min(t.px(520), size.x / 2);
    float width = 0, height = 2 * pad;
    for (auto& row : legend_) {
        height += std::max(row.label.layout(t.small, room), symbol) + t.px(6);
        width = std::max(width, row.label.widest());
    }
    width += symbol + t.px(12) + 2 * pad;
    const bool rtl = ui.rtl();
    const float x0 = rtl ? min.x + size.x - t.px(24) - width : min.x + t.px(24);
    const ImVec2 box_min(x0, min.y + t.px(24)), box_max(x0 + width, box_min.y + height);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(box_min, box_max, with_alpha(t.background, 240), t.px(12));
    list->AddRect(box_min, box_max, t.card_border, t.px(12), 0, t.px(2));
    float y = box_min.y + pad;
    const float r = marker_radius(ui) * 0.8f;
    for (auto& row : legend_) {
        const float h = std::max(row.label.layout(t.small, room), symbol);
        const ImVec2 centre(rtl ? box_max.x - pad - symbol / 2 : box_min.x + pad + symbol / 2, y + h / 2);
        if (row.kind.empty()) draw_you_are_here(list, centre, r * 0.8f);
        else if (row.kind == "approximate") list->AddCircleFilled(centre, symbol / 2, with_alpha(t.muted, 70), 24);
        else if (row.kind == "stop") draw_marker(list, centre, r * 0.85f, marker_style("mobile_unit"), true);
        else draw_marker(list, centre, r, marker_style(row.kind));
        const float text_h = row.label.layout(t.small, room);
        const float left = rtl ? box_max.x - pad - symbol - t.px(12) - room : box_min.x + pad + symbol + t.px(12);
        row.label.draw(list, ImVec2(left, y + (h - text_h) / 2), t.text, t.text);
        y += h + t.px(6);
    }
}

void MapScreen::draw_controls(Ui& ui, ImVec2 min, ImVec2 size) {
    const Theme& t = ui.theme;
    const float side = t.touch(), gap = t.gap();
    const float x = ui.rtl() ? min.x + t.px(24) : min.x + size.x - t.px(24) - side;
    float y = min.y + size.y - t.px(24) - 3 * side - 2 * gap;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float bar = t.px(6), arm = side * 0.28f;
    const auto button = [&](const char* id, bool enabled) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const bool tapped = ui.blank_button(id, ImVec2(side, side), false, t.background);
        list->AddRect(ImVec2(x, y), ImVec2(x + side, y + side), t.card_border, t.px(12), 0, t.px(2));
        const ImVec2 c(x + side / 2, y + side / 2);
        y += side + gap;
        return std::pair{tapped && enabled, c};
    };
    const ImVec2 centre(min.x + size.x / 2, min.y + size.y / 2);
    const bool can_in = camera_.scale() < camera_.max_scale(), can_out = camera_.scale() > camera_.min_scale();
    const auto [zoom_in, plus] = button("map:zoom_in", can_in);
    list->AddRectFilled(ImVec2(plus.x - arm, plus.y - bar / 2), ImVec2(plus.x + arm, plus.y + bar / 2), can_in ? t.text : t.card_border);
    list->AddRectFilled(ImVec2(plus.x - bar / 2, plus.y - arm), ImVec2(plus.x + bar / 2, plus.y + arm), can_in ? t.text : t.card_border);
    const auto [zoom_out, minus] = button("map:zoom_out", can_out);
    list->AddRectFilled(ImVec2(minus.x - arm, minus.y - bar / 2), ImVec2(minus.x + arm, minus.y + bar / 2), can_out ? t.text : t.card_border);
    const auto [recenter, target] = button("map:recenter", true);
    // A target: where the map goes back to.
    list->AddCircle(target, arm * 0.8f, t.text, 24, bar * 0.7f);
    list->AddCircleFilled(target, bar * 0.8f, t.text, 12);
    for (const ImVec2 d : {ImVec2(1, 0), ImVec2(-1, 0), ImVec2(0, 1), ImVec2(0, -1)})
        list->AddLine(ImVec2(target.x + d.x * arm * 0.8f, target.y + d.y * arm * 0.8f),
                      ImVec2(target.x + d.x * arm * 1.25f, target.y + d.y * arm * 1.25f), t.text, bar * 0.7f);
    if (zoom_in) camera_.zoom_about(centre, 2);
    if (zoom_out) camera_.zoom_about(centre, 0.5f);
    if (recenter) {
        velocity_ = ImVec2(0, 0);
        home_view();
    }
}

void MapScreen::draw_attribution(Ui& ui, ImVec2 min, ImVec2 size) {
    if (attribution_.empty()) return;
    const Theme& t = ui.theme;
    const float pad = t.px(8), room = size.x - 2 * t.touch();
    const float h = attribution_.layout(t.small, room), w = attribution_.widest();
    // The corner away from the buttons, where it is always visible.
    const float x = ui.rtl() ? min.x + size.x - w - 2 * pad : min.x;
    const ImVec2 box_min(x, min.y + size.y - h - 2 * pad), box_max(x + w + 2 * pad, min.y + size.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(box_min, box_max, with_alpha(t.background, 220));
    attribution_.draw(list, ImVec2(box_min.x + pad, box_min.y + pad), t.text, t.text);
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
