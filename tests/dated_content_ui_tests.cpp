// Content by date on the kiosk (issue 21): a dated notice and a dated guide come and go at
// midnight on the kiosk's own clock, with nobody touching it and no new bundle.
#include <doctest/doctest.h>

#include "content/hours/time_zone.hpp"
#include "tests/content_fixture.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;

namespace {

constexpr const char* kHolidayNotice = "Closed for the holidays until 6 January";

bool on_screen(const Kiosk& k, const std::string& text) { return k.runner.screen_text().find(text) != std::string::npos; }

// Sets the kiosk's wall clock to a moment in Torino and draws a frame there, as a kiosk that
// has been running would have.
void set_rome_time(Kiosk& k, const char* local) {
    const auto t = content::parse_local_iso(local);
    REQUIRE_MESSAGE(t, local);
    k.clock.set_wall(*t);
    k.runner.frame();
    k.runner.settle();
}

// Time passes with nobody at the kiosk, a second at a time: it draws only what it wants to.
void wait_seconds(Kiosk& k, int seconds) {
    for (int i = 0; i < seconds; ++i) k.step(1000);
}

}  // namespace

TEST_CASE("a dated notice and a dated guide come and go at midnight, untouched, without a new bundle") {
    TempDir dir;
    const fs::path bundle = build_from_demo(dir, add_dated_demo_content);
    kiosk::Settings settings;
    settings.idle_timeout = std::chrono::hours(24);  // the home screen stays: nobody resets it
    Kiosk k(bundle, "en", Route::home(), kWidth, kHeight, settings);

    set_rome_time(k, "2026-12-23T23:59");
    CHECK_FALSE(on_screen(k, kHolidayNotice));
    CHECK(k.runner.hits().center("category:food"));  // food-help is shown from 20 December
    const long frames = k.runner.frames();
    wait_seconds(k, 70);
    CHECK(k.runner.frames() > frames);  // the kiosk woke at midnight by itself
    CHECK(on_screen(k, kHolidayNotice));
    CHECK(k.app.route() == Route::home());

    // The notice's last day is 6 January; the guide's, 7 January: the home screen loses the
    // notice, then the food category (its only guide), each at midnight.
    set_rome_time(k, "2027-01-06T23:59");
    CHECK(on_screen(k, kHolidayNotice));
    wait_seconds(k, 70);
    CHECK_FALSE(on_screen(k, kHolidayNotice));
    CHECK(k.runner.hits().center("category:food"));
    set_rome_time(k, "2027-01-07T23:59");
    wait_seconds(k, 70);
    CHECK_FALSE(k.runner.hits().center("category:food"));
    CHECK(k.runner.hits().center("category:documents"));
}

TEST_CASE("a place's and a guide's notices show on their screens, in a fallback language when not translated") {
    TempDir dir;
    const fs::path bundle = build_from_demo(dir, add_dated_demo_content);
    Kiosk k(bundle, "fr", Route::place("hub-nord"));
    set_rome_time(k, "2026-12-10T10:00");
    CHECK(on_screen(k, "Hub nord: text for the test"));  // French has none: the English fallback
    k.app.open(Route::guide("food-help"));
    k.runner.settle();
    CHECK(on_screen(k, "Food help: text for the test"));
    CHECK_FALSE(on_screen(k, "Hub nord: text for the test"));
    set_rome_time(k, "2027-01-02T10:00");
    k.app.open(Route::place("hub-nord"));
    k.runner.settle();
    CHECK_FALSE(on_screen(k, "Hub nord: text for the test"));  // its last day was 31 December
}
