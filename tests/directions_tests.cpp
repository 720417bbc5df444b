// The directions URL a place's QR code carries: the template, its placeholders and numbers, and
// a bundle's own template from bundle.ini through the build into the bundle.
#include <doctest/doctest.h>

#include <clocale>

#include "content/model/bundle.hpp"
#include "content/model/directions.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

TEST_CASE("directions: the default is Google Maps walking directions, five decimals, '.'") {
    Meta meta;  // no directions_url: the default
    Place red_nova;
    red_nova.lat = 45.0797;
    red_nova.lon = 7.6712;
    CHECK(directions_url(meta, red_nova) == "https://www.google.com/maps/dir/?api=1&destination=45.07970,7.67120&travelmode=walking");
}

TEST_CASE("directions: placeholders, rounding, negative coordinates, whatever the locale") {
    // A locale with a decimal comma, if this machine has one: the URL must still use '.'.
    const bool comma_locale = std::setlocale(LC_NUMERIC, "it_IT.UTF-8") || std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    CAPTURE(comma_locale);
    CHECK(fill_directions_template("geo:{lat},{lon}?q={lat},{lon}", 45.079701, 7.671249) ==
          "geo:45.07970,7.67125?q=45.07970,7.67125");
    CHECK(fill_directions_template("https://x.example/?to={lat},{lon}", -33.8567844, -70.0000049) ==
          "https://x.example/?to=-33.85678,-70.00000");
    CHECK(fill_directions_template("https://x.example/{lon}/{lat}", -0.000001, 180) == "https://x.example/180.00000/0.00000");
    CHECK(fill_directions_template("https://www.openstreetmap.org/directions?to={lat},{lon}", 45.0703, 7.6869) ==
          "https://www.openstreetmap.org/directions?to=45.07030,7.68690");
    std::setlocale(LC_NUMERIC, "C");
}

TEST_CASE("directions: a template must be a usable address with both placeholders") {
    CHECK_FALSE(directions_template_problem(kDefaultDirectionsUrl));
    CHECK_FALSE(directions_template_problem("https://www.openstreetmap.org/directions?to={lat},{lon}"));
    CHECK_FALSE(directions_template_problem("geo:{lat},{lon}"));
    CHECK(directions_template_problem("www.openstreetmap.org/directions?to={lat},{lon}"));  // no scheme
    CHECK(directions_template_problem("javascript:alert({lat},{lon})"));
    CHECK(directions_template_problem("https://maps.example/?to={lat}"));  // no longitude
    CHECK(directions_template_problem("https://maps.example/?to={lon}"));  // no latitude
    CHECK(*directions_template_problem("https://maps.example/?to={lat},{lng}") == "has no {lon} placeholder for the longitude");
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
    test::replace_in_file(src / "bundle.ini", "demo = yes", "demo = yes\ndirections_url = https://www.openstreetmap.org/directions?to={lat},{lon}");
    const fs::path out = dir / "custom.kbundle";
    const auto r = test::run(std::string(KIOSK_BUNDLE_TOOL) + " build " + src.string() + " -o " + out.string());
    INFO(r.output);
    REQUIRE(r.status == 0);
    const Bundle bundle(out);
    CHECK(bundle.meta().directions_url == "https://www.openstreetmap.org/directions?to={lat},{lon}");
    const auto place = bundle.place("rednova-call-center", "en");
    REQUIRE(place);
    CHECK(directions_url(bundle.meta(), place->place) == "https://www.openstreetmap.org/directions?to=45.07970,7.67120");
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
    CHECK(r.output.find("Fix: write the address of a directions page with {lat} and {lon}") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}
