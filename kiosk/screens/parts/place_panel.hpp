#pragma once
// What a visitor takes away from a place's screen: a QR code that opens directions on their
// phone (or, when the kiosk knows no address, what to do instead), and, when the kiosk has a
// printer, a Print button for a ticket; and the way to the place on the kiosk's own map. Drawn beside the place's card on a wide screen, under it on a
// narrow one.
#include <optional>

#include "content/model/bundle.hpp"
#include "kiosk/qr/qr_code.hpp"
#include "kiosk/screens/parts/print_button.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

class App;
struct Ui;

class PlacePanel {
public:
    /// Reads what the panel shows; logs (and leaves out the QR code) when the directions URL
    /// cannot be made or encoded.
    PlacePanel(const App& app, const content::PlaceView& place);
    PlacePanel(const PlacePanel&) = delete;  // its Print button points back at its place
    PlacePanel& operator=(const PlacePanel&) = delete;
    /// The panel's width on this theme: the QR code's (about 40 mm on the glass) or the Print
    /// button's, whichever is wider.
    float width(const Ui& ui) const;
    /// Draws the panel `width()` wide with its left edge at the cursor, and advances the cursor. A tap on Print
    /// prints the ticket and tells the app's listener "ticket_printed" when it came out.
    void draw(Ui& ui);
    /// The same across the available width, for a narrow (portrait) screen where it comes before
    /// the card: the QR code at the reading edge, its caption and the buttons beside it, so the
    /// code and the map button are on screen without scrolling.
    void draw_row(Ui& ui);
    const std::optional<QrCode>& qr() const { return qr_; }

private:
    float qr_side(const Ui& ui) const;
    void draw_buttons(Ui& ui, float x, float w);

    content::PlaceView place_;
    std::optional<QrCode> qr_;
    TextBlock caption_;
    TextBlock on_map_;  // "Show on the map": empty when the bundle has no map or the place no position
    PrintButton print_;  // after place_: it prints that place
};

}  // namespace kiosk
