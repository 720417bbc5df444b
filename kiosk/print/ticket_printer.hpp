#pragma once
// What the kiosk asks of a receipt printer: a ticket the visitor takes away. PrintQueue
// (print_queue.hpp) implements it with ESC/POS on the configured printer; the app holds one
// only when a printer is configured, so a kiosk without a printer shows no Print button at all.
#include <string>

#include "content/model/bundle.hpp"
#include "kiosk/app/route.hpp"

namespace kiosk {

class TicketPrinter {
public:
    virtual ~TicketPrinter() = default;
    /// Prints a place's ticket in `lang` (name, address, hours, phone and its directions QR
    /// code, from `bundle`); true when the ticket was taken for printing, false when it was not
    /// (another still printing, no fonts). Called in the frame that saw the tap: queue the job
    /// rather than wait for the paper; how it ends is state().
    virtual bool print_place(const content::Bundle& bundle, const content::PlaceView& place, const std::string& lang) = 0;
    /// Prints the ticket of the screen `route` shows (a place or a guide), as print_place.
    virtual bool print_route(const content::Bundle& bundle, const Route& route, const std::string& lang) {
        if (route.screen != Route::Screen::Place) return false;
        const auto place = bundle.place(route.id, lang);
        return place && print_place(bundle, *place, lang);
    }

    /// How the last ticket is doing, for the line under the Print button.
    enum class State { Idle, Printing, Printed, Failed };
    virtual State state() const { return State::Idle; }
    /// One line for the admin panel: the printer, and its last problem if any.
    virtual std::string status_line() const { return "configured"; }
    /// The printer's state as the console's fleet view reads it: ok, paper_out or offline.
    virtual std::string fleet_state() const { return "ok"; }
};

}  // namespace kiosk
