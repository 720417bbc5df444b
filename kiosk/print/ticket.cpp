#include "kiosk/print/ticket.hpp"

#include <cstdio>

#include "content/hours/opening_hours.hpp"
#include "content/model/directions.hpp"
#include "kiosk/words/hours_text.hpp"
#include "kiosk/words/place_text.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

namespace {

Ticket start(const content::Bundle& bundle, const std::string& lang, const TicketContext& at) {
    Ticket t;
    t.lang = lang;
    const auto* l = bundle.language(lang);
    t.rtl = l && l->direction == content::Direction::RightToLeft;
    // The date as the language writes it on the place screens ("Tuesday 24 November"), the
    // year and Torino's clock: a ticket found in a pocket next month says how old it is.
    const auto local = content::TimeZone::rome().local(at.now);
    const std::string date = date_text(bundle, lang, local.date);
    char clock[16];
    std::snprintf(clock, sizeof clock, " %d %02d:%02d", local.date.year, local.hour, local.minute);
    t.footer = date + clock;
    if (!at.location.empty()) t.footer += " · " + at.location;
    return t;
}

}  // namespace

Ticket place_ticket(const content::Bundle& bundle, const content::PlaceView& p, const std::string& lang, const TicketContext& at) {
    Ticket t = start(bundle, lang, at);
    t.title = p.place.name;
    const auto label = [&](const char* key) { return say(bundle, key, lang) + ": "; };
    if (!p.place.address.empty()) t.lines.push_back(label("place.address") + p.place.address);
    if (!p.place.opening_hours.empty()) {
        try {  // the week ahead: the visitor reads the ticket on another day
            const content::OpeningHours hours(p.place.opening_hours);
            t.lines.push_back(hours_now(bundle, lang, hours, at.now));
            for (const auto& day : hours_week(bundle, lang, hours, at.now)) t.lines.push_back(day);
        } catch (const content::OpeningHoursError&) {
            t.lines.push_back(label("place.hours") + p.place.opening_hours);
        }
    } else {
        t.lines.push_back(say(bundle, "place.hours_unknown", lang));
    }
    if (!p.place.phone.empty()) t.lines.push_back(label("place.phone") + p.place.phone);
    if (const auto services = services_line(bundle, lang, p.services); !services.empty()) t.lines.push_back(services);
    if (p.access.found()) t.lines.push_back(label("place.access") + p.access.text);
    if (p.note.found()) t.lines.push_back(p.note.text);  // the next step: "call before you go"
    if (p.place.kind == "mobile_unit") {
        const auto stops = bundle.upcoming_stops(p.place.id, at.now, 3);
        if (!stops.empty()) t.lines.push_back(say(bundle, "stops.next", lang));
        for (const auto& stop : stops) t.lines.push_back(stop_line(bundle, lang, stop));
    }
    if (content::has_position(p.place))
        if (const auto url = content::directions_url(bundle.meta(), p.place)) {
            t.qr_text = *url;
            t.qr_caption = say(bundle, "place.directions_qr", lang);
        }
    return t;
}

Ticket guide_ticket(const content::Bundle& bundle, const content::GuideView& g, const std::string& lang, const TicketContext& at) {
    Ticket t = start(bundle, lang, at);
    t.title = g.title;
    if (!g.summary.empty()) t.lines.push_back(g.summary);
    for (const auto& p : g.places) {
        std::string line = p.place.name;
        if (!p.place.address.empty()) line += " — " + p.place.address;
        if (!p.place.phone.empty()) line += " · " + p.place.phone;
        t.lines.push_back(line);
    }
    for (size_t i = 0; i < g.links.size(); ++i) {
        const auto& link = g.links[i];
        // Phone numbers are read off the paper; the first link is the QR code, captioned below it.
        if (link.kind == "tel") t.lines.push_back(link.label.text + ": " + link.target.substr(link.target.rfind(':') + 1));
        else if (i > 0) t.lines.push_back(link.label.text);
    }
    if (!g.links.empty()) {
        t.qr_text = g.links.front().target;
        t.qr_caption = g.links.front().label.text;
    }
    return t;
}

Ticket link_ticket(const content::Bundle& bundle, const content::LinkView& link, const std::string& lang, const TicketContext& at) {
    Ticket t = start(bundle, lang, at);
    t.title = link.label.text;
    t.qr_text = link.target;
    // A number reads left to right in every language: isolated, its "+" stays in front on an
    // Arabic or Persian ticket.
    if (link.kind == "tel") t.lines.push_back("\u2066" + link.target.substr(link.target.rfind(':') + 1) + "\u2069");
    return t;
}

std::optional<Ticket> ticket_for(const content::Bundle& bundle, const Route& route, const std::string& lang, const TicketContext& at) {
    if (route.screen == Route::Screen::Place)
        if (const auto p = bundle.place(route.id, lang)) return place_ticket(bundle, *p, lang, at);
    if (route.screen == Route::Screen::Guide)
        if (const auto g = bundle.guide(route.id, lang)) return guide_ticket(bundle, *g, lang, at);
    if (route.screen == Route::Screen::Qr)
        if (const auto l = bundle.link(route.id, lang)) return link_ticket(bundle, *l, lang, at);
    return std::nullopt;
}

}  // namespace kiosk
