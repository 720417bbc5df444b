#pragma once
#include <optional>
#include <vector>

#include "kiosk/screens/parts/info_card.hpp"
#include "kiosk/screens/parts/place_panel.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// One place: its card (name, address, hours, phone, note) and beside or above it the QR code
/// for directions and the Print button (where search and the places list lead for a place).
class PlaceScreen : public View {
public:
    explicit PlaceScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return card_.heading; }
    bool listenable() const override { return true; }
    bool shows_code() const override { return panel_ && panel_->qr().has_value(); }

private:
    std::vector<TextBlock> notices_;  // notices.csv's on this place, shown today
    InfoCard card_;
    std::optional<PlacePanel> panel_;
};

}  // namespace kiosk
