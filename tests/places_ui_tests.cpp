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
    // Of the demo's places only Red Nova has its hours in the seeds: it is open; the six others
    // follow under "Hours not known", not hidden as if closed.
    k.tap("filter:open");
    auto ids = listed(k);
    REQUIRE(ids.size() == 7);
    CHECK(ids[0] == "rednova-call-center");
    const auto heading_y = [&] {
        k.capture();
        const auto text = k.runner.drawn_text();
        CHECK(std::count(text.begin(), text.end(), "Hours not known — ask before you go") == 1);
        return k.rect("place:rednova-call-center").second.y;
    };
    CHECK(heading_y() < k.rect("place:" + ids[1]).first.y);
    CHECK(k.runner.screen_text().find("No place matches") == std::string::npos);
    k.tap("filter:all");
    CHECK(listed(k).size() == 7);

    // Sunday: Red Nova is closed, so only the places whose hours nobody knows are listed, apart.
    k.clock.set_wall(*content::parse_local_iso("2026-11-29T10:00"));
    k.app.open(Route::home());
    k.runner.settle();
    k.tap("nav:places");
    k.tap("filter:open");
    ids = listed(k);
    CHECK(ids.size() == 6);
    CHECK(std::find(ids.begin(), ids.end(), "rednova-call-center") == ids.end());
    // Christmas, a Friday: the seed's "Monday to Friday" says nothing of holidays, so Red Nova
    // is not "open now" but "may be closed", with the places not known.
    k.clock.set_wall(*content::parse_local_iso("2026-12-25T10:00"));
    k.app.open(Route::home());
    k.runner.settle();
    k.tap("nav:places");
    CHECK(k.runner.screen_text().find("Public holiday today: it may be closed.") != std::string::npos);
    k.tap("filter:open");
    CHECK(listed(k).size() == 7);
    CHECK(k.runner.screen_text().find("Open now") == k.runner.screen_text().find("Open now"));  // the chip only
    CHECK(k.runner.screen_text().find("closes at") == std::string::npos);
}

TEST_CASE("a place's card says what it offers and how to get in; a mobile unit's, where it stops next") {
    Kiosk k(example_stops_bundle(), "en", Route::place("mobile-unit"), 1080, 1920);
    k.clock.set_wall(*content::parse_local_iso("2026-12-10T15:00"));  // a Thursday, the afternoon stop under way
    auto lines = card_lines(k, "mobile-unit");
    CHECK(has_line(lines, "Services: Information · Intercultural mediation"));
    auto next = std::find(lines.begin(), lines.end(), "Next stops");
    REQUIRE(next != lines.end());
    REQUIRE(lines.end() - next >= 4);
    // Every example stop says, in the visitor's language, that it is one.
    CHECK(next[1] == "Thursday, 10 December \u206614:00–17:00\u2069 · San Salvario · example, not a real stop");
    CHECK(next[2] == "Tuesday, 15 December \u206610:00–13:00\u2069 · Barriera di Milano · example, not a real stop");
    CHECK(next[3] == "Thursday, 17 December \u206614:00–17:00\u2069 · San Salvario · example, not a real stop");
    // At 17:00 that stop is over.
    k.clock.set_wall(*content::parse_local_iso("2026-12-10T17:00"));
    lines = card_lines(k, "mobile-unit");
    next = std::find(lines.begin(), lines.end(), "Next stops");
    REQUIRE(lines.end() - next >= 2);
    CHECK(next[1] == "Tuesday, 15 December \u206610:00–13:00\u2069 · Barriera di Milano · example, not a real stop");
    // After the example timetable's last stop there is nothing to announce.
    k.clock.set_wall(*content::parse_local_iso("2027-04-01T09:00"));
    CHECK_FALSE(has_line(card_lines(k, "mobile-unit"), "Next stops"));

    const auto rednova = card_lines(k, "rednova-call-center");
    CHECK(has_line(rednova, "Services: Information on reception services · Information on legal assistance · "
                            "Information on translations · Information on work and social guidance"));
    CHECK(has_line(rednova, "May be closed on public holidays"));
    CHECK(has_line(rednova, "Phone: \u2066011 0112 5500\u2069"));
    // The demo's mobile unit has no stops: no seed gives one.
    Kiosk demo(demo_bundle(), "en", Route::place("mobile-unit"), 1080, 1920);
    CHECK_FALSE(has_line(card_lines(demo, "mobile-unit"), "Next stops"));
    CHECK(has_line(rednova, "Accessibility: Ground floor (piano terra). Whether there are steps at the entrance is not known."));
    CHECK_FALSE(has_line(rednova, "Next stops"));

    // The screen itself draws the longer card.
    k.app.open(Route::place("mobile-unit"));
    k.runner.settle();
    CHECK(k.app.route() == Route::place("mobile-unit"));
}

TEST_CASE("stop dates and services in the visitor's language and word order") {
    const content::Bundle bundle(example_stops_bundle());
    const auto stops = bundle.stops("mobile-unit");
    REQUIRE_FALSE(stops.empty());
    const auto& first = stops.front();  // Tuesday 1 December 2026, 10:00-13:00
    const std::string time = " \u206610:00–13:00\u2069 · Barriera di Milano · ";
    const std::string where = time + "example, not a real stop";
    // Dates and times from ICU's data for the language (content/text/locale_format.hpp).
    CHECK(kiosk::stop_line(bundle, "en", first) == "Tuesday, 1 December" + where);
    CHECK(kiosk::stop_line(bundle, "it", first) == "Martedì 1 dicembre" + time + "esempio, non una fermata reale");
    CHECK(kiosk::stop_line(bundle, "es", first) == "Martes, 1 de diciembre" + time + "ejemplo, no es una parada real");
    CHECK(kiosk::stop_line(bundle, "uk", first) == "Вівторок, 1 грудня" + time + "приклад, не справжня зупинка");
    CHECK(kiosk::stop_line(bundle, "zh", first) == "12月1日星期二" + time + "示例，不是真实的停靠点");
    CHECK(kiosk::stop_line(bundle, "ar", first) ==
          "الثلاثاء، ١ ديسمبر \u2066١٠:٠٠–١٣:٠٠\u2069 · Barriera di Milano · مثال، ليست محطة حقيقية");
    const auto hub = bundle.place("hub-sud", "fr");
    CHECK(kiosk::services_line(bundle, "fr", hub->services) == "Services: Colis alimentaires");
    CHECK(kiosk::services_line(bundle, "en", {}).empty());
}

TEST_CASE("a place's card inside a guide is tappable: it opens the place") {
    for (const char* lang : {"en", "ur", "am"}) {
        INFO(lang);
        Kiosk k(demo_bundle(), lang, Route::guide("food-help"));
        k.scroll_to("place:hub-centro");
        k.tap("place:hub-centro");
        CHECK(k.app.route() == Route::place("hub-centro"));
    }
}

TEST_CASE("a place says how far it is from the kiosk and which way; a voice hears the unit in full") {
    Kiosk k(demo_bundle(), "en", Route::places(), 1080, 2800, at_servizio_stranieri());
    // Hub nord is 2.9 km north in a straight line: 3.7 km on foot, roughly.
    const auto hub = std::find_if(k.runner.drawn().controls.begin(), k.runner.drawn().controls.end(),
                                  [](const kiosk::DrawnControl& c) { return c.id == "place:hub-nord"; });
    REQUIRE(hub != k.runner.drawn().controls.end());
    INFO(hub->label);
    CHECK(hub->label.find("about 3.7 kilometres north,") != std::string::npos);
    CHECK(k.runner.screen_text().find("about \u20663.7 km\u2069 north  ·") != std::string::npos);
    // Where the kiosk stands, the way is not said: too near for a compass point to mean anything.
    CHECK(k.runner.screen_text().find("about \u206650 m\u2069  ·") != std::string::npos);
    // A mobile unit moves: no distance, and it is listed after the places that have one.
    CHECK(listed(k).back() == "mobile-unit");

    CHECK(has_line(card_lines(k, "hub-nord"), "Distance: about \u20663.7 km\u2069 north"));
    const auto unit = card_lines(k, "mobile-unit");
    CHECK(std::none_of(unit.begin(), unit.end(), [](const std::string& line) { return line.starts_with("Distance"); }));
    k.app.open(Route::place("hub-nord"));
    k.runner.settle();
    std::string page;
    for (const auto& u : k.runner.page_speech()) page += u.text + "\n";
    INFO(page);
    CHECK(page.find("Distance: about 3.7 kilometres north\n") != std::string::npos);

    // In Arabic the way is in Arabic, the distance kept left to right.
    k.app.set_language("ar");
    k.runner.settle();
    const auto lines = card_lines(k, "hub-sud");
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.starts_with("المسافة: حوالي \u2066") && line.ends_with("\u2069 باتجاه الجنوب الغربي");
    }));
}
