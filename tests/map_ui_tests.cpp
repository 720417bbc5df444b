// The map screen driven by fingers on the offscreen display: what is under a finger stays under
// it while it pans or pinches, a tapped marker opens its own place, and the basemap is drawn.
#include <doctest/doctest.h>

#include <cmath>

#include "kiosk/map/basemap_painter.hpp"
#include "kiosk/screens/map_screen.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/map_synthetic.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

kiosk::Settings at_servizio_stranieri() {
    kiosk::Settings s;
    s.position = std::make_pair(45.0703, 7.6869);
    return s;
}

kiosk::MapScreen& map_of(Kiosk& k) {
    auto* map = dynamic_cast<kiosk::MapScreen*>(&k.runner.screen());
    REQUIRE_MESSAGE(map, "not on the map: " << k.app.route().str());
    return *map;
}

// How far apart on screen two map points are now, in pixels.
float pixels_apart(const kiosk::MapCamera& camera, content::MapPoint a, content::MapPoint b) {
    const ImVec2 sa = camera.to_screen(a), sb = camera.to_screen(b);
    return std::hypot(sa.x - sb.x, sa.y - sb.y);
}

ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }

// Two fingers land at a0 and b0 and move to a1 and b1 in `steps` frames, then lift.
void pinch(Kiosk& k, ImVec2 a0, ImVec2 b0, ImVec2 a1, ImVec2 b1, int steps = 12) {
    k.finger(SDL_FINGERDOWN, a0, 1);
    k.step();
    k.finger(SDL_FINGERDOWN, b0, 2);
    k.step();
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        k.finger(SDL_FINGERMOTION, lerp(a0, a1, t), 1);
        k.finger(SDL_FINGERMOTION, lerp(b0, b1, t), 2);
        k.step();
    }
    k.finger(SDL_FINGERUP, b1, 2);
    k.step();
    k.finger(SDL_FINGERUP, a1, 1);
    k.step();
    k.runner.settle();
}

}  // namespace

TEST_CASE("the map point under a panning finger stays under it") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    const auto& camera = map_of(k).camera();
    const ImVec2 from(800, 450), to(1150, 650);
    const content::MapPoint held = camera.to_map(from);
    k.drag(from, to, 10, 120);  // the finger rests before it lifts: no fling
    k.runner.settle();
    CHECK(k.app.route() == Route::map());  // a drag taps nothing
    CHECK(pixels_apart(camera, held, camera.to_map(to)) < 1.0f);
    CHECK(pixels_apart(camera, held, camera.to_map(from)) > 300.0f);
}

TEST_CASE("a flung map glides on and comes to rest") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    const auto& camera = map_of(k).camera();
    const ImVec2 from(700, 500), to(1000, 500);
    const content::MapPoint held = camera.to_map(from);
    k.drag(from, to, 5);  // quick, lifted while moving
    const float at_release = camera.to_screen(held).x;
    CHECK(map_of(k).animating());
    for (int i = 0; i < 300 && map_of(k).animating(); ++i) k.step();
    CHECK_FALSE(map_of(k).animating());
    CHECK(camera.to_screen(held).x > at_release + 50);  // it went on the way it was flung
}

TEST_CASE("a pinch zooms about the fingers: each finger keeps its map point") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    const auto& camera = map_of(k).camera();
    const float before = camera.scale();
    SUBCASE("spreading zooms in") {
        const ImVec2 a0(860, 520), b0(1060, 520), a1(760, 520), b1(1160, 520);
        const auto pa = camera.to_map(a0), pb = camera.to_map(b0);
        pinch(k, a0, b0, a1, b1);
        CHECK(camera.scale() == doctest::Approx(before * 2).epsilon(0.01));
        CHECK(pixels_apart(camera, pa, camera.to_map(a1)) < 1.0f);
        CHECK(pixels_apart(camera, pb, camera.to_map(b1)) < 1.0f);
    }
    SUBCASE("fingers that also turn keep the point between them") {
        // The map does not rotate: the midpoint stays exact, each finger near its point.
        const ImVec2 a0(860, 520), b0(1060, 520), a1(760, 470), b1(1160, 570);
        const auto pa = camera.to_map(a0), pb = camera.to_map(b0);
        pinch(k, a0, b0, a1, b1);
        CHECK(camera.scale() == doctest::Approx(before * std::hypot(400.0f, 100.0f) / 200.0f).epsilon(0.01));
        CHECK(pixels_apart(camera, {(pa.x + pb.x) / 2, (pa.y + pb.y) / 2}, camera.to_map(lerp(a1, b1, 0.5f))) < 1.0f);
    }
    SUBCASE("closing zooms out, and the fingers may travel while they pinch") {
        const ImVec2 a0(700, 400), b0(1100, 600), a1(850, 500), b1(1050, 600);
        const auto pa = camera.to_map(a0), pb = camera.to_map(b0);
        pinch(k, a0, b0, a1, b1);
        CHECK(camera.scale() < before * 0.6f);
        CHECK(pixels_apart(camera, pa, camera.to_map(a1)) < 2.0f);
        CHECK(pixels_apart(camera, pb, camera.to_map(b1)) < 2.0f);
    }
    CHECK(k.app.route() == Route::map());  // a pinch taps nothing, not even a marker under a finger
}

TEST_CASE("a pinch over a marker opens nothing; a tap on it opens that place") {
    Kiosk k(demo_bundle(), "en", Route::map("hub-sud"), kWidth, kHeight, at_servizio_stranieri());
    const auto marker = k.runner.hits().center("marker:hub-sud");
    REQUIRE(marker);
    pinch(k, *marker, ImVec2(marker->x + 150, marker->y), *marker, ImVec2(marker->x + 160, marker->y));
    CHECK(k.app.route() == Route::map("hub-sud"));
    k.tap("marker:hub-sud");
    CHECK(k.app.route() == Route::place("hub-sud"));
}

TEST_CASE("every marker on the map opens its own place") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    int opened = 0;
    for (const auto& place : k.bundle->places("en")) {
        k.app.open(Route::map(place.place.id));  // centred on it, so no neighbour is nearer the finger
        k.runner.settle();
        k.tap("marker:" + place.place.id);
        CHECK_MESSAGE(k.app.route() == Route::place(place.place.id), place.place.id);
        ++opened;
    }
    CHECK(opened >= 5);
}

TEST_CASE("a tap on the map away from every marker stays on the map") {
    Kiosk k(demo_bundle(), "en", Route::map("hub-sud"), kWidth, kHeight, at_servizio_stranieri());
    const auto marker = *k.runner.hits().center("marker:hub-sud");
    k.finger(SDL_FINGERDOWN, ImVec2(marker.x + 300, marker.y - 200));
    k.finger(SDL_FINGERUP, ImVec2(marker.x + 300, marker.y - 200));
    k.runner.settle();
    CHECK(k.app.route() == Route::map("hub-sud"));
}

TEST_CASE("zoom buttons double and halve the scale; recenter goes back to the kiosk") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    const auto& camera = map_of(k).camera();
    const float start = camera.scale();
    const auto centre = camera.centre();
    k.tap("map:zoom_out");
    CHECK(camera.scale() == doctest::Approx(start / 2));
    k.tap("map:zoom_in");
    k.tap("map:zoom_in");
    CHECK(camera.scale() == doctest::Approx(start * 2));
    k.drag(ImVec2(800, 500), ImVec2(1200, 700), 8, 120);
    CHECK(std::hypot(camera.centre().x - centre.x, camera.centre().y - centre.y) > 100);
    k.tap("map:recenter");
    CHECK(camera.scale() == doctest::Approx(start));
    CHECK(camera.centre().x == doctest::Approx(centre.x));
    CHECK(camera.centre().y == doctest::Approx(centre.y));
    CHECK(k.app.route() == Route::map());
}

TEST_CASE("the basemap is drawn in its layer's colours, and panning near the view reads no chunks") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    k.tap("map:zoom_out");
    k.tap("map:zoom_out");
    k.capture();
    const auto [min, max] = k.rect("map:area");
    // municipalities: fill #efebe3, stroke #b4a79a (content/torino/map/layers.txt).
    CHECK(k.count({0xef, 0xeb, 0xe3}, min.x, min.y, max.x, max.y) > 100000);
    CHECK(k.count({0xb4, 0xa7, 0x9a}, min.x, min.y, max.x, max.y) > 1000);
    const int reads = map_of(k).painter().reads();
    k.drag(ImVec2(900, 500), ImVec2(1000, 560), 6, 120);
    CHECK(map_of(k).painter().reads() == reads);
    // High contrast: the paper goes dark.
    k.tap("a11y:contrast");
    k.capture();
    CHECK(k.count({0xef, 0xeb, 0xe3}, min.x, min.y, max.x, max.y) == 0);
    const kiosk::MapCamera& camera = map_of(k).camera();
    const auto paper = k.at(static_cast<int>(camera.to_screen(camera.centre()).x) + 3, static_cast<int>(camera.to_screen(camera.centre()).y) - 200);
    CHECK(paper.r + paper.g + paper.b < 150);
}

TEST_CASE("the map shows its attribution and the legend in the visitor's language and direction") {
    Kiosk k(demo_bundle(), "ar", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    k.capture();
    const auto [min, max] = k.rect("map:area");
    const auto zoom = k.rect("map:zoom_in");
    CHECK(zoom.first.x < min.x + (max.x - min.x) / 2);  // right to left: the buttons on the left
    // The attribution's dark text sits in the bottom right corner, over its light box.
    CHECK(k.dark_pixels(max.x - 500, max.y - 40, max.x, max.y) > 200);
}

TEST_CASE("map routes") {
    CHECK(Route::parse("map") == Route::map());
    CHECK(Route::parse("map/hub-sud") == Route::map("hub-sud"));
    CHECK(Route::map("hub-sud").str() == "map/hub-sud");
    Kiosk k(demo_bundle(), "en", Route::map("no-such-place"));
    CHECK(k.app.route() == Route::home());
}

TEST_CASE("the list of places leads to the map, and Back returns to the list") {
    Kiosk k(demo_bundle(), "en", Route::places(), kWidth, kHeight, at_servizio_stranieri());
    k.tap("places:map");
    CHECK(k.app.route() == Route::map());
    k.tap("nav:back");
    CHECK(k.app.route() == Route::places());
}

TEST_CASE("while a finger moves the map its picture only moves; it is drawn again once the finger rests") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    const int before = map_of(k).raster().renders();
    k.finger(SDL_FINGERDOWN, ImVec2(800, 500));
    k.step();
    for (int i = 1; i <= 10; ++i) {
        k.finger(SDL_FINGERMOTION, ImVec2(800.0f + 20.0f * static_cast<float>(i), 500));
        k.step();
    }
    CHECK(map_of(k).raster().renders() == before);
    k.step(150);  // the finger rests on the glass
    k.finger(SDL_FINGERUP, ImVec2(1000, 500));
    k.runner.settle();
    CHECK(map_of(k).raster().renders() == before + 1);
    CHECK_FALSE(map_of(k).animating());
}

TEST_CASE("a large map's new picture is drawn a part a frame, the old one shown until it is whole") {
    test::TempDir dir;
    content::write_synthetic_map_bundle(dir / "map.kbundle", 20000);  // 20,000 vertices: several parts
    Kiosk k(dir / "map.kbundle", "en", Route::map());
    const auto& raster = map_of(k).raster();
    REQUIRE(raster.renders() == 1);  // the first picture whole, at once: there was none to show
    SDL_Event move{};
    move.type = SDL_MOUSEMOTION;
    move.motion.x = 960, move.motion.y = 540;
    SDL_PushEvent(&move);
    k.step();
    SDL_Event wheel{};
    wheel.type = SDL_MOUSEWHEEL;
    wheel.wheel.y = 1;
    SDL_PushEvent(&wheel);
    int parts = 0;
    for (; raster.renders() == 1 && parts < 100; ++parts) {
        k.step();
        // Meanwhile the old picture, scaled to the new camera, fills the map: never blank paper.
        const auto [min, max] = raster.placement(map_of(k).camera());
        CHECK(max.x - min.x > 100);
        if (raster.renders() == 1) CHECK(raster.drawing());
    }
    CHECK(raster.renders() == 2);
    CHECK(parts >= 3);  // laid out in one frame, drawn in two or more
    CHECK_FALSE(raster.drawing());
    CHECK_FALSE(raster.stale(map_of(k).camera()));
    MESSAGE("the new picture took " << parts << " frames");
}

TEST_CASE("markers are drawn in their kind's colour where they stand") {
    Kiosk k(demo_bundle(), "en", Route::map("hub-sud"), kWidth, kHeight, at_servizio_stranieri());
    k.capture();
    const auto at = *k.runner.hits().center("marker:hub-sud");
    const Rgb centre = k.at(static_cast<int>(at.x), static_cast<int>(at.y));
    CHECK(centre == Rgb{27, 120, 55});  // food hub green (kiosk/map/map_markers.cpp)
}

TEST_CASE("a mobile unit's next stops are on the map, and a tap on one opens the unit") {
    Kiosk k(example_stops_bundle(), "en", Route::home(), kWidth, kHeight, at_servizio_stranieri());
    const auto stops_on_map = [&] {
        int n = 0;
        for (const auto& [id, rect] : k.runner.hits().all()) n += id.starts_with("stop:mobile-unit:");
        return n;
    };
    // The example stops run from December 2026 to March 2027 (tests/fixtures/example-stops.csv).
    k.clock.set_wall(std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(2026), std::chrono::December, std::chrono::day(1))) +
                     std::chrono::hours(8));
    k.app.open(Route::map());
    k.runner.settle();
    k.tap("map:zoom_out");
    REQUIRE(stops_on_map() >= 1);
    k.tap("stop:mobile-unit:0");
    CHECK(k.app.route() == Route::place("mobile-unit"));
    // Once the last stop is past, none is shown.
    k.clock.set_wall(std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(2027), std::chrono::April, std::chrono::day(1))));
    k.app.open(Route::map());
    k.runner.settle();
    k.tap("map:zoom_out");
    CHECK(stops_on_map() == 0);
}

TEST_CASE("a place's screen shows it on the map, centred and named") {
    Kiosk k(demo_bundle(), "ar", Route::place("hub-nord"), kWidth, kHeight, at_servizio_stranieri());
    k.tap("place:map");
    REQUIRE(k.app.route() == Route::map("hub-nord"));
    const auto& camera = map_of(k).camera();
    const auto marker = *k.runner.hits().center("marker:hub-nord");
    const ImVec2 middle(camera.viewport_min().x + camera.viewport_size().x / 2, camera.viewport_min().y + camera.viewport_size().y / 2);
    CHECK(std::hypot(marker.x - middle.x, marker.y - middle.y) < 2.0f);
    // Its name under the marker: dark text on the label's light box.
    k.capture();
    CHECK(k.dark_pixels(marker.x - 150, marker.y + 40, marker.x + 150, marker.y + 100) > 100);
}

TEST_CASE("places whose hours are not known carry a \"?\" on the map, and the legend says what it means") {
    Kiosk k(demo_bundle(), "en", Route::map(), kWidth, kHeight, at_servizio_stranieri());
    k.clock.set_wall(*content::parse_local_iso("2026-11-27T10:00"));  // a Friday morning: Red Nova is open
    k.app.open(Route::home());
    k.app.open(Route::map());
    k.runner.settle();
    k.tap("map:zoom_out");
    k.capture();
    const auto text = k.runner.drawn_text();
    CHECK(std::count(text.begin(), text.end(), "Hours not known — ask before you go") == 1);  // the legend
    // The badge sits on the marker's upper shoulder (one marker radius, 16 px, right and up), a
    // "?" in dark ink on a white disc; Red Nova, whose hours are known, has none there.
    const auto badge_at = [&](const std::string& id) {
        const ImVec2 m = *k.runner.hits().center(id);
        const float x = m.x + 16, y = m.y - 16;
        return std::pair(k.count(Rgb{255, 255, 255}, x - 4, y - 4, x + 5, y + 5), k.dark_pixels(x - 4, y - 4, x + 5, y + 5));
    };
    int markers = 0;
    for (const auto& [id, rect] : k.runner.hits().all()) {
        if (!id.starts_with("marker:")) continue;
        const auto [white, dark] = badge_at(id);
        INFO(id << ": " << white << " white and " << dark << " dark pixels where a badge goes");
        if (id == "marker:rednova-call-center") {
            CHECK(white < 5);
            continue;
        }
        if (id == "marker:servizio-stranieri") continue;  // the kiosk stands there: its own dot and label cover it
        ++markers;
        CHECK(white >= 10);
        CHECK(dark >= 8);
    }
    CHECK(markers >= 3);
}
