#pragma once
// What the kiosk asks of a receipt printer: a ticket the visitor takes away. The printing issue
// implements it (ESC/POS on the USB printer); the app holds one only when a printer is
// configured, so a kiosk without a printer shows no Print button at all.
#include <string>

#include "bundle.hpp"

namespace kiosk {

class TicketPrinter {
public:
    virtual ~TicketPrinter() = default;
    /// Prints a place's ticket in `lang` (name, address, hours, phone and its directions QR
    /// code, from `bundle`); true when the printer took it, false when it could not print.
    /// Called in the frame that saw the tap: queue the job rather than wait for the paper.
    virtual bool print_place(const content::Bundle& bundle, const content::PlaceView& place, const std::string& lang) = 0;
};

}  // namespace kiosk
