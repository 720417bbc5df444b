// Search on the real UI, headless: typing on each on-screen keyboard layout finds a known guide;
// the layout switch; what was typed leaves with the visitor and is never told to the counters.
#include <doctest/doctest.h>

#include "fonts/utf8.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;
using kiosk::Route;

namespace {

// Types `word` key by key, as a visitor does.
void type(Kiosk& k, const std::string& word) {
    for (char32_t c : fonts::decode_utf8(word)) k.tap(c == U' ' ? std::string("key:space") : "key:" + fonts::encode_utf8(std::u32string(1, c)));
}

bool shows(Kiosk& k, const std::string& control) { return k.runner.hits().center(control).has_value(); }

}  // namespace

TEST_CASE("typing on each keyboard layout finds a known guide") {
    struct Case {
        const char *lang, *word, *result;
    };
    const Case cases[] = {
        {"it", "permes", "result:guide:residence-permit"},    // Latin
        {"fr", "sejour", "result:guide:residence-permit"},    // Latin, without the accent the text has
        {"uk", "житл", "result:guide:housing-support"},       // Cyrillic
        {"ru", "жилье", "result:guide:housing-support"},      // Cyrillic; the text says жильём
        {"ar", "السكن", "result:guide:housing-support"},      // Arabic
        {"fa", "مسکن", "result:guide:housing-support"},       // Persian letters on the same layout
        {"it", "regina marg", "result:place:rednova-call-center"},  // a place, by its address, with a space
    };
    for (const auto& c : cases) {
        INFO(c.lang << " " << c.word);
        Kiosk k(demo_bundle(), c.lang, Route::home());
        k.tap("nav:search");
        REQUIRE(k.app.route() == Route::search());
        CHECK_FALSE(shows(k, c.result));
        type(k, c.word);
        CHECK(k.app.search_text() == c.word);
        REQUIRE(shows(k, c.result));
        k.tap(c.result);
        std::string target = std::string(c.result).substr(7);  // "guide:..." or "place:..."
        CHECK(k.app.route().str() == target.replace(target.find(':'), 1, "/"));
    }
}

TEST_CASE("the keyboard starts on the visitor's script, switches layout, deletes and clears") {
    Kiosk k(demo_bundle(), "uk", Route::search());
    CHECK(shows(k, "key:ж"));
    CHECK_FALSE(shows(k, "key:q"));
    k.tap("key:layout");  // Cyrillic -> Arabic
    CHECK(shows(k, "key:ش"));
    k.tap("key:layout");  // -> Latin
    CHECK(shows(k, "key:q"));
    type(k, "casx");
    k.tap("key:backspace");
    CHECK(k.app.search_text() == "cas");
    k.tap("key:layout");  // -> Cyrillic again: a character of another script, deleted whole
    type(k, "ж");
    k.tap("key:backspace");
    CHECK(k.app.search_text() == "cas");
    k.tap("search:clear");
    CHECK(k.app.search_text().empty());
    CHECK_FALSE(shows(k, "search:clear"));

    Kiosk zh(demo_bundle(), "zh", Route::search());  // no layout lists Chinese: the first one
    CHECK(shows(zh, "key:q"));
}

TEST_CASE("what a visitor typed leaves with them, and is never told to the counters") {
    kiosk::Settings settings;
    settings.idle_timeout = std::chrono::seconds(20);
    settings.idle_countdown = std::chrono::seconds(5);
    Kiosk k(demo_bundle(), "it", Route::attract(), kWidth, kHeight, settings);
    std::vector<std::string> told;
    k.app.set_listener([&](const std::string& event, const std::string& item) { told.push_back(event + " " + item); });
    k.tap("attract:start");
    k.tap("lang:it");
    k.tap("nav:search");
    type(k, "cibo");
    REQUIRE(k.app.search_text() == "cibo");
    for (const auto& line : told) CHECK(line.find("cibo") == std::string::npos);
    for (int t = 0; t < 21'000; t += 100) k.step(100);  // the visitor walks away
    CHECK(k.app.route() == Route::attract());
    CHECK(k.app.search_text().empty());
    k.tap("attract:start");
    k.tap("lang:it");
    k.tap("nav:search");
    CHECK_FALSE(shows(k, "search:clear"));  // an empty field
    CHECK_FALSE(shows(k, "result:guide:food-help"));
}
