#include "kiosk/screens/category_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

CategoryScreen::CategoryScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    if (auto c = bundle.category(app.route().id, app.lang())) {
        title_ = text_of(bundle, c->title, true);
        summary_ = text_of(bundle, c->summary);
        const auto& shown = c->summary.is_fallback ? c->summary : c->title;
        fallback_ = shown.is_fallback;
        if (fallback_) notice_ = fallback_notice(app, shown.lang);
    }
    for (const auto& g : bundle.guides_in(app.route().id, app.lang(), app.today()))
        cards_.push_back(card_text(bundle, g.id, g.title, g.summary));
}

void CategoryScreen::draw(Ui& ui) {
    if (fallback_) ui.notice(notice_);
    ui.text(title_, ui.theme.title, ui.theme.text);
    ui.text(summary_, ui.theme.body, ui.theme.muted);
    ImGui::Dummy(ImVec2(0, ui.theme.gap()));
    for (auto& card : cards_) {
        if (ui.card("guide:" + card.id, card.title, &card.summary, card.fallback)) {
            app_.open(Route::guide(card.id));
            return;
        }
    }
}

}  // namespace kiosk
