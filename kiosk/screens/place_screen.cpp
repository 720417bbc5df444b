#include "kiosk/screens/place_screen.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

PlaceScreen::PlaceScreen(App& app) : notices_(dated_notices(app, "place:" + app.route().id)) {
    if (const auto place = app.bundle().place(app.route().id, app.lang())) {
        card_ = place_card(app, *place, true);
        panel_.emplace(app, *place);
    }
}

void PlaceScreen::draw(Ui& ui) {
    for (auto& notice : notices_) ui.notice(notice);
    if (!panel_) {
        draw_info_card(ui, card_);
        return;
    }
    const Theme& t = ui.theme;
    const float panel = panel_->width(ui), gap = t.px(40);
    // Beside the card when the card keeps a comfortable reading width, else above it: on a
    // portrait screen the card runs long, and the code must be in view without scrolling.
    if (ImGui::GetContentRegionAvail().x - panel - gap < t.px(900)) {
        panel_->draw_row(ui);
        draw_info_card(ui, card_);
        return;
    }
    // A table gives each side its own width (draw_info_card fills the width it is given). The
    // panel is at the line's end: right in left-to-right languages, left in right-to-left, with
    // the gap on the card's side.
    const bool rtl = ui.rtl();
    const int card_column = rtl ? 1 : 0, panel_column = rtl ? 0 : 1;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0, 0));
    if (ImGui::BeginTable("place", 2)) {
        for (int column = 0; column < 2; ++column)
            if (column == card_column) ImGui::TableSetupColumn("card", ImGuiTableColumnFlags_WidthStretch);
            else ImGui::TableSetupColumn("panel", ImGuiTableColumnFlags_WidthFixed, panel + gap);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(card_column);
        draw_info_card(ui, card_);
        ImGui::TableSetColumnIndex(panel_column);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(rtl ? at.x : at.x + gap, at.y));
        panel_->draw(ui);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

}  // namespace kiosk
