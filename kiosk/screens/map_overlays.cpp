// The map screen's overlays, drawn over the map every frame: the labels under the kiosk and
// the focused place, the legend, the zoom and recenter buttons, the attribution.
#include <algorithm>

#include "kiosk/app/app.hpp"
#include "kiosk/map/map_markers.hpp"
#include "kiosk/screens/map_screen.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

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
        else if (row.kind == "hours_unknown") draw_question_badge(list, centre, symbol * 0.4f, t.text);
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
    const auto button = [&](const char* id, const content::Localized& name, bool enabled) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        const bool tapped = ui.blank_button(id, name, ImVec2(side, side), false, t.background);
        list->AddRect(ImVec2(x, y), ImVec2(x + side, y + side), t.card_border, t.px(12), 0, t.px(2));
        const ImVec2 c(x + side / 2, y + side / 2);
        y += side + gap;
        return std::pair{tapped && enabled, c};
    };
    const ImVec2 centre(min.x + size.x / 2, min.y + size.y / 2);
    const bool can_in = camera_.scale() < camera_.max_scale(), can_out = camera_.scale() > camera_.min_scale();
    const auto [zoom_in, plus] = button("map:zoom_in", app_.bundle().ui("map.zoom_in", app_.lang()), can_in);
    list->AddRectFilled(ImVec2(plus.x - arm, plus.y - bar / 2), ImVec2(plus.x + arm, plus.y + bar / 2), can_in ? t.text : t.card_border);
    list->AddRectFilled(ImVec2(plus.x - bar / 2, plus.y - arm), ImVec2(plus.x + bar / 2, plus.y + arm), can_in ? t.text : t.card_border);
    const auto [zoom_out, minus] = button("map:zoom_out", app_.bundle().ui("map.zoom_out", app_.lang()), can_out);
    list->AddRectFilled(ImVec2(minus.x - arm, minus.y - bar / 2), ImVec2(minus.x + arm, minus.y + bar / 2), can_out ? t.text : t.card_border);
    const auto [recenter, target] = button("map:recenter", app_.bundle().ui("map.recenter", app_.lang()), true);
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

}  // namespace kiosk
