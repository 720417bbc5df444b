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
    // A mobile unit is wherever its next stop is: that is where the directions lead.
    content::Place destination = place.place;
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    const auto next = destination.kind == "mobile_unit" ? bundle.upcoming_stops(destination.id, now, 1) : std::vector<content::Stop>{};
    if (!next.empty()) destination.lat = next.front().lat, destination.lon = next.front().lon;
    if (content::has_position(destination)) {
        if (const auto url = content::directions_url(bundle.meta(), destination)) {
            std::string error;
            qr_ = QrCode::encode(*url, error);
            if (!qr_) platform::log::problem("place " + place.place.id + ": no directions QR code: " + error);
        } else {
            platform::log::problem(bundle.path().string() + ": directions_url " + bundle.meta().directions_url +
                         " cannot be used: no directions QR codes. Fix: rebuild the bundle with kiosk-bundle build");
        }
    }
    caption_ = text_of(bundle, bundle.ui(next.empty() ? "place.directions_qr" : "place.directions_next_stop", app.lang()));
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
        const float h = caption_.layout(t.body, w);
        caption_.draw(list, ImVec2(x, ImGui::GetCursorScreenPos().y), t.text, t.link);
        ImGui::Dummy(ImVec2(w, h + t.gap()));
    }
    print_.draw(ui, x, w);
    if (!on_map_.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        if (ui.button("place:map", on_map_, ImVec2(w, t.touch()), false, t.header, t.header_text)) ui.app.open(Route::map(place_.place.id));
    }
}

}  // namespace kiosk
