#include "kiosk/shell/screen_stack.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/screens/admin_screen.hpp"
#include "kiosk/screens/attract_screen.hpp"
#include "kiosk/screens/category_screen.hpp"
#include "kiosk/screens/guide_screen.hpp"
#include "kiosk/screens/home_screen.hpp"
#include "kiosk/screens/language_screen.hpp"
#include "kiosk/screens/map_screen.hpp"
#include "kiosk/screens/place_screen.hpp"
#include "kiosk/screens/places_screen.hpp"
#include "kiosk/screens/qr_screen.hpp"
#include "kiosk/screens/search_screen.hpp"

namespace kiosk {

namespace {

std::unique_ptr<View> build(App& app) {
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

}  // namespace

View& ScreenStack::current() {
    if (!view_ || built_for_ != app_.screen_changes()) {
        if (view_) retired_.push_back(std::move(view_));
        view_ = build(app_);
        built_for_ = app_.screen_changes();
    }
    return *view_;
}

void ScreenStack::collect() { retired_.clear(); }

}  // namespace kiosk
