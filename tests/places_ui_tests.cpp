// The list of places: nearest first from the kiosk, filtered by kind and by "open now".
#include <doctest/doctest.h>

#include "content/hours/time_zone.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/screens/parts/info_card.hpp"
#include "kiosk/screens/places_screen.hpp"
#include "kiosk/words/place_text.hpp"
#include "tests/kiosk_fixture.hpp"

using namespace test;
using kiosk::Route;

namespace {

// The places listed on screen, top to bottom.
std::vector<std::string> listed(Kiosk& k) {
    std::vector<std::pair<float, std::string>> found;
    for (const auto& [id, rect] : k.runner.hits().all())
        if (id.starts_with("place:")) found.emplace_back(rect.first.y, id.substr(6));
    std::sort(found.begin(), found.end());
    std::vector<std::string> ids;
    for (const auto& f : found) ids.push_back(f.second);
    return ids;
}

// The lines of a place's card as built for the kiosk's visitor now, as text.
std::vector<std::string> card_lines(Kiosk& k, const std::string& id) {
    const auto place = k.bundle->place(id, k.app.lang());
    REQUIRE(place);
    std::vector<std::string> out;
    for (const auto& line : kiosk::place_card(k.app, *place, true).lines) out.push_back(fonts::encode_utf8(line.text()));
    return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

kiosk::Settings at_servizio_stranieri() {
    kiosk::Settings s;
    s.position = std::make_pair(45.0703, 7.6869);
    return s;
}

}  // namespace

TEST_CASE("places are listed nearest first, and a tap opens one") {
    Kiosk k(demo_bundle(), "en", Route::home(), 1080, 1920, at_servizio_stranieri());
    k.tap("nav:places");
    REQUIRE(k.app.route() == Route::places());
    const auto ids = listed(k);
    REQUIRE(ids.size() >= 4);
    CHECK(ids[0] == "servizio-stranieri");  // where the kiosk stands
    CHECK(ids[1] == "hub-centro");          // about 600 m away
    CHECK(ids.back() != "servizio-stranieri");
    k.tap("place:hub-centro");
    CHECK(k.app.route() == Route::place("hub-centro"));

    // Without a configured position the bundle's order stands.
    Kiosk unplaced(demo_bundle(), "en", Route::places(), 1080, 1920);
    CHECK(listed(unplaced)[0] == "rednova-call-center");
}

TEST_CASE("filters: one kind, and what is open now") {
    using namespace std::chrono;
    Kiosk k(demo_bundle(), "en", Route::places(), 1080, 2800, at_servizio_stranieri());  // tall: all seven places in view
    k.clock.set_wall(*content::parse_local_iso("2026-11-27T10:00"));  // a Friday morning
    k.app.open(Route::home());
    k.runner.settle();
    k.tap("nav:places");
    k.tap("filter:food_hub");
    for (const auto& id : listed(k)) CHECK(id.starts_with("hub-"));
    CHECK(listed(k).size() == 3);
    k.tap("filter:food_hub");  // again: off
    CHECK(listed(k).size() == 7);
    k.tap("filter:open");  // of the demo's places only Red Nova has its hours in the seeds
    CHECK(listed(k) == std::vector<std::string>{"rednova-call-center"});
    k.tap("filter:all");
    CHECK(listed(k).size() == 7);

    k.clock.set_wall(*content::parse_local_iso("2026-11-29T10:00"));  // Sunday: nothing open
    k.app.open(Route::home());
    k.runner.settle();
    k.tap("nav:places");
    k.tap("filter:open");
    CHECK(listed(k).empty());
}

TEST_CASE("distances read as people say them") {
    CHECK(kiosk::distance_text(10) == "50 m");
    CHECK(kiosk::distance_text(333) == "350 m");
    CHECK(kiosk::distance_text(949) == "950 m");
    CHECK(kiosk::distance_text(1234) == "1.2 km");
    CHECK(kiosk::distance_text(10'060) == "10.1 km");
}

TEST_CASE("a place's card says what it offers and how to get in; a mobile unit's, where it stops next") {
    Kiosk k(demo_bundle(), "en", Route::place("mobile-unit"), 1080, 1920);
    k.clock.set_wall(*content::parse_local_iso("2026-12-10T15:00"));  // a Thursday, the afternoon stop under way
    auto lines = card_lines(k, "mobile-unit");
    CHECK(has_line(lines, "Services: Information · Intercultural mediation"));
    auto next = std::find(lines.begin(), lines.end(), "Next stops");
    REQUIRE(next != lines.end());
    REQUIRE(lines.end() - next >= 4);
    CHECK(next[1] == "Thursday 10 December 14:00–17:00 · San Salvario (esempio)");
    CHECK(next[2] == "Tuesday 15 December 10:00–13:00 · Barriera di Milano (esempio)");
    CHECK(next[3] == "Thursday 17 December 14:00–17:00 · San Salvario (esempio)");
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.find("(esempio)") != std::string::npos; }) == 3);
    // At 17:00 that stop is over.
    k.clock.set_wall(*content::parse_local_iso("2026-12-10T17:00"));
    lines = card_lines(k, "mobile-unit");
    next = std::find(lines.begin(), lines.end(), "Next stops");
    REQUIRE(lines.end() - next >= 2);
    CHECK(next[1] == "Tuesday 15 December 10:00–13:00 · Barriera di Milano (esempio)");
    // After the example timetable's last stop there is nothing to announce.
    k.clock.set_wall(*content::parse_local_iso("2027-04-01T09:00"));
    CHECK_FALSE(has_line(card_lines(k, "mobile-unit"), "Next stops"));

    const auto rednova = card_lines(k, "rednova-call-center");
    CHECK(has_line(rednova, "Services: Information · Legal advice · Translation · Job guidance"));
    CHECK(has_line(rednova, "Accessibility: Ground floor (piano terra). Whether there are steps at the entrance is not known."));
    CHECK_FALSE(has_line(rednova, "Next stops"));

    // The screen itself draws the longer card.
    k.app.open(Route::place("mobile-unit"));
    k.runner.settle();
    CHECK(k.app.route() == Route::place("mobile-unit"));
}

TEST_CASE("stop dates and services in the visitor's language and word order") {
    const content::Bundle bundle(demo_bundle());
    const auto stops = bundle.stops("mobile-unit");
    REQUIRE_FALSE(stops.empty());
    const auto& first = stops.front();  // Tuesday 1 December 2026, 10:00-13:00
    const std::string where = " 10:00–13:00 · Barriera di Milano (esempio)";
    CHECK(kiosk::stop_line(bundle, "en", first) == "Tuesday 1 December" + where);
    CHECK(kiosk::stop_line(bundle, "it", first) == "martedì 1 dicembre" + where);
    CHECK(kiosk::stop_line(bundle, "es", first) == "martes 1 de diciembre" + where);
    CHECK(kiosk::stop_line(bundle, "uk", first) == "вівторок, 1 грудня" + where);
    CHECK(kiosk::stop_line(bundle, "zh", first) == "12月1日 星期二" + where);
    CHECK(kiosk::stop_line(bundle, "ar", first) == "الثلاثاء 1 ديسمبر" + where);
    const auto hub = bundle.place("hub-sud", "fr");
    CHECK(kiosk::services_line(bundle, "fr", hub->services) == "Services: Colis alimentaires");
    CHECK(kiosk::services_line(bundle, "en", {}).empty());
}
