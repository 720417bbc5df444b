#pragma once
#include "info_card.hpp"
#include "view.hpp"

namespace kiosk {

/// One place: its name, address, hours, phone and note (where search leads for a place).
class PlaceScreen : public View {
public:
    explicit PlaceScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return card_.heading; }

private:
    InfoCard card_;
};

}  // namespace kiosk
