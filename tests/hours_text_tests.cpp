// Opening hours as a visitor reads them, in their language, at a given moment in Torino.
#include <doctest/doctest.h>

#include "content/hours/time_zone.hpp"
#include "kiosk/words/hours_text.hpp"
#include "kiosk/words/place_text.hpp"
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
    CHECK(now("en", "2026-11-27T10:00") == "Open now, closes at \u206617:00\u2069");               // a Friday morning
    CHECK(now("en", "2026-11-27T18:00") == "Closed, opens Monday at \u206609:00\u2069");          // Friday evening
    CHECK(now("en", "2026-11-29T12:00") == "Closed, opens tomorrow at \u206609:00\u2069");        // Sunday
    CHECK(now("en", "2026-11-30T07:30") == "Closed, opens today at \u206609:00\u2069");           // Monday, early
    CHECK(now("it", "2026-11-27T10:00") == "Aperto ora, chiude alle \u206617:00\u2069");
    CHECK(now("it", "2026-11-27T18:00") == "Chiuso, apre lunedì alle \u206609:00\u2069");
    CHECK(now("zh", "2026-11-27T18:00") == "已关门，星期一 \u206609:00\u2069 开门");
    CHECK(now("ar", "2026-11-29T12:00") == "مغلق، يفتح غدًا الساعة \u2066٠٩:٠٠\u2069");
    // Public holidays: 8 December 2026 is a Tuesday, and `PH off` keeps the office shut.
    const content::OpeningHours with_holidays("Mo-Fr 09:00-17:00; PH off");
    CHECK(kiosk::hours_now(bundle, "en", with_holidays, at("2026-12-07T18:00")) == "Closed, opens Wednesday at \u206609:00\u2069");
    CHECK(kiosk::hours_now(bundle, "en", content::OpeningHours("24/7"), at("2026-11-27T03:00")) == "Open now");
    CHECK(kiosk::hours_now(bundle, "en", content::OpeningHours("off"), at("2026-11-27T03:00")) == "Closed");
    // Hours in summer time are read on the summer clock.
    CHECK(kiosk::hours_now(bundle, "en", office, at("2026-07-03T16:30")) == "Open now, closes at \u206617:00\u2069");
}

TEST_CASE("the week ahead, day by day, with every span and closed days") {
    const content::Bundle bundle(demo_bundle());
    const content::OpeningHours hub("Mo-Fr 09:00-12:30,14:00-17:00; Sa 10:00-12:00; Fr 22:00-24:00");
    const auto week = kiosk::hours_week(bundle, "en", hub, at("2026-11-30T08:00"));  // a Monday
    REQUIRE(week.size() == 7);
    CHECK(week[0] == "Monday: \u206609:00–12:30, 14:00–17:00\u2069");
    CHECK(week[4] == "Friday: \u206622:00–24:00\u2069");  // Fr's later rule replaces the weekday hours that day
    CHECK(week[5] == "Saturday: \u206610:00–12:00\u2069");
    CHECK(week[6] == "Sunday: closed");
    CHECK(kiosk::hours_week(bundle, "uk", hub, at("2026-11-30T08:00"))[6] == "Неділя: зачинено");
}

TEST_CASE("hours not known are a state of their own, never \"closed\"") {
    const content::Bundle bundle(demo_bundle());
    const auto now = at("2026-11-27T10:00");  // a Friday morning
    const auto none = kiosk::place_hours_now(bundle, "en", "", now);
    CHECK(none.state == kiosk::HoursState::Unknown);
    CHECK(none.text == "Hours not known — ask before you go");
    // OpenStreetMap's `unknown` modifier: open on weekdays, Saturdays not known.
    CHECK(kiosk::place_hours_now(bundle, "en", "Mo-Fr 09:00-17:00; Sa unknown", at("2026-11-28T10:00")).state == kiosk::HoursState::Unknown);
    CHECK(kiosk::place_hours_now(bundle, "en", "Mo-Fr 09:00-17:00; Sa unknown", now).state == kiosk::HoursState::Open);
    CHECK(kiosk::place_hours_now(bundle, "en", "Mo-Fr 09:00-17:00", at("2026-11-28T10:00")).state == kiosk::HoursState::Closed);
    // Closed before hours that are not known: closed, not "opens at" them; and in the week, those
    // days are not known, not closed. A comment without `open` makes its times not known.
    const content::OpeningHours saturdays_unknown("Mo-Fr 09:00-17:00; Sa unknown");
    CHECK(kiosk::hours_now(bundle, "en", saturdays_unknown, at("2026-11-27T18:00")) == "Closed");
    const auto week = kiosk::hours_week(bundle, "en", saturdays_unknown, at("2026-11-27T18:00"));  // from Friday
    CHECK(week[1] == "Saturday: Hours not known — ask before you go");
    CHECK(week[2] == "Sunday: closed");
    const content::OpeningHours by_appointment("Tu 10:00-12:00 \"by appointment\"");
    CHECK(kiosk::hours_now(bundle, "en", by_appointment, at("2026-12-01T09:00")) == "Closed");
    CHECK(kiosk::hours_week(bundle, "en", by_appointment, at("2026-12-01T09:00"))[0] == "Tuesday: Hours not known — ask before you go");
    CHECK(kiosk::place_hours_now(bundle, "fa", "", now).text == bundle.ui("place.hours_unknown", "fa").text);
}

TEST_CASE("on a public holiday the sources are silent about, \"open now\" becomes \"may be closed\"") {
    const content::Bundle bundle(demo_bundle());
    // The call center's hours, seed 000: Monday to Friday, 9 to 17, nothing about holidays.
    const std::string call_center = "Mo-Fr 09:00-17:00";
    for (const char* holiday : {"2026-12-08T10:00", "2026-12-25T10:00"}) {  // a Tuesday and a Friday
        INFO(holiday);
        const auto h = kiosk::place_hours_now(bundle, "en", call_center, at(holiday));
        CHECK(h.state == kiosk::HoursState::Unknown);
        CHECK(h.text == "Public holiday today: it may be closed. Ask before you go.");
    }
    CHECK(kiosk::place_hours_now(bundle, "en", call_center, at("2026-12-09T10:00")).state == kiosk::HoursState::Open);
    // Hours that say what happens on holidays are believed.
    CHECK(kiosk::place_hours_now(bundle, "en", "Mo-Fr 09:00-17:00; PH off", at("2026-12-08T10:00")).state == kiosk::HoursState::Closed);
    CHECK(kiosk::place_hours_now(bundle, "en", "Mo-Fr,PH 09:00-17:00", at("2026-12-08T10:00")).state == kiosk::HoursState::Open);
    // The caveat for the week ahead, in every language.
    const content::OpeningHours hours(call_center);
    CHECK(kiosk::holiday_caveat(bundle, "en", hours, at("2026-11-27T10:00")) == "May be closed on public holidays");
    CHECK(kiosk::holiday_caveat(bundle, "uk", hours, at("2026-11-27T10:00")) == "У святкові дні може бути зачинено");
    CHECK_FALSE(kiosk::holiday_caveat(bundle, "en", content::OpeningHours("Mo-Fr 09:00-17:00; PH off"), at("2026-11-27T10:00")));
    CHECK_FALSE(kiosk::holiday_caveat(bundle, "en", content::OpeningHours("off"), at("2026-11-27T10:00")));
}

TEST_CASE("a ticket's week: days of the same hours together, Monday first") {
    const content::Bundle bundle(demo_bundle());
    const auto week = kiosk::hours_summary(bundle, "en", content::OpeningHours("Mo-Fr 09:00-17:00"), at("2026-11-27T10:00"));
    CHECK(week == std::vector<std::string>{"Monday–Friday: \u206609:00–17:00\u2069", "Saturday–Sunday: closed"});
    const auto hub = kiosk::hours_summary(bundle, "it", content::OpeningHours("Mo-Fr 09:00-12:30; We 14:00-16:00; Sa 10:00-12:00"),
                                          at("2026-11-30T08:00"));
    // Day names from ICU's Italian: capitalised at the start of a line only.
    CHECK(hub == std::vector<std::string>{"Lunedì–martedì: \u206609:00–12:30\u2069", "Mercoledì: \u206614:00–16:00\u2069",
                                          "Giovedì–venerdì: \u206609:00–12:30\u2069", "Sabato: \u206610:00–12:00\u2069", "Domenica: chiuso"});
    // Persian: its own digits and day names.
    const auto fa = kiosk::hours_summary(bundle, "fa", content::OpeningHours("Mo-Fr 09:00-17:00"), at("2026-11-27T10:00"));
    REQUIRE(fa.size() == 2);
    CHECK(fa[0] == "دوشنبه–جمعه: \u2066۹:۰۰–۱۷:۰۰\u2069");
}

TEST_CASE("the header's clock: the date and time in Torino as the visitor's language writes them") {
    CHECK(kiosk::now_text("it", at("2026-12-01T09:05")) == "Martedì 1 dicembre \u206609:05\u2069");
    CHECK(kiosk::now_text("en", at("2026-12-01T09:05")) == "Tuesday, 1 December \u206609:05\u2069");
    // Gregorian in Persian too, the calendar of the Italian offices: 1 December, not 10 Azar.
    CHECK(kiosk::now_text("fa", at("2026-12-01T09:05")) == "سه‌شنبه ۱ دسامبر \u2066۹:۰۵\u2069");
    CHECK(kiosk::now_text("bn", at("2026-12-01T21:30")).ends_with("\u2066২১:৩০\u2069"));
}
