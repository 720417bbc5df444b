#pragma once
#include <optional>

#include "kiosk/qr/qr_code.hpp"
#include "kiosk/screens/parts/print_button.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// One link as a QR code to scan, since a kiosk opens no browser and dials no number: the link's
/// label as the title, what the link does on the visitor's phone, the code big and centred,
/// "Scan with your phone's camera", and the address itself written beneath; with a printer, a
/// Print button for a ticket that carries the same code.
class QrScreen : public View {
public:
    explicit QrScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool listenable() const override { return true; }
    bool shows_code() const override { return code_.has_value(); }

private:
    // The header shows the title only when it fits one line, so the page repeats it.
    TextBlock title_, page_title_, notice_, opens_, scan_, target_;
    TextBlock approximate_;  // for directions to a position the source gives as approximate
    bool fallback_ = false;
    std::optional<QrCode> code_;
    PrintButton print_;
};

}  // namespace kiosk
