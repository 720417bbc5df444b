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

// Written out here, not built with the code under test.
const std::string kRedNovaDirections =
    "https://www.google.com/maps/dir/?api=1&destination=45.07970,7.67120&travelmode=walking";

const content::Instant kTuesdayNoon = *content::parse_local_iso("2026-11-24T12:00");

struct Printed {
    escpos::Decoded decoded;
    std::string qr;  // what zbarimg reads on the paper
};

Printed print(const content::Bundle& bundle, const Route& route, const std::string& lang, int paper, kiosk::QrMode qr = kiosk::QrMode::Raster) {
    const auto fonts = content::load_bundle_fonts(bundle);
    const auto ticket = kiosk::ticket_for(bundle, route, lang, {kTuesdayNoon, "Snodo Torino Solidale (kiosk example)"});
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

TEST_CASE("a place's ticket: the QR code on paper reads as the directions URL in en, ar, zh and bn, on 58 and 80 mm") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    for (const int paper : {58, 80})
        for (const std::string lang : {"en", "ar", "zh", "bn"}) {
            CAPTURE(paper);
            CAPTURE(lang);
            const auto p = print(bundle, Route::place("rednova-call-center"), lang, paper);
            CHECK(p.qr == kRedNovaDirections);
            CHECK(p.decoded.width == (paper == 58 ? 384 : 576));
            CHECK(p.decoded.commands.front() == "ESC @");
            CHECK(p.decoded.commands.back() == "GS V");
            CHECK(p.decoded.height > 600);  // title, address, hours, phone, note, the code, the foot
        }
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
    CHECK(print(bundle, Route::guide("ukraine-call-center"), "uk", 80).qr == "tel:+3901101125500");
    CHECK_FALSE(kiosk::ticket_for(bundle, Route::home(), "en", {kTuesdayNoon, ""}));
}

TEST_CASE("a link's ticket (for the QR screens): its label as the title, its address as the QR code") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto link = bundle.link("rednova-phone", "ar");
    REQUIRE(link);
    const auto t = kiosk::link_ticket(bundle, *link, "ar", {kTuesdayNoon, ""});
    CHECK(t.rtl);
    CHECK(t.title == link->label.text);
    CHECK(t.qr_text == "tel:+3901101125500");
    REQUIRE(t.lines.size() == 1);
    CHECK(t.lines[0] == "\u2066+3901101125500\u2069");  // the number, left to right even on an Arabic ticket
}

TEST_CASE("every link's ticket, printed from its QR screen, carries a code that reads as the link") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto ids = bundle.link_ids();
    REQUIRE(ids.size() >= 5);
    for (const auto& id : ids) {
        const auto link = bundle.link(id, "en");
        REQUIRE(link);
        CHECK_MESSAGE(print(bundle, Route::qr(id), "en", 58).qr == link->target, id);
    }
}

TEST_CASE("with the printer's own QR command the URL goes to the printer as text, the rest as raster") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto p = print(bundle, Route::place("rednova-call-center"), "ar", 58, kiosk::QrMode::Native);
    REQUIRE(p.decoded.native_qr.size() == 1);
    CHECK(p.decoded.native_qr[0] == kRedNovaDirections);
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
    CHECK(has("Phone: "));
    CHECK(t->qr_caption == "Scan with your phone for directions");
    CHECK(t->footer == "Tuesday 24 November 2026 12:00 · Kiosk 3, example");
    CHECK(kiosk::ticket_for(bundle, Route::place("rednova-call-center"), "ar", {kTuesdayNoon, ""})->rtl);
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
    CHECK(run("zbarimg --quiet --raw --nodbus " + png.string() + " 2>/dev/null").output == kRedNovaDirections + "\n");
    const auto bad = run(std::string(KIOSK_PROGRAM) + " --bundle " + KIOSK_DEMO_BUNDLE + " --open home --print-to " + bin.string() + " 2>&1");
    CHECK(bad.status != 0);
    CHECK(bad.output.find("has no ticket") != std::string::npos);
}
