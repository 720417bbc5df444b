#include "place_screen.hpp"

#include "../app.hpp"
#include "../ui.hpp"

namespace kiosk {

PlaceScreen::PlaceScreen(App& app) {
    if (const auto place = app.bundle().place(app.route().id, app.lang())) card_ = place_card(app, *place, true);
}

void PlaceScreen::draw(Ui& ui) { draw_info_card(ui, card_); }

}  // namespace kiosk
