#include "kiosk/screens/parts/place_panel.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>

#include "content/model/directions.hpp"
#include "content/model/text_slots.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/qr/qr_draw.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/ui/view.hpp"
#include "platform/log.hpp"

namespace kiosk {

PlacePanel::PlacePanel(const App& app, const content::PlaceView& place)
    : place_(place),
      print_(app, [&app, this] { return app.printer()->print_place(app.bundle(), place_, app.lang()); }, place.place.id) {
    const auto& bundle = app.bundle();
    // A mobile unit is wherever its next stop is: that is where the directions lead. Directions
    // go to an address or an exact position; an approximate one would send a visitor astray.
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    const auto next = place.place.kind == "mobile_unit" ? bundle.upcoming_stops(place.place.id, now, 1) : std::vector<content::Stop>{};
    const auto url = next.empty() ? content::directions_url(bundle.meta(), place.place) : content::directions_url(bundle.meta(), next.front());
    if (url) {
        std::string error;
        qr_ = QrCode::encode(*url, error);
        if (!qr_) platform::log::problem("place " + place.place.id + ": no directions QR code: " + error);
    }
    caption_ = text_of(bundle, bundle.ui(!qr_ ? "place.no_directions" : next.empty() ? "place.directions_qr" : "place.directions_next_stop",
                                         app.lang()));
    if (bundle.map() && content::has_position(place.place)) on_map_ = text_of(bundle, bundle.ui("place.on_map", app.lang()), true);
}

// About 40 mm on the glass, modules never under 0.8 mm: a phone reads it from arm's length.
float PlacePanel::qr_side(const Ui& ui) const { return qr_ ? qr_side_mm(*qr_, ui.theme, 40) : 0; }

// Wide enough for the QR code, and for the Print and map labels validate lets through.
float PlacePanel::width(const Ui& ui) const { return std::max(qr_side(ui), ui.theme.px(content::action_button_slot().button_width)); }

void PlacePanel::draw(Ui& ui) {
    const Theme& t = ui.theme;
    const float w = width(ui);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float x = ImGui::GetCursorScreenPos().x;
    if (qr_) {
        // At the panel's start, under the caption's first words: right in right-to-left languages.
        const float qr_w = qr_side(ui);
        const ImVec2 at(ui.rtl() ? x + w - qr_w : x, ImGui::GetCursorScreenPos().y);
        const float side = draw_qr(list, at, *qr_, qr_w);
        ImGui::Dummy(ImVec2(side, side + t.px(12)));
    }
    // Under the code, what it does; without one, why there is none and what to do instead.
    const float h = caption_.layout(t.body, w);
    caption_.draw(list, ImVec2(x, ImGui::GetCursorScreenPos().y), t.text, t.link);
    ImGui::Dummy(ImVec2(w, h + t.gap()));
    draw_buttons(ui, x, w);
}

void PlacePanel::draw_buttons(Ui& ui, float x, float w) {
    print_.draw(ui, x, w);
    if (!on_map_.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        if (ui.button("place:map", on_map_, ImVec2(w, ui.theme.touch()), false, ui.theme.header, ui.theme.header_text))
            ui.app.open(Route::map(place_.place.id));
    }
}

void PlacePanel::draw_row(Ui& ui) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float qr_w = qr_side(ui), gap = qr_ ? t.px(32) : 0;
    const float side = qr_ ? draw_qr(ImGui::GetWindowDrawList(), ImVec2(ui.rtl() ? start.x + avail - qr_w : start.x, start.y), *qr_, qr_w) : 0;
    // Beside the code: its caption (or why there is none), then Print and the map.
    const float w = std::min(avail - side - gap, std::max(width(ui), t.px(420)));
    const float x = ui.rtl() ? start.x + avail - side - gap - w : start.x + side + gap;
    const float h = caption_.layout(t.body, w);
    caption_.draw(ImGui::GetWindowDrawList(), ImVec2(x, start.y), t.text, t.link);
    ImGui::SetCursorScreenPos(ImVec2(x, start.y + h + t.gap()));
    draw_buttons(ui, x, w);
    const float bottom = std::max(ImGui::GetCursorScreenPos().y, start.y + side);
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
    ImGui::Dummy(ImVec2(avail, t.gap()));
}

}  // namespace kiosk
