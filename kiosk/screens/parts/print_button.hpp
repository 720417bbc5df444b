#pragma once
// The Print button of a screen that has a ticket (a place, a guide), and under it, after a tap,
// how the ticket is doing: "Printing your ticket…", "Take your ticket", or "Printer unavailable
// — scan the code instead". Shown only when the kiosk has a printer.
#include <functional>
#include <string>

#include "kiosk/print/ticket_printer.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

class App;
struct Ui;

class PrintButton {
public:
    /// `print` queues the ticket and says whether the printer took it; `item` is what the
    /// "ticket_printed" event names (the place or guide id).
    PrintButton(const App& app, std::function<bool()> print, std::string item);
    bool shown() const { return shown_; }
    /// Draws the button `width` wide at the cursor's line start `x`, then the state line.
    void draw(Ui& ui, float x, float width);

private:
    std::function<bool()> print_;
    std::string item_;
    bool shown_ = false, asked_ = false;
    TextBlock label_, printing_, printed_, unavailable_;
};

}  // namespace kiosk
