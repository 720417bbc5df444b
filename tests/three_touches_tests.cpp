// What a first-time visitor came for, reached from the attract screen in every language, touch
// by touch as a finger would, and checked on the frame: the call center's phone number and hours
// on screen, a residence-permit booking QR code that zbarimg reads, the nearest food hub's card.
// The counts are the README's touch-count table, which this test reads back.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "content/text/locale_format.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/screen_qr.hpp"

using namespace test;
using kiosk::Route;

namespace {

kiosk::Settings at_servizio_stranieri() {
    kiosk::Settings s;
    s.position = std::make_pair(45.0703, 7.6869);  // the food hub nearest it is hub-centro
    return s;
}

// A visitor at the attract screen; `touches` counts every tap.
struct Visit {
    explicit Visit(const std::string& lang, int width = kWidth, int height = kHeight)
        : k(demo_bundle(), "it", Route::attract(), width, height, at_servizio_stranieri()) {
        k.clock.set_wall(*content::parse_local_iso("2026-11-27T10:00"));  // a Friday morning
        k.runner.settle();
        touch("lang:" + lang);
        REQUIRE(k.app.lang() == lang);
    }
    void touch(const std::string& control) {
        REQUIRE_MESSAGE(!k.runner.hits().clipped(control), control << " is not wholly on screen");
        k.tap(control);
        ++touches;
    }
    // True when a text containing `part` is wholly in view, and the frame has ink where it is.
    bool shows(const std::string& part) {
        k.capture();
        const auto& drawn = k.runner.drawn();
        for (size_t i = 0; i < drawn.blocks.size(); ++i) {
            if (drawn.blocks[i].find(part) == std::string::npos) continue;
            const auto& [min, max] = drawn.boxes[i];
            const auto& [vmin, vmax] = drawn.visible[i];
            const bool whole = vmin.x == min.x && vmin.y == min.y && vmax.y == max.y && max.y <= static_cast<float>(k.h);
            if (whole && ink(min, max) > 0) return true;
        }
        return false;
    }
    // Pixels of text in a box: clearly darker than the light cards and page (grey text included).
    int ink(ImVec2 min, ImVec2 max) const {
        int n = 0;
        for (int y = static_cast<int>(min.y); y < std::min(static_cast<int>(max.y), k.h); ++y)
            for (int x = static_cast<int>(min.x); x < std::min(static_cast<int>(max.x), k.w); ++x) {
                const Rgb c = k.at(x, y);
                n += c.r + c.g + c.b < 400;
            }
        return n;
    }
    Kiosk k;
    int touches = 0;
};

struct Counts {
    int phone = 0, booking = 0, food = 0;
    bool operator==(const Counts&) const = default;
};

Counts measure(const std::string& lang) {
    Counts c;
    {  // The call center's number and its hours (seed 000), on screen.
        Visit v(lang);
        v.touch("category:ukraine");
        CHECK(v.shows("011 0112 5500"));
        const auto& format = content::locale_format(lang);  // "۹:۰۰–۱۷:۰۰" in Persian
        CHECK(v.shows(format.time(9 * 60) + "–" + format.time(17 * 60)));
        c.phone = v.touches;
    }
    {  // A code that opens the booking portal on the visitor's phone.
        Visit v(lang);
        v.touch("category:documents");
        v.touch("guide:permit-booking");
        v.touch("link:prenotafacile");
        CHECK(decode_screen(v.k, "booking-" + lang) == "https://prenotafacile.poliziadistato.it");
        c.booking = v.touches;
    }
    {  // The nearest food hub, first in the list and wholly on screen.
        Visit v(lang);
        v.touch("nav:places");
        v.touch("filter:food_hub");
        v.k.capture();
        REQUIRE(v.k.runner.hits().center("place:hub-centro"));
        CHECK_FALSE(v.k.runner.hits().clipped("place:hub-centro"));
        const auto [min, max] = v.k.rect("place:hub-centro");
        CHECK(v.ink(min, max) > 0);
        for (const char* other : {"place:hub-nord", "place:hub-sud"})
            if (const auto at = v.k.runner.hits().center(other)) CHECK(at->y > min.y);  // farther: lower
        c.food = v.touches;
    }
    return c;
}

// The README's table: "| `it` Italiano | 2 | 4 | 3 |".
std::map<std::string, Counts> readme_table() {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/README.md");
    std::map<std::string, Counts> table;
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("| `")) continue;
        const auto end = line.find('`', 3);
        std::istringstream cells(line.substr(line.find('|', end) + 1));
        Counts c;
        char bar = 0;
        if (cells >> c.phone >> bar >> c.booking >> bar >> c.food) table[line.substr(3, end - 3)] = c;
    }
    return table;
}

}  // namespace

TEST_CASE("in every language: the call center's phone and hours in 2 touches, a booking QR in 4, the nearest food hub in 3") {
    const auto table = readme_table();
    const content::Bundle bundle(demo_bundle());
    REQUIRE(table.size() == bundle.languages().size());
    for (const auto& language : bundle.languages()) {
        INFO(language.code);
        const Counts c = measure(language.code);
        CHECK(c.phone <= 3);
        CHECK(c.booking <= 4);
        CHECK(c.food <= 3);
        REQUIRE(table.contains(language.code));
        CHECK(table.at(language.code) == c);  // the README says what was measured
    }
}

TEST_CASE("the same three ways in every language, by the kiosk program itself driven by --script") {
    // One run of `kiosk --script` walks all 16 languages from the attract screen: each way's
    // touches, then what it must show wholly in view (expect-text) or a screenshot whose QR code
    // zbarimg reads.
    const content::Bundle bundle(demo_bundle());
    TempDir dir;
    std::string script;
    for (const auto& language : bundle.languages()) {
        const std::string& lang = language.code;
        const auto& format = content::locale_format(lang);
        const auto hub = bundle.place("hub-centro", lang);
        REQUIRE(hub);
        script += "restart\ntap-item lang:" + lang + "\ntap-item category:ukraine\n"  // 2 touches
                  "expect-text 011 0112 5500\nexpect-text " + format.time(9 * 60) + "–" + format.time(17 * 60) + "\n"
                  "restart\ntap-item lang:" + lang + "\ntap-item category:documents\ntap-item guide:permit-booking\ntap-item link:prenotafacile\n"  // 4
                  "screenshot " + (dir / ("booking-" + lang + ".png")).string() + "\n"
                  "restart\ntap-item lang:" + lang + "\ntap-item nav:places\ntap-item filter:food_hub\n"  // 3
                  "expect-text " + hub->place.name + "\n";
    }
    write(dir / "ways.kscript", script);
    write(dir / "here.conf", "position = 45.0703, 7.6869\n");  // Servizio Stranieri: hub-centro is nearest
    const auto r = run(std::string("SDL_VIDEODRIVER=offscreen ") + KIOSK_PROGRAM + " --bundle " + demo_bundle().string() + " --config " +
                       (dir / "here.conf").string() + " --script " + (dir / "ways.kscript").string() + " 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.output);
    for (const auto& language : bundle.languages()) {
        INFO(language.code);
        const auto qr = run("zbarimg --quiet --raw --nodbus " + (dir / ("booking-" + language.code + ".png")).string() + " 2>/dev/null");
        CHECK(qr.output == "https://prenotafacile.poliziadistato.it\n");
    }

    // The check is real: the end of a long guide, below the fold, is refused.
    write(dir / "below.kscript", "expect-text Ask the City's\n");
    const auto below = run(std::string("SDL_VIDEODRIVER=offscreen ") + KIOSK_PROGRAM + " --bundle " + demo_bundle().string() +
                           " --lang en --open guide/food-help --script " + (dir / "below.kscript").string() + " 2>&1");
    CHECK(below.status != 0);
    CHECK(below.output.find("is not wholly in view") != std::string::npos);
}

TEST_CASE("the home screen's actions and categories are all on screen without scrolling, landscape and portrait") {
    const content::Bundle bundle(demo_bundle());
    for (const auto& size : {std::pair{kWidth, kHeight}, std::pair{1080, 1920}})
        for (const auto& language : bundle.languages()) {
            const int width = size.first, height = size.second;  // not a binding: clang 14 cannot capture those
            INFO(language.code << " at " << width << "x" << height);
            Kiosk k(demo_bundle(), language.code, Route::home(), width, height);
            std::vector<std::string> controls = {"nav:places", "action:emergency-112"};
            for (const auto& c : bundle.categories(language.code)) controls.push_back("category:" + c.id);
            for (const auto& id : controls) {
                INFO(id);
                CHECK(k.runner.hits().center(id));
                CHECK_FALSE(k.runner.hits().clipped(id));
            }
            // In portrait the language footer takes about a tenth of the screen at most.
            if (width > height) continue;
            float footer_top = static_cast<float>(height);
            for (const auto& [id, rect] : k.runner.hits().all())
                if (id.starts_with("lang:") || id == "nav:languages") footer_top = std::min(footer_top, rect.first.y);
            CHECK(static_cast<float>(height) - footer_top <= 0.11f * static_cast<float>(height) + 1);
            // "Choose your language" is written inside its button, in Urdu's tall Nastaliq too.
            k.capture();
            CHECK(k.text_box_in(bundle.ui("language.prompt", language.code).text, "nav:languages"));
        }
}

TEST_CASE("a category with one guide opens the guide; one with several lists them") {
    Kiosk k(demo_bundle(), "en", Route::home());
    k.tap("category:ukraine");
    CHECK(k.app.route() == Route::guide("ukraine-call-center"));
    k.app.home();
    k.runner.settle();
    k.tap("category:documents");
    CHECK(k.app.route() == Route::category("documents"));
}

TEST_CASE("the header shows the date and time in Torino, in the visitor's language, and turns with the minute") {
    Kiosk k(demo_bundle(), "en", Route::home());
    k.clock.set_wall(*content::parse_local_iso("2026-12-06T09:41"));
    k.app.open(Route::places());
    k.runner.settle();
    CHECK(k.runner.screen_text().find("Sunday, 6 December \u206609:41\u2069") != std::string::npos);
    k.step(60'000);
    CHECK(k.runner.screen_text().find("Sunday, 6 December \u206609:42\u2069") != std::string::npos);
    k.app.set_language("it");
    k.runner.settle();
    CHECK(k.runner.screen_text().find("Domenica 6 dicembre \u206609:42\u2069") != std::string::npos);
}

TEST_CASE("\"Show to the staff\" sets a guide in Italian beside the visitor's language, on the visitor's far side") {
    const content::Bundle bundle(demo_bundle());
    const auto italian = bundle.guide("permit-booking", "it")->title;
    for (const std::string lang : {"fa", "zh", "am"}) {
        INFO(lang);
        Kiosk k(demo_bundle(), lang, Route::guide("permit-booking"), kWidth, 3000);
        const auto own = bundle.guide("permit-booking", lang)->title;
        CHECK(k.runner.screen_text().find(italian) == std::string::npos);
        k.tap("guide:staff");
        k.capture();
        const auto& drawn = k.runner.drawn();
        // The last time each title was drawn: the page's own title comes first, the column's later.
        const auto box_of = [&](const std::string& text) {
            std::pair<ImVec2, ImVec2> box{};
            bool found = false;
            for (size_t i = 0; i < drawn.blocks.size(); ++i)
                if (drawn.blocks[i] == text) box = drawn.boxes[i], found = true;
            CHECK_MESSAGE(found, "not drawn: " << text);
            return std::pair{found, box};
        };
        const auto staff = box_of(italian);
        const auto visitor = box_of(own);
        // Side by side: the two titles on one line, the Italian on the far side of the reader's.
        CHECK(staff.second.first.y == doctest::Approx(visitor.second.first.y));
        if (lang == "fa") CHECK(staff.second.second.x < visitor.second.first.x);
        else CHECK(staff.second.first.x > visitor.second.second.x);
        k.tap("guide:staff");  // and back
        CHECK(k.runner.screen_text().find(italian) == std::string::npos);
    }
    Kiosk it(demo_bundle(), "it", Route::guide("permit-booking"));
    CHECK_FALSE(it.runner.hits().center("guide:staff"));  // an Italian reader needs no translation
}
