#include "kiosk/print/ticket.hpp"

#include "content/hours/opening_hours.hpp"
#include "content/model/directions.hpp"
#include "content/text/locale_format.hpp"
#include "content/text/phone_number.hpp"
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
    // The date and time in Torino as the language writes them, with the year: a ticket found
    // in a pocket next month says how old it is.
    const auto local = content::TimeZone::rome().local(at.now);
    const auto& format = content::locale_format(lang);
    t.footer = format.date(local.date, content::Placement::StartOfLine, true) + " " + isolated(format.time(local.minute_of_day()));
    if (!at.location.empty()) t.footer += " · " + at.location;
    return t;
}

// A place's hours for a ticket, read on another day: what holds now, the week (day by day, or
// days of the same hours together in a `summary`), and the public-holiday caveat.
void add_hours(Ticket& t, const content::Bundle& bundle, const std::string& lang, const content::Place& place, content::Instant now,
               bool summary) {
    const auto state = place_hours_now(bundle, lang, place.opening_hours, now);
    if (place.opening_hours.empty()) {
        t.lines.push_back(state.text);
        return;
    }
    try {
        const content::OpeningHours hours(place.opening_hours);
        if (!summary) t.lines.push_back(state.text);
        for (const auto& line : summary ? hours_summary(bundle, lang, hours, now) : hours_week(bundle, lang, hours, now)) t.lines.push_back(line);
        if (const auto caveat = holiday_caveat(bundle, lang, hours, now)) t.lines.push_back(*caveat);
    } catch (const content::OpeningHoursError&) {
        t.lines.push_back(say(bundle, "place.hours", lang) + ": " + place.opening_hours);
    }
}

}  // namespace

Ticket place_ticket(const content::Bundle& bundle, const content::PlaceView& p, const std::string& lang, const TicketContext& at) {
    Ticket t = start(bundle, lang, at);
    t.title = p.place.name;
    const auto label = [&](const char* key) { return say(bundle, key, lang) + ": "; };
    if (!p.place.address.empty()) t.lines.push_back(label("place.address") + p.place.address);
    add_hours(t, bundle, lang, p.place, at.now, false);
    if (!p.place.phone.empty()) t.lines.push_back(label("place.phone") + isolated(p.place.phone));
    if (const auto services = services_line(bundle, lang, p.services); !services.empty()) t.lines.push_back(services);
    if (p.access.found()) t.lines.push_back(label("place.access") + p.access.text);
    if (p.note.found()) t.lines.push_back(p.note.text);  // the next step: "call before you go"
    if (p.place.kind == "mobile_unit") {
        const auto stops = bundle.upcoming_stops(p.place.id, at.now, 3);
        if (!stops.empty()) t.lines.push_back(say(bundle, "stops.next", lang));
        for (const auto& stop : stops) t.lines.push_back(stop_line(bundle, lang, stop));
    }
    // The code most useful to take away: a call center is called, other places are walked to
    // (a mobile unit's next stop), and without an address the ticket says what to do instead.
    const auto next = p.place.kind == "mobile_unit" ? bundle.upcoming_stops(p.place.id, at.now, 1) : std::vector<content::Stop>{};
    const auto directions = next.empty() ? content::directions_url(bundle.meta(), p.place) : content::directions_url(bundle.meta(), next.front());
    if (p.place.kind == "call_center" && !p.place.phone.empty()) {
        t.qr_text = content::dial_uri(content::tel_for_phone(p.place.phone));
        t.qr_caption = fill(say(bundle, "qr.opens.tel", lang), "{number}", isolated(p.place.phone));
    } else if (directions) {
        t.qr_text = *directions;
        t.qr_caption = say(bundle, next.empty() ? "place.directions_qr" : "place.directions_next_stop", lang);
    } else {
        t.lines.push_back(say(bundle, "place.no_directions", lang));
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
        if (!p.place.phone.empty()) line += " · " + isolated(p.place.phone);
        t.lines.push_back(line);
        add_hours(t, bundle, lang, p.place, at.now, true);
    }
    for (size_t i = 0; i < g.links.size(); ++i) {
        const auto& link = g.links[i];
        // Phone numbers are read off the paper; the first link is the QR code, captioned below it.
        if (link.kind == "tel") t.lines.push_back(link.label.text + ": " + isolated(content::national_number(link.target)));
        else if (i > 0) t.lines.push_back(link.label.text);
    }
    if (!g.links.empty()) {
        const auto& first = g.links.front();
        t.qr_text = qr_text_of(first);
        t.qr_caption = first.label.text;
    }
    return t;
}

Ticket link_ticket(const content::Bundle& bundle, const content::LinkView& link, const std::string& lang, const TicketContext& at) {
    Ticket t = start(bundle, lang, at);
    t.title = link.label.text;
    t.qr_text = qr_text_of(link);
    if (link.approximate) t.lines.push_back(say(bundle, "directions.approximate", lang));
    if (link.kind == "tel") t.lines.push_back(isolated(content::national_number(link.target)));
    return t;
}

std::optional<Ticket> ticket_for(const content::Bundle& bundle, const Route& route, const std::string& lang, const TicketContext& at) {
    if (route.screen == Route::Screen::Place)
        if (const auto p = bundle.place(route.id, lang)) return place_ticket(bundle, *p, lang, at);
    if (route.screen == Route::Screen::Guide)
        if (const auto g = bundle.guide(route.id, lang, content::TimeZone::rome().local(at.now).date)) return guide_ticket(bundle, *g, lang, at);
    if (route.screen == Route::Screen::Qr)
        if (const auto l = bundle.link(route.id, lang)) return link_ticket(bundle, *l, lang, at);
    return std::nullopt;
}

}  // namespace kiosk
