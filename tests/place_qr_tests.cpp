// A place's screen: the QR code that opens directions on the visitor's phone, read back by the
// stock zbarimg from the frame the kiosk drew, and the Print button that appears only with a printer.
#include <doctest/doctest.h>

#include "kiosk/print/ticket_printer.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/screen_qr.hpp"

using namespace test;
using kiosk::Route;

namespace {

// Written out here, not built with the code under test: the URL a phone must get for Red Nova,
// to its address (seed 000), not to the approximate point on the kiosk's map.
const std::string kRedNovaDirections =
    "https://www.google.com/maps/dir/?api=1&destination=Corso%20Regina%20Margherita%20137%2C%20Torino&travelmode=walking";

struct RecordingPrinter : kiosk::TicketPrinter {
    bool succeed = true;
    std::vector<std::pair<std::string, std::string>> printed;  // place id or route, language
    bool print_place(const content::Bundle&, const content::PlaceView& place, const std::string& lang) override {
        printed.emplace_back(place.place.id, lang);
        return succeed;
    }
    bool print_route(const content::Bundle&, const Route& route, const std::string& lang) override {
        printed.emplace_back(route.str(), lang);
        return succeed;
    }
};

}  // namespace

TEST_CASE("the place screen's QR code reads as the directions URL, in English, Arabic and high contrast") {
    {
        Kiosk k(demo_bundle(), "en", Route::place("rednova-call-center"));
        CHECK(decode_screen(k, "place-en") == kRedNovaDirections);
    }
    {
        Kiosk k(demo_bundle(), "ar", Route::place("rednova-call-center"));
        CHECK(decode_screen(k, "place-ar") == kRedNovaDirections);
    }
    {
        Kiosk k(demo_bundle(), "en", Route::place("rednova-call-center"));
        k.app.toggle_high_contrast();
        k.runner.settle();
        REQUIRE(k.app.high_contrast());
        CHECK(decode_screen(k, "place-contrast") == kRedNovaDirections);
    }
    {
        Kiosk k(demo_bundle(), "zh", Route::place("rednova-call-center"), 1080, 1920);  // portrait: under the card
        CHECK(decode_screen(k, "place-portrait") == kRedNovaDirections);
    }
}

TEST_CASE("in portrait a place's code and its map button are above the fold, in every script") {
    for (const char* lang : {"en", "ar", "zh", "am", "bn"}) {
        INFO(lang);
        Kiosk k(demo_bundle(), lang, Route::place("rednova-call-center"), 1080, 1920);
        CHECK(decode_screen(k, std::string("portrait-") + lang) == kRedNovaDirections);  // in the frame, whole
        REQUIRE(k.runner.hits().center("place:map"));
        CHECK_FALSE(k.runner.hits().clipped("place:map"));
        CHECK(k.runner.hits().center("place:map")->y < 1920 * 0.6f);  // not under the page's fold and footer
        // A place without an address has no code, but its map button is up there too.
        Kiosk hub(demo_bundle(), lang, Route::place("hub-centro"), 1080, 1920);
        REQUIRE(hub.runner.hits().center("place:map"));
        CHECK_FALSE(hub.runner.hits().clipped("place:map"));
    }
}

TEST_CASE("a place without an address has no directions code, and says what to do instead") {
    for (const char* lang : {"en", "ar", "ti"}) {
        INFO(lang);
        Kiosk k(demo_bundle(), lang, Route::place("hub-centro"));
        CHECK(decode_screen(k, std::string("hub-") + lang).empty());
        // The panel's words are the language's "no directions", where the code would be.
        const auto& words = k.bundle->ui("place.no_directions", lang).text;
        CHECK(k.runner.screen_text().find(words) != std::string::npos);
    }
}

TEST_CASE("a mobile unit's QR code leads to its next stop when that stop has an address") {
    // The example stops of tests/fixtures/example-stops.csv; the demo has none (no seed gives one).
    Kiosk k(example_stops_bundle(), "en", Route::home());
    using namespace std::chrono;
    const auto show_unit_on = [&](sys_days day) {
        k.clock.set_wall(day + hours(12));
        k.app.open(Route::place("servizio-stranieri"));
        k.app.open(Route::place("mobile-unit"));
        k.runner.settle();
    };
    // Wednesday 2 December: the next stop, Thursday's in San Salvario, has only an approximate
    // point and no address: no code.
    show_unit_on(sys_days(year(2026) / December / day(2)));
    CHECK(decode_screen(k, "mobile-unit").empty());
    // Wednesday 9 December: the next stop, Thursday's, is at an address.
    show_unit_on(sys_days(year(2026) / December / day(9)));
    CHECK(decode_screen(k, "mobile-unit-address") ==
          "https://www.google.com/maps/dir/?api=1&destination=Largo%20Saluzzo%2C%20Torino&travelmode=walking");
    // After the last stop, the unit's own position, which is approximate: no code.
    show_unit_on(sys_days(year(2027) / April / day(1)));
    CHECK(decode_screen(k, "mobile-unit-later").empty());
}

TEST_CASE("the QR code sits beside the card on the line's far side: right in English, left in Arabic") {
    // The QR code is the one place with pure black on pure white; find its columns.
    auto qr_columns = [](Kiosk& k) {
        k.capture();
        int first = k.w, last = -1;
        for (int y = 0; y < k.h; ++y)
            for (int x = 0; x < k.w; ++x)
                if (k.at(x, y) == Rgb{0, 0, 0}) first = std::min(first, x), last = std::max(last, x);
        return std::make_pair(first, last);
    };
    Kiosk en(demo_bundle(), "en", Route::place("rednova-call-center"));
    const auto [en_first, en_last] = qr_columns(en);
    CHECK(en_first > kWidth / 2);
    Kiosk ar(demo_bundle(), "ar", Route::place("rednova-call-center"));
    const auto [ar_first, ar_last] = qr_columns(ar);
    CHECK(ar_last < kWidth / 2);
    CHECK(ar_last > ar_first);
    // About 40 mm on a 15.6" 1080p panel (5.56 px/mm): 200 to 260 px of code.
    CHECK(en_last - en_first >= 160);
    CHECK(en_last - en_first <= 260);
}

TEST_CASE("Print appears only with a printer, prints the place shown and counts tickets that came out") {
    SUBCASE("no printer: no button") {
        Kiosk k(demo_bundle(), "en", Route::place("rednova-call-center"));
        CHECK_FALSE(k.runner.hits().center("ticket:print"));
    }
    SUBCASE("a printer: the button prints this place in the visitor's language") {
        RecordingPrinter printer;
        std::vector<std::pair<std::string, std::string>> events;
        Kiosk k(demo_bundle(), "uk", Route::home());
        k.app.set_printer(&printer);
        k.app.set_listener([&](const std::string& e, const std::string& item) { events.emplace_back(e, item); });
        k.app.open(Route::place("hub-centro"));
        k.runner.settle();
        const auto [min, max] = k.rect("ticket:print");
        CHECK(max.y - min.y >= 96);  // a touch target
        k.tap("ticket:print");
        REQUIRE(printer.printed.size() == 1);
        CHECK(printer.printed[0] == std::make_pair(std::string("hub-centro"), std::string("uk")));
        CHECK(std::count(events.begin(), events.end(), std::make_pair(std::string("ticket_printed"), std::string("hub-centro"))) == 1);

        printer.succeed = false;  // out of paper: nothing to count
        k.tap("ticket:print");
        CHECK(printer.printed.size() == 2);
        CHECK(std::count_if(events.begin(), events.end(), [](const auto& e) { return e.first == "ticket_printed"; }) == 1);
    }
}

TEST_CASE("a link's QR screen offers Print with a printer, and prints that link") {
    {
        Kiosk k(demo_bundle(), "en", Route::qr("prenotafacile"));
        CHECK_FALSE(k.runner.hits().center("ticket:print"));
    }
    RecordingPrinter printer;
    std::vector<std::pair<std::string, std::string>> events;
    Kiosk k(demo_bundle(), "uk", Route::home());
    k.app.set_printer(&printer);
    k.app.set_listener([&](const std::string& e, const std::string& item) { events.emplace_back(e, item); });
    k.app.open(Route::qr("prenotafacile"));
    k.runner.settle();
    k.tap("ticket:print");
    REQUIRE(printer.printed.size() == 1);
    CHECK(printer.printed[0] == std::make_pair(std::string("qr/prenotafacile"), std::string("uk")));
    CHECK(events.back() == std::make_pair(std::string("ticket_printed"), std::string("prenotafacile")));
}
