// A link's QR screen: every link of the demo bundle, as `kiosk-bundle links` lists it, is read
// back by zbarimg from the frame the kiosk drew, in English, Arabic, high contrast and on a
// portrait screen; modules stay at least 0.8 mm; visits are counted once.
#include <doctest/doctest.h>

#include <sstream>

#include "kiosk/qr/qr_code.hpp"
#include "tests/test_support.hpp"
#include "tests/screen_qr.hpp"

using namespace test;
using kiosk::Route;

namespace {

struct Link {
    std::string id, target;
};

// The links as a content manager sees them: from the command-line tool, not the code under test.
std::vector<Link> demo_links() {
    const auto r = run(std::string(KIOSK_BUNDLE_TOOL) + " links " + demo_bundle().string());
    REQUIRE(r.status == 0);
    std::vector<Link> links;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);) {
        const auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, "no tab in " << line);
        links.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return links;
}

// What a phone must read for a link: a tel: link without the separators that mark its groups
// (RFC 3966 visual separators, which not every dialler takes), any other as written.
std::string scanned(const Link& link) {
    std::string text = link.target;
    if (text.starts_with("tel:")) std::erase(text, '-');
    return text;
}

// Every link's QR screen in turn, reached from home as a visitor would.
void check_every_link(Kiosk& k, const std::string& name) {
    const auto links = demo_links();
    REQUIRE(links.size() >= 5);
    for (const auto& link : links) {
        CAPTURE(link.id);
        k.app.open(Route::qr(link.id));
        k.runner.settle();
        REQUIRE(k.app.route() == Route::qr(link.id));
        CHECK(decode_screen(k, name + "-" + link.id) == scanned(link));
        k.app.home();
        k.runner.settle();
    }
}

// The QR code is the one thing drawn in pure black: its dark modules' box, in pixels.
struct Box {
    int x0, y0, x1, y1;  // inclusive
};
Box black_box(Kiosk& k) {
    k.capture();
    Box b{k.w, k.h, -1, -1};
    for (int y = 0; y < k.h; ++y)
        for (int x = 0; x < k.w; ++x)
            if (k.at(x, y) == Rgb{0, 0, 0}) b = {std::min(b.x0, x), std::min(b.y0, y), std::max(b.x1, x), std::max(b.y1, y)};
    return b;
}

}  // namespace

TEST_CASE("kiosk-bundle links lists the demo bundle's links, ids and targets as in links.csv") {
    const auto links = demo_links();
    REQUIRE(links.size() == 5);
    CHECK(links[0].id == "prenotafacile");
    CHECK(links[0].target == "https://prenotafacile.poliziadistato.it");
    CHECK(links[2].target == "tel:+39-011-0112-5500");
    CHECK(scanned(links[2]) == "tel:+3901101125500");
}

TEST_CASE("a phone number's QR screen writes the number as it is said in Italy, the code dials it") {
    Kiosk k(demo_bundle(), "en", Route::qr("rednova-phone"));
    CHECK(decode_screen(k, "phone") == "tel:+3901101125500");
    const auto text = k.runner.drawn_text();
    CHECK(std::count(text.begin(), text.end(), "Calls \u2066011 0112 5500\u2069 from your phone") == 1);
    CHECK(std::count(text.begin(), text.end(), "011 0112 5500") == 1);  // under the code, not tel:+39…
    CHECK(k.runner.screen_text().find("tel:") == std::string::npos);
    CHECK(k.runner.screen_text().find("geo:") == std::string::npos);
}

TEST_CASE("directions to an approximate position say so on the QR screen") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    write(src / "links.csv", read(src / "links.csv") + "hub-way,directions,https://www.google.com/maps/dir/?api=1%26destination=45.068%2C7.68\n");
    replace_in_file(src / "links.csv", "id,kind,target\n", "id,kind,target,approximate\n");
    std::string csv;
    std::istringstream rows(read(src / "links.csv"));
    for (std::string row; std::getline(rows, row);) csv += row + (row.starts_with("id,") ? "\n" : row.starts_with("hub-way") ? ",yes\n" : ",\n");
    write(src / "links.csv", csv);
    write(src / "lang/en/strings.txt", read(src / "lang/en/strings.txt") + "link.hub-way.label = To the central hub\n");
    const auto r = run(std::string(KIOSK_BUNDLE_TOOL) + " build " + src.string() + " -o " + (dir / "b.kbundle").string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    Kiosk k(dir / "b.kbundle", "en", Route::qr("hub-way"));
    CHECK(k.runner.screen_text().find("This leads to an approximate position, not to the door.") != std::string::npos);
    Kiosk exact(demo_bundle(), "en", Route::qr("rednova-directions"));
    CHECK(exact.runner.screen_text().find("approximate") == std::string::npos);
}

TEST_CASE("every link's QR screen reads as the link, in English, Arabic, high contrast and portrait") {
    SUBCASE("English") {
        Kiosk k(demo_bundle(), "en", Route::home());
        check_every_link(k, "en");
    }
    SUBCASE("Arabic, right to left") {
        Kiosk k(demo_bundle(), "ar", Route::home());
        check_every_link(k, "ar");
    }
    SUBCASE("high contrast: still dark on light") {
        Kiosk k(demo_bundle(), "en", Route::home());
        k.app.toggle_high_contrast();
        k.runner.settle();
        REQUIRE(k.app.high_contrast());
        check_every_link(k, "contrast");
    }
    SUBCASE("portrait 1080x1920") {
        Kiosk k(demo_bundle(), "zh", Route::home(), 1080, 1920);
        check_every_link(k, "portrait");
    }
}

TEST_CASE("modules are whole pixels of at least 0.8 mm, with the quiet zone, on a configured screen") {
    // A 21.5" panel (476 mm wide: 4.03 px/mm, 0.8 mm is 3.2 px) and a 13.3" one (294 mm: 6.5 px/mm).
    for (const float width_mm : {476.0f, 294.0f}) {
        CAPTURE(width_mm);
        kiosk::Settings settings;
        settings.screen_width_mm = width_mm;
        settings.screen_height_mm = width_mm * 9 / 16;
        const float px_per_mm = kWidth / width_mm;
        Kiosk k(demo_bundle(), "en", Route::qr("rednova-directions"), kWidth, kHeight, settings);
        REQUIRE(k.app.route() == Route::qr("rednova-directions"));
        const auto target = k.app.bundle().link("rednova-directions", "en")->target;
        std::string error;
        const auto code = kiosk::QrCode::encode(target, error);
        REQUIRE(code);
        const Box b = black_box(k);
        // The finder patterns' dark edges span the whole symbol, corner to corner.
        const int span = b.x1 - b.x0 + 1;
        CHECK(span == b.y1 - b.y0 + 1);
        REQUIRE(span % code->size() == 0);
        const int module = span / code->size();
        CHECK(static_cast<float>(module) / px_per_mm >= 0.8f);
        // Four modules of white all round.
        const int quiet = module * kiosk::QrCode::kQuietZone;
        auto white = [&](int x0, int y0, int x1, int y1) {
            return k.count(Rgb{255, 255, 255}, static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1), static_cast<float>(y1));
        };
        const int band = (span + 2 * quiet) * quiet;
        CHECK(white(b.x0 - quiet, b.y0 - quiet, b.x1 + 1 + quiet, b.y0) == band);
        CHECK(white(b.x0 - quiet, b.y1 + 1, b.x1 + 1 + quiet, b.y1 + 1 + quiet) == band);
        CHECK(decode_screen(k, "configured") == target);
    }
}

TEST_CASE("the error correction level follows the length: strong for short links, M for long ones") {
    std::string error;
    const auto tel = kiosk::QrCode::encode("tel:112", error);
    REQUIRE(tel);
    CHECK(tel->level() == kiosk::QrCode::Level::H);
    const auto booking = kiosk::QrCode::encode("https://prenotafacile.poliziadistato.it", error);
    REQUIRE(booking);
    CHECK(booking->level() == kiosk::QrCode::Level::H);
    CHECK(booking->size() <= kiosk::QrCode::kMaxStrongSize);
    const auto directions =
        kiosk::QrCode::encode("https://www.google.com/maps/dir/?api=1&destination=45.07970,7.67120&travelmode=walking", error);
    REQUIRE(directions);
    CHECK(directions->level() == kiosk::QrCode::Level::M);
}

TEST_CASE("qr/<link id>: an unknown link leads home; the route reads and writes its text form") {
    CHECK(Route::parse("qr/prenotafacile") == Route::qr("prenotafacile"));
    CHECK(Route::qr("emergency-112").str() == "qr/emergency-112");
    CHECK_FALSE(Route::parse("qr/"));
    Kiosk k(demo_bundle(), "en", Route::qr("no-such-link"));
    CHECK(k.app.route() == Route::home());
    k.app.open(Route::qr("no-such-link"));
    CHECK(k.app.route() == Route::home());
}

TEST_CASE("a QR screen is counted once per visit, not again when the visitor switches language") {
    std::vector<std::pair<std::string, std::string>> events;
    Kiosk k(demo_bundle(), "en", Route::home());
    k.app.set_listener([&](const std::string& e, const std::string& item) { events.emplace_back(e, item); });
    auto shown = [&] { return std::count(events.begin(), events.end(), std::make_pair(std::string("qr_shown"), std::string("prenotafacile"))); };
    k.app.open(Route::qr("prenotafacile"));
    k.runner.settle();
    CHECK(shown() == 1);
    k.app.set_language("ar");
    k.runner.settle();
    k.app.set_language("en");
    k.runner.settle();
    CHECK(shown() == 1);
    k.app.home();
    k.app.open(Route::qr("prenotafacile"));
    CHECK(shown() == 2);
}

TEST_CASE("a guide's link card opens the link's QR screen, in the visitor's language") {
    Kiosk k(demo_bundle(), "fa", Route::guide("permit-booking"));
    // The links come last: the visitor scrolls down to them.
    for (int i = 0; i < 10 && (!k.runner.hits().center("link:prenotafacile") || k.runner.hits().clipped("link:prenotafacile")); ++i)
        k.drag(ImVec2(960, 800), ImVec2(960, 300), 8, 120);
    k.tap("link:prenotafacile");
    CHECK(k.app.route() == Route::qr("prenotafacile"));
    CHECK(k.app.lang() == "fa");
    CHECK(decode_screen(k, "from-guide") == "https://prenotafacile.poliziadistato.it");
}

TEST_CASE("a phone number or link inside a guide's text is tappable: it opens that link's QR screen") {
    for (const char* lang : {"en", "fa", "zh"}) {
        INFO(lang);
        Kiosk k(demo_bundle(), lang, Route::guide("ukraine-call-center"));
        k.scroll_to("inline:rednova-phone");
        k.tap("inline:rednova-phone");
        CHECK(k.app.route() == Route::qr("rednova-phone"));
        CHECK(decode_screen(k, std::string("inline-") + lang) == "tel:+3901101125500");
    }
    // The emergency number in the psychological-support guide, and the booking site in the permit guide.
    Kiosk k(demo_bundle(), "ar", Route::guide("psychological-support"));
    k.scroll_to("inline:emergency-112");
    k.tap("inline:emergency-112");
    CHECK(k.app.route() == Route::qr("emergency-112"));
    k.app.open(Route::guide("permit-booking"));
    k.runner.settle();
    k.scroll_to("inline:prenotafacile");
    k.tap("inline:prenotafacile");
    CHECK(k.app.route() == Route::qr("prenotafacile"));
}

TEST_CASE("on a QR screen the visitor gets longer, and the countdown never covers the code") {
    // The kiosk's defaults: 90 s, the last 10 counted down. On a QR screen 180 s.
    Kiosk k(demo_bundle(), "en", Route::home());
    k.tap("category:documents");
    k.tap("guide:permit-booking");
    k.tap("link:prenotafacile");
    REQUIRE(k.app.route() == Route::qr("prenotafacile"));
    const auto wait = [&](int seconds) {
        for (int i = 0; i < seconds * 10; ++i) k.step(100);
    };
    wait(85);
    CHECK_FALSE(k.runner.counting_down());  // a normal screen would be counting down by now
    wait(90);                               // 175 s: the last ten
    REQUIRE(k.runner.counting_down());
    CHECK(k.runner.screen_text().find("Still there?") != std::string::npos);
    // The camera still reads the code, with the countdown on screen.
    CHECK(decode_screen(k, "qr-countdown") == "https://prenotafacile.poliziadistato.it");
    wait(6);
    CHECK(k.app.route() == Route::attract());  // and then the visit ends as usual
    // Elsewhere, the usual patience and the card over a veiled page.
    Kiosk home(demo_bundle(), "en", Route::home());
    for (int i = 0; i < 850; ++i) home.step(100);
    CHECK(home.runner.counting_down());
}
