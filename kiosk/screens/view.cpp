#include "view.hpp"

#include "../app.hpp"
#include "../words.hpp"
#include "admin_screen.hpp"
#include "attract_screen.hpp"
#include "category_screen.hpp"
#include "guide_screen.hpp"
#include "home_screen.hpp"
#include "language_screen.hpp"
#include "map_screen.hpp"
#include "place_screen.hpp"
#include "places_screen.hpp"
#include "qr_screen.hpp"
#include "search_screen.hpp"

namespace kiosk {

std::unique_ptr<View> make_view(App& app) {
    switch (app.route().screen) {
        case Route::Screen::Attract: return std::make_unique<AttractScreen>(app);
        case Route::Screen::Languages: return std::make_unique<LanguageScreen>(app);
        case Route::Screen::Home: return std::make_unique<HomeScreen>(app);
        case Route::Screen::Category: return std::make_unique<CategoryScreen>(app);
        case Route::Screen::Guide: return std::make_unique<GuideScreen>(app);
        case Route::Screen::Admin: return std::make_unique<AdminScreen>(app);
        case Route::Screen::Place: return std::make_unique<PlaceScreen>(app);
        case Route::Screen::Search: return std::make_unique<SearchScreen>(app);
        case Route::Screen::Places: return std::make_unique<PlacesScreen>(app);
        case Route::Screen::Map: return std::make_unique<MapScreen>(app);
        case Route::Screen::Qr: return std::make_unique<QrScreen>(app);
    }
    return std::make_unique<HomeScreen>(app);
}

static bool is_rtl(const content::Bundle& bundle, const std::string& lang) {
    const auto* l = bundle.language(lang);
    return l && l->direction == content::Direction::RightToLeft;
}

TextBlock text_of(const content::Bundle& bundle, const content::Localized& text, bool bold) {
    return TextBlock::plain(text.text, text.lang, is_rtl(bundle, text.lang), bold);
}

std::string fallback_marker(const content::Bundle& bundle, const content::Localized& text) {
    if (!text.is_fallback) return {};
    const auto* l = bundle.language(text.lang);
    return l ? l->native_name : text.lang;
}

CardText card_text(const content::Bundle& bundle, const std::string& id, const content::Localized& title,
                   const content::Localized& summary) {
    return {id, text_of(bundle, title), text_of(bundle, summary), fallback_marker(bundle, title)};
}

TextBlock fallback_notice(const App& app, const std::string& shown_lang) {
    auto notice = app.bundle().ui("fallback.notice", app.lang());
    const auto* l = app.bundle().language(shown_lang);
    const std::string name = l ? l->native_name : shown_lang;
    notice.text = fill(notice.text, "{language}", name);
    return text_of(app.bundle(), notice);
}

}  // namespace kiosk
