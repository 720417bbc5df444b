#include "kiosk/screens/home_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

HomeScreen::HomeScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    title_ = text_of(bundle, bundle.ui("home.heading", app.lang()), true);
    for (const auto& c : bundle.categories(app.lang()))
        cards_.push_back({Route::category(c.id), card_text(bundle, "category:" + c.id, c.title, c.summary)});
    if (bundle.has_places())
        cards_.push_back({Route::places(), card_text(bundle, "nav:places", bundle.ui("places.title", app.lang()),
                                                     bundle.ui("places.summary", app.lang()))});
}

void HomeScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    // Two columns; in right-to-left languages the first card is on the right.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = (avail - t.gap()) / 2;
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < cards_.size(); i += 2) {
        float row = 0;
        for (size_t k = i; k < std::min(i + 2, cards_.size()); ++k)
            row = std::max(row, ui.card_height(cards_[k].text.title, &cards_[k].text.summary, cards_[k].text.fallback, width));
        for (size_t k = i; k < std::min(i + 2, cards_.size()); ++k) {
            const bool first = k == i;
            const float x = cursor.x + ((first != ui.rtl()) ? 0 : width + t.gap());
            ImGui::SetCursorScreenPos(ImVec2(x, cursor.y));
            auto& card = cards_[k].text;
            if (ui.card(card.id, card.title, &card.summary, card.fallback, width, row)) {
                app_.open(cards_[k].target);
                return;
            }
        }
        cursor.y += row + t.gap();
        ImGui::SetCursorScreenPos(cursor);
    }
    ImGui::Dummy(ImVec2(avail, 0));
}

}  // namespace kiosk
