#include "kiosk/screens/home_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

HomeScreen::HomeScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    const std::string& lang = app.lang();
    title_ = text_of(bundle, bundle.ui("home.heading", lang), true);
    notices_ = dated_notices(app, "home");
    const content::CivilDate today = app.today();
    if (bundle.has_places())
        actions_.push_back({Route::places(), "pin", card_text(bundle, "nav:places", bundle.ui("places.title", lang), {})});
    for (const auto& id : bundle.meta().home_links)
        if (const auto link = bundle.link(id, lang); link && bundle.shown("link", id, today))
            actions_.push_back({Route::qr(id), link->kind == "tel" ? "phone" : "info", card_text(bundle, "action:" + id, link->label, {})});
    for (const auto& c : bundle.categories(lang)) {
        const auto guides = bundle.guides_in(c.id, lang, today);
        if (guides.empty()) continue;  // none of its guides is shown today
        const Route target = guides.size() == 1 ? Route::guide(guides.front().id) : Route::category(c.id);
        categories_.push_back({target, c.icon, card_text(bundle, "category:" + c.id, c.title, c.summary)});
    }
}

float HomeScreen::grid_height(Ui& ui, std::vector<Card>& cards, int columns, bool summaries) const {
    const Theme& t = ui.theme;
    const auto n = static_cast<size_t>(columns);
    const float width = (ImGui::GetContentRegionAvail().x - t.gap() * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float height = 0;
    for (size_t i = 0; i < cards.size(); i += n) {
        float row = 0;
        for (size_t k = i; k < std::min(i + n, cards.size()); ++k) {
            auto& text = cards[k].text;
            row = std::max(row, ui.card_height(text.title, summaries ? &text.summary : nullptr, text.fallback, width, cards[k].icon));
        }
        height += row + t.gap();
    }
    return height;
}

bool HomeScreen::draw_grid(Ui& ui, std::vector<Card>& cards, int columns, bool summaries) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const auto n = static_cast<size_t>(columns);
    const float width = (avail - t.gap() * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < cards.size(); i += n) {
        const size_t end = std::min(i + n, cards.size());
        float row = 0;
        for (size_t k = i; k < end; ++k) {
            auto& text = cards[k].text;
            row = std::max(row, ui.card_height(text.title, summaries ? &text.summary : nullptr, text.fallback, width, cards[k].icon));
        }
        for (size_t k = i; k < end; ++k) {
            // In right-to-left languages the first card is on the right.
            const auto col = static_cast<float>(ui.rtl() ? n - 1 - (k - i) : k - i);
            ImGui::SetCursorScreenPos(ImVec2(cursor.x + col * (width + t.gap()), cursor.y));
            auto& text = cards[k].text;
            if (ui.card(text.id, text.title, summaries ? &text.summary : nullptr, text.fallback, width, row, cards[k].icon)) {
                app_.open(cards[k].target);
                return false;
            }
        }
        cursor.y += row + t.gap();
        ImGui::SetCursorScreenPos(cursor);
    }
    return true;
}

void HomeScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    // The question is the header's title (on its own row on a portrait screen): the page's room
    // goes to the answers.
    const int columns = ImGui::GetContentRegionAvail().x > t.px(1400) ? 3 : 2;
    for (auto& notice : notices_) ui.notice(notice);
    if (!actions_.empty() && !draw_grid(ui, actions_, static_cast<int>(actions_.size()), false)) return;
    ImGui::Dummy(ImVec2(0, t.px(8)));
    const bool summaries = grid_height(ui, categories_, columns, true) <= ImGui::GetContentRegionAvail().y;
    if (!draw_grid(ui, categories_, columns, summaries)) return;
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, 0));
}

}  // namespace kiosk
