// Printed tickets, end to end: a place's or a guide's ticket laid out by the kiosk's own text
// engine, encoded as ESC/POS, read back by the tests' decoder, and its QR code decoded by the
// stock zbarimg from the picture that comes out on paper, in four scripts and on both papers.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/model/bundle_fonts.hpp"
#include "kiosk/print/print_queue.hpp"
#include "kiosk/print/ticket.hpp"
#include "tests/escpos_decoder.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

// Written out here, not built with the code under test: Red Nova's number as a phone dials it.
const std::string kRedNovaPhone = "tel:+3901101125500";

const content::Instant kTuesdayNoon = *content::parse_local_iso("2026-11-24T12:00");

struct Printed {
    escpos::Decoded decoded;
    std::string qr;  // what zbarimg reads on the paper
};

Printed print(const content::Bundle& bundle, const Route& route, const std::string& lang, int paper, kiosk::QrMode qr = kiosk::QrMode::Raster,
              content::Instant at = kTuesdayNoon) {
    const auto fonts = content::load_bundle_fonts(bundle);
    const auto ticket = kiosk::ticket_for(bundle, route, lang, {at, "Snodo Torino Solidale (kiosk example)"});
    REQUIRE(ticket);
    kiosk::TicketLayout layout{kiosk::escpos::dots_for_paper(paper), qr};
    Printed out{escpos::decode(kiosk::ticket_stream(*fonts, *ticket, layout)), {}};
    REQUIRE_MESSAGE(out.decoded.error.empty(), out.decoded.error);
    TempDir dir;
    const auto png = dir / "ticket.png";
    std::string error;
    REQUIRE_MESSAGE(escpos::write_png(out.decoded, png.string(), error), error);
    out.qr = run("zbarimg --quiet --raw --nodbus " + png.string() + " 2>/dev/null").output;
    while (!out.qr.empty() && (out.qr.back() == '\n' || out.qr.back() == '\r')) out.qr.pop_back();
    return out;
}

// The columns the first `rows` rows of the paper print on: [first, last], -1 when blank.
std::pair<int, int> ink_columns(const escpos::Decoded& d, int rows) {
    int first = d.width, last = -1;
    for (int y = 0; y < std::min(rows, d.height); ++y)
        for (int x = 0; x < d.width; ++x)
            if (d.dark[size_t(y * d.width + x)]) first = std::min(first, x), last = std::max(last, x);
    return {first, last};
}

}  // namespace

TEST_CASE("a call center's ticket: the QR code on paper calls it, in en, ar, zh and bn, on 58 and 80 mm") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    for (const int paper : {58, 80})
        for (const std::string lang : {"en", "ar", "zh", "bn"}) {
            CAPTURE(paper);
            CAPTURE(lang);
            const auto p = print(bundle, Route::place("rednova-call-center"), lang, paper);
            CHECK(p.qr == kRedNovaPhone);  // a call center is called: the phone, not the way there
            CHECK(p.decoded.width == (paper == 58 ? 384 : 576));
            CHECK(p.decoded.commands.front() == "ESC @");
            CHECK(p.decoded.commands.back() == "GS V");
            CHECK(p.decoded.height > 600);  // title, address, hours, phone, note, the code, the foot
        }
}

TEST_CASE("a place's ticket leads to an address on paper; without one it has no code and says what to do") {
    // The example stops: on Wednesday 9 December the mobile unit's next stop has an address.
    const content::Bundle stops(KIOSK_EXAMPLE_STOPS_BUNDLE);
    const auto wednesday = *content::parse_local_iso("2026-12-09T12:00");
    for (const std::string lang : {"en", "ar"}) {
        CAPTURE(lang);
        CHECK(print(stops, Route::place("mobile-unit"), lang, 58, kiosk::QrMode::Raster, wednesday).qr ==
              "https://www.google.com/maps/dir/?api=1&destination=Largo%20Saluzzo%2C%20Torino&travelmode=walking");
    }
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    CHECK(print(bundle, Route::place("hub-centro"), "ti", 58).qr.empty());
    const auto t = kiosk::ticket_for(bundle, Route::place("hub-centro"), "en", {kTuesdayNoon, ""});
    REQUIRE(t);
    CHECK(t->qr_text.empty());
    CHECK(std::find(t->lines.begin(), t->lines.end(), "No directions: the kiosk does not have the address. Ask or call before you go.") !=
          t->lines.end());
    CHECK(std::find(t->lines.begin(), t->lines.end(), "Hours not known — ask before you go") != t->lines.end());
}

TEST_CASE("a ticket's title starts at the reading edge: left in English, right in Arabic") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto en = print(bundle, Route::place("rednova-call-center"), "en", 80).decoded;
    const auto ar = print(bundle, Route::place("rednova-call-center"), "ar", 80).decoded;
    const auto [en_first, en_last] = ink_columns(en, 40);
    const auto [ar_first, ar_last] = ink_columns(ar, 40);
    REQUIRE(en_last > 0);
    REQUIRE(ar_last > 0);
    CHECK(en_first < 20);
    CHECK(ar_last > 576 - 20);
}

TEST_CASE("a guide's ticket carries its first link as the QR code") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    CHECK(print(bundle, Route::guide("permit-booking"), "zh", 58).qr == "https://prenotafacile.poliziadistato.it");
    CHECK(print(bundle, Route::guide("ukraine-call-center"), "uk", 80).qr == kRedNovaPhone);
    CHECK_FALSE(kiosk::ticket_for(bundle, Route::home(), "en", {kTuesdayNoon, ""}));
}

TEST_CASE("a guide's ticket carries its places' hours and one number format") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto t = kiosk::ticket_for(bundle, Route::guide("ukraine-call-center"), "en", {kTuesdayNoon, ""});
    REQUIRE(t);
    const auto has = [&](const std::string& line) { return std::find(t->lines.begin(), t->lines.end(), line) != t->lines.end(); };
    CHECK(has("Call center Red Nova — Corso Regina Margherita 137 (piano terra), Torino · \u2066011 0112 5500\u2069"));
    CHECK(has("Monday–Friday: \u206609:00–17:00\u2069"));  // seed 000: "dal lunedì al venerdì, dalle 9 alle 17"
    CHECK(has("Saturday–Sunday: closed"));
    CHECK(has("May be closed on public holidays"));
    CHECK(has("Call the Red Nova call center: \u2066011 0112 5500\u2069"));
    for (const auto& line : t->lines) CHECK_MESSAGE(line.find("+39") == std::string::npos, line);
    // A guide about places whose hours no source gives says so for each.
    const auto food = kiosk::ticket_for(bundle, Route::guide("food-help"), "en", {kTuesdayNoon, ""});
    CHECK(std::count(food->lines.begin(), food->lines.end(), "Hours not known — ask before you go") == 3);
}

TEST_CASE("a link's ticket (for the QR screens): its label as the title, its address as the QR code") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto link = bundle.link("rednova-phone", "ar");
    REQUIRE(link);
    const auto t = kiosk::link_ticket(bundle, *link, "ar", {kTuesdayNoon, ""});
    CHECK(t.rtl);
    CHECK(t.title == link->label.text);
    CHECK(t.qr_text == kRedNovaPhone);
    REQUIRE(t.lines.size() == 1);
    CHECK(t.lines[0] == "\u2066011 0112 5500\u2069");  // the number as said in Italy, left to right even on an Arabic ticket
}

TEST_CASE("every link's ticket, printed from its QR screen, carries a code that reads as the link") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto ids = bundle.link_ids();
    REQUIRE(ids.size() >= 5);
    for (const auto& id : ids) {
        const auto link = bundle.link(id, "en");
        REQUIRE(link);
        std::string dialled = link->target;  // a tel: link's groups are for reading, not dialling
        if (dialled.starts_with("tel:")) std::erase(dialled, '-');
        CHECK_MESSAGE(print(bundle, Route::qr(id), "en", 58).qr == dialled, id);
    }
}

TEST_CASE("with the printer's own QR command the URL goes to the printer as text, the rest as raster") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto p = print(bundle, Route::place("rednova-call-center"), "ar", 58, kiosk::QrMode::Native);
    REQUIRE(p.decoded.native_qr.size() == 1);
    CHECK(p.decoded.native_qr[0] == kRedNovaPhone);
    CHECK(p.qr.empty());  // no raster code: the printer draws it
    CHECK(std::count(p.decoded.commands.begin(), p.decoded.commands.end(), "GS ( k") == 5);
}

TEST_CASE("the ticket's words: the essentials and the foot in the visitor's language") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto t = kiosk::ticket_for(bundle, Route::place("rednova-call-center"), "en", {kTuesdayNoon, "Kiosk 3, example"});
    REQUIRE(t);
    CHECK_FALSE(t->rtl);
    CHECK(t->title.find("Red Nova") != std::string::npos);
    const auto has = [&](const std::string& start) {
        return std::any_of(t->lines.begin(), t->lines.end(), [&](const std::string& l) { return l.rfind(start, 0) == 0; });
    };
    CHECK(has("Address: "));
    CHECK(has("Phone: \u2066011 0112 5500\u2069"));
    CHECK(has("May be closed on public holidays"));
    CHECK(t->qr_caption == "Calls \u2066011 0112 5500\u2069 from your phone");
    CHECK(t->footer == "Tuesday, 24 November 2026 \u206612:00\u2069 · Kiosk 3, example");
    const auto ar = kiosk::ticket_for(bundle, Route::place("rednova-call-center"), "ar", {kTuesdayNoon, ""});
    CHECK(ar->rtl);
    CHECK(ar->footer == "الثلاثاء، ٢٤ نوفمبر ٢٠٢٦ \u2066١٢:٠٠\u2069");  // the date and digits of ICU's Arabic
}

TEST_CASE("kiosk --print-to writes the bytes a printer receives, --print-preview the paper, with no display") {
    TempDir dir;
    const auto bin = dir / "ticket.bin", png = dir / "ticket.png";
    const auto r = run(std::string("SDL_VIDEODRIVER=none DISPLAY= ") + KIOSK_PROGRAM + " --bundle " + KIOSK_DEMO_BUNDLE +
                       " --open place/rednova-call-center --lang bn --paper 58 --print-to " + bin.string() + " --print-preview " +
                       png.string() + " 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    const auto text = read(bin);
    const auto d = escpos::decode(std::vector<uint8_t>(text.begin(), text.end()));
    REQUIRE_MESSAGE(d.error.empty(), d.error);
    CHECK(d.width == 384);
    CHECK(run("zbarimg --quiet --raw --nodbus " + png.string() + " 2>/dev/null").output == kRedNovaPhone + "\n");
    const auto bad = run(std::string(KIOSK_PROGRAM) + " --bundle " + KIOSK_DEMO_BUNDLE + " --open home --print-to " + bin.string() + " 2>&1");
    CHECK(bad.status != 0);
    CHECK(bad.output.find("has no ticket") != std::string::npos);
}
