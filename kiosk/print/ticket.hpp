#pragma once
// What a printed ticket says, before it is laid out: built from the screen the visitor is on
// (a place, a guide, a link), in their language, from the same texts the screen shows. Plain
// data: the raster (ticket_raster.hpp) and the printer never look at the bundle.
#include <optional>
#include <string>
#include <vector>

#include "content/hours/time_zone.hpp"
#include "content/model/bundle.hpp"
#include "kiosk/app/route.hpp"

namespace kiosk {

struct Ticket {
    std::string lang;
    bool rtl = false;
    std::string title;
    std::vector<std::string> lines;  // the essentials, one paragraph each: address, hours, phone, next step
    std::string qr_text;             // what the QR code carries; empty: no code
    std::string qr_caption;          // what scanning it does, in the visitor's language
    std::string footer;              // when and where it was printed
};

/// What the kiosk prints: `location` names the kiosk (configuration `location`), `now` dates it.
struct TicketContext {
    content::Instant now;
    std::string location;
};

Ticket place_ticket(const content::Bundle& bundle, const content::PlaceView& place, const std::string& lang, const TicketContext& at);
/// A guide's title, summary, its places' addresses and phones, and its first link as the QR code
/// (the guide's next step: book, call, find the way).
Ticket guide_ticket(const content::Bundle& bundle, const content::GuideView& guide, const std::string& lang, const TicketContext& at);
/// A link's label and its address as the QR code (the QR screens' `qr/<link id>`).
Ticket link_ticket(const content::Bundle& bundle, const content::LinkView& link, const std::string& lang, const TicketContext& at);

/// The ticket for the screen `route` shows (place/<id>, guide/<id>); nothing for other screens
/// or an id the bundle does not have.
std::optional<Ticket> ticket_for(const content::Bundle& bundle, const Route& route, const std::string& lang, const TicketContext& at);

}  // namespace kiosk
