// The directions URL a place's QR code carries: the template, its placeholders and numbers, and
// a bundle's own template from bundle.ini through the build into the bundle.
#include <doctest/doctest.h>

#include <clocale>
#include <sstream>

#include "content/model/bundle.hpp"
#include "content/model/directions.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

TEST_CASE("directions: the default is Google Maps walking directions to the address") {
    Meta meta;  // no directions_url: the default
    Place red_nova;
    red_nova.address = "Corso Regina Margherita 137 (piano terra), Torino";
    red_nova.lat = 45.0797;
    red_nova.lon = 7.6712;
    red_nova.approximate = true;
    // The address, its note in parentheses left out: a map search does not know "piano terra".
    CHECK(directions_url(meta, red_nova) ==
          "https://www.google.com/maps/dir/?api=1&destination=Corso%20Regina%20Margherita%20137%2C%20Torino&travelmode=walking");
    CHECK(searchable_address("Via Roma 1 (cortile) (scala B) , Torino") == "Via Roma 1, Torino");
    CHECK(searchable_address("Corso Giulio Cesare 22, Torino") == "Corso Giulio Cesare 22, Torino");
}

TEST_CASE("directions: an approximate position is never a destination; an exact one is") {
    Meta meta;
    Place hub;  // the demo's food hubs: no address, a point on the map that is only approximate
    hub.lat = 45.0680;
    hub.lon = 7.6800;
    hub.approximate = true;
    CHECK_FALSE(directions_url(meta, hub));
    hub.approximate = false;  // a source that gives the exact position
    CHECK(directions_url(meta, hub) == "https://www.google.com/maps/dir/?api=1&destination=45.06800%2C7.68000&travelmode=walking");
    meta.directions_url = "https://www.openstreetmap.org/directions?to={lat},{lon}";
    CHECK(directions_url(meta, hub) == "https://www.openstreetmap.org/directions?to=45.06800,7.68000");
    // A coordinates-only template cannot lead to an address: an approximate place gets none.
    Place red_nova;
    red_nova.address = "Corso Regina Margherita 137, Torino";
    red_nova.lat = 45.0797;
    red_nova.lon = 7.6712;
    red_nova.approximate = true;
    CHECK_FALSE(directions_url(meta, red_nova));
    // A stop is a destination by the same rule.
    Stop stop;
    stop.lat = 45.056, stop.lon = 7.68, stop.approximate = true;
    CHECK_FALSE(directions_url(Meta{}, stop));
    stop.address = "Largo Saluzzo, Torino";
    CHECK(directions_url(Meta{}, stop) == "https://www.google.com/maps/dir/?api=1&destination=Largo%20Saluzzo%2C%20Torino&travelmode=walking");
}

TEST_CASE("directions: placeholders, rounding, negative coordinates, whatever the locale") {
    // A locale with a decimal comma, if this machine has one: the URL must still use '.'.
    const bool comma_locale = std::setlocale(LC_NUMERIC, "it_IT.UTF-8") || std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    CAPTURE(comma_locale);
    CHECK(fill_directions_template("https://x.example/?to={lat},{lon}", -33.8567844, -70.0000049) ==
          "https://x.example/?to=-33.85678,-70.00000");
    CHECK(fill_directions_template("https://x.example/{lon}/{lat}", -0.000001, 180) == "https://x.example/180.00000/0.00000");
    CHECK(fill_directions_template("https://www.openstreetmap.org/directions?to={lat},{lon}", 45.0703, 7.6869) ==
          "https://www.openstreetmap.org/directions?to=45.07030,7.68690");
    CHECK(fill_directions_template("https://x.example/?q={address}", 0, 0, "Via Po 1/A, Torino (è)") ==
          "https://x.example/?q=Via%20Po%201%2FA%2C%20Torino%20%28%C3%A8%29");
    std::setlocale(LC_NUMERIC, "C");
}

TEST_CASE("directions: a template must be a usable https address with its placeholders") {
    CHECK_FALSE(directions_template_problem(kDefaultDirectionsUrl));
    CHECK_FALSE(directions_template_problem("https://www.openstreetmap.org/directions?to={lat},{lon}"));
    CHECK_FALSE(directions_template_problem("https://www.openstreetmap.org/search?query={address}"));
    CHECK(*directions_template_problem("geo:{lat},{lon}") == "is a geo: address, which the iPhone's camera does not open");
    CHECK(directions_template_problem("www.openstreetmap.org/directions?to={lat},{lon}"));  // no scheme
    CHECK(directions_template_problem("javascript:alert({lat},{lon})"));
    CHECK(directions_template_problem("https://maps.example/?to={lat}"));  // no longitude
    CHECK(directions_template_problem("https://maps.example/?to={lon}"));  // no latitude
    CHECK(*directions_template_problem("https://maps.example/?to={lat},{lng}") == "has no {lon} placeholder for the longitude");
    CHECK(*directions_template_problem("https://maps.example/") == "has no {address} placeholder (nor {lat} and {lon})");
    CHECK(directions_template_problem("https://maps.example/?to={lat},{lon}&name={name}")->find("{name}") != std::string::npos);
    CHECK(directions_template_problem("https://maps.example/?to={lat}, {lon}"));  // a space breaks the URL
    // An unusable template gives no URL rather than a wrong one.
    Meta meta;
    meta.directions_url = "https://maps.example/?to={lat}";
    Place p;
    p.lat = 45.0797;
    p.lon = 7.6712;
    CHECK_FALSE(directions_url(meta, p));
}

TEST_CASE("directions: the coordinates a link names, for the build's check") {
    CHECK(coordinates_in("geo:45.0797,7.6712?q=x") == std::pair{45.0797, 7.6712});
    CHECK(coordinates_in("https://www.google.com/maps/dir/?api=1&destination=45.07970%2C7.67120") == std::pair{45.0797, 7.6712});
    CHECK(coordinates_in("https://www.openstreetmap.org/directions?to=-33.85,151.2") == std::pair{-33.85, 151.2});
    CHECK_FALSE(coordinates_in("https://www.google.com/maps/dir/?api=1&destination=Corso%20Regina%20Margherita%20137%2C%20Torino"));
    CHECK_FALSE(coordinates_in("https://prenotafacile.poliziadistato.it"));
}

TEST_CASE("directions: a place without a position has no directions") {
    Place nowhere;
    CHECK_FALSE(has_position(nowhere));
    CHECK_FALSE(directions_url(Meta{}, nowhere));
    Place equator;
    equator.lat = 0;
    equator.lon = 9.5;
    CHECK(has_position(equator));
}

TEST_CASE("directions: bundle.ini's directions_url reaches the bundle and the URLs") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "bundle.ini", "demo = yes", "demo = yes\ndirections_url = https://www.openstreetmap.org/search?query={address}");
    const fs::path out = dir / "custom.kbundle";
    const auto r = test::run(std::string(KIOSK_BUNDLE_TOOL) + " build " + src.string() + " -o " + out.string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    const Bundle bundle(out);
    CHECK(bundle.meta().directions_url == "https://www.openstreetmap.org/search?query={address}");
    const auto place = bundle.place("rednova-call-center", "en");
    REQUIRE(place);
    CHECK(directions_url(bundle.meta(), place->place) == "https://www.openstreetmap.org/search?query=Corso%20Regina%20Margherita%20137%2C%20Torino");
    // Six of the demo's seven places have no known address: none of them gives directions.
    int without = 0;
    for (const auto& p : bundle.places("en")) without += !directions_url(bundle.meta(), p.place);
    CHECK(without == 6);
}

TEST_CASE("directions: kiosk-bundle build refuses a bad directions_url, naming the file and the fix") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "bundle.ini", "demo = yes", "demo = yes\ndirections_url = https://www.openstreetmap.org/directions?to={lat}");
    const fs::path out = dir / "bad.kbundle";
    const auto r = test::run(std::string(KIOSK_BUNDLE_TOOL) + " build " + src.string() + " -o " + out.string());
    INFO(r.output);
    CHECK(r.status == 1);
    CHECK(r.output.find("bundle.ini:11: error: directions_url: \"https://www.openstreetmap.org/directions?to={lat}\" has no {lon} "
                        "placeholder for the longitude") != std::string::npos);
    CHECK(r.output.find("Fix: write the address of a directions page with {address}") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("directions: kiosk-bundle build refuses a geo: link and coordinates that do not say how exact they are") {
    const auto build = [](const std::string& link_row) {
        test::TempDir dir;
        const fs::path src = test::copy_demo_source(dir);
        // The optional column, empty on the demo's rows.
        std::string links;
        std::istringstream rows(test::read(src / "links.csv"));
        for (std::string row; std::getline(rows, row);) links += row + (links.empty() ? ",approximate\n" : ",\n");
        test::write(src / "links.csv", links + link_row + "\n");
        test::write(src / "lang/en/strings.txt", test::read(src / "lang/en/strings.txt") + "link.hub-way.label = Directions to the hub\n");
        const auto r = test::run(std::string(KIOSK_BUNDLE_TOOL) + " build " + src.string() + " -o " + (dir / "out.kbundle").string());
        return r;
    };
    auto r = build("hub-way,directions,\"geo:45.068,7.68\",");
    CHECK(r.status == 1);
    CHECK(r.output.find("links.csv:7: error: link \"hub-way\": target \"geo:45.068,7.68\" is a geo: address, which the iPhone's camera does not open") !=
          std::string::npos);
    r = build("hub-way,directions,https://www.google.com/maps/dir/?api=1&destination=45.068%2C7.68,");
    CHECK(r.status == 1);
    CHECK(r.output.find("link \"hub-way\": leads to the position 45.06800,7.68000 and does not say whether it is exact") != std::string::npos);
    CHECK(r.output.find("Fix: better, lead to the address") != std::string::npos);
    // hub-centro's map point is approximate: a link to it may not claim to be exact...
    r = build("hub-way,directions,https://www.google.com/maps/dir/?api=1&destination=45.068%2C7.68,no");
    CHECK(r.status == 1);
    CHECK(r.output.find("the approximate map position of place \"hub-centro\", and says it is exact") != std::string::npos);
    // ...but may lead there when it says it is approximate: the QR screen and the ticket then say so.
    r = build("hub-way,directions,https://www.google.com/maps/dir/?api=1&destination=45.068%2C7.68,yes");
    INFO(r.output);
    CHECK(r.status == 0);
}
