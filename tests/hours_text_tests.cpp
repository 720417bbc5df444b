// Opening hours as a visitor reads them, in their language, at a given moment in Torino.
#include <doctest/doctest.h>

#include "content/hours/time_zone.hpp"
#include "kiosk/words/hours_text.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;

namespace {

content::Instant at(const char* local) {
    const auto t = content::parse_local_iso(local);
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("\"open now, closes at\" and \"opens tomorrow at\", in the visitor's language") {
    const content::Bundle bundle(demo_bundle());
    const content::OpeningHours office("Mo-Fr 09:00-17:00");
    const auto now = [&](const char* lang, const char* local) { return kiosk::hours_now(bundle, lang, office, at(local)); };
    CHECK(now("en", "2026-11-27T10:00") == "Open now, closes at 17:00");               // a Friday morning
    CHECK(now("en", "2026-11-27T18:00") == "Closed, opens Monday at 09:00");          // Friday evening
    CHECK(now("en", "2026-11-29T12:00") == "Closed, opens tomorrow at 09:00");        // Sunday
    CHECK(now("en", "2026-11-30T07:30") == "Closed, opens today at 09:00");           // Monday, early
    CHECK(now("it", "2026-11-27T10:00") == "Aperto ora, chiude alle 17:00");
    CHECK(now("it", "2026-11-27T18:00") == "Chiuso, apre lunedì alle 09:00");
    CHECK(now("zh", "2026-11-27T18:00") == "已关门，星期一 09:00 开门");
    CHECK(now("ar", "2026-11-29T12:00") == "مغلق، يفتح غدًا الساعة 09:00");
    // Public holidays: 8 December 2026 is a Tuesday, and `PH off` keeps the office shut.
    const content::OpeningHours with_holidays("Mo-Fr 09:00-17:00; PH off");
    CHECK(kiosk::hours_now(bundle, "en", with_holidays, at("2026-12-07T18:00")) == "Closed, opens Wednesday at 09:00");
    CHECK(kiosk::hours_now(bundle, "en", content::OpeningHours("24/7"), at("2026-11-27T03:00")) == "Open now");
    CHECK(kiosk::hours_now(bundle, "en", content::OpeningHours("off"), at("2026-11-27T03:00")) == "Closed");
    // Hours in summer time are read on the summer clock.
    CHECK(kiosk::hours_now(bundle, "en", office, at("2026-07-03T16:30")) == "Open now, closes at 17:00");
}

TEST_CASE("the week ahead, day by day, with every span and closed days") {
    const content::Bundle bundle(demo_bundle());
    const content::OpeningHours hub("Mo-Fr 09:00-12:30,14:00-17:00; Sa 10:00-12:00; Fr 22:00-24:00");
    const auto week = kiosk::hours_week(bundle, "en", hub, at("2026-11-30T08:00"));  // a Monday
    REQUIRE(week.size() == 7);
    CHECK(week[0] == "Monday: 09:00–12:30, 14:00–17:00");
    CHECK(week[4] == "Friday: 22:00–24:00");  // Fr's later rule replaces the weekday hours that day
    CHECK(week[5] == "Saturday: 10:00–12:00");
    CHECK(week[6] == "Sunday: closed");
    CHECK(kiosk::hours_week(bundle, "uk", hub, at("2026-11-30T08:00"))[6] == "неділя: зачинено");
}
