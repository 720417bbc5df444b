// kiosk-bundle diff between the demo bundle and one built from a copy of its source with known
// changes: each change reported once, in its own words, and nothing else.
#include <doctest/doctest.h>

#include "tests/test_support.hpp"

using namespace test;

namespace {
const std::string kTool = KIOSK_BUNDLE_TOOL;

fs::path build(const fs::path& src, const fs::path& out) {
    const auto r = run(kTool + " build " + src.string() + " -o " + out.string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    return out;
}
}  // namespace

TEST_CASE("kiosk-bundle diff names what an update changes: a place moved and its hours, a string, a guide, a link") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path before = build(src, dir / "before.kbundle");
    replace_in_file(src / "places.csv", "hub-sud,food_hub,Snodo Torino Solidale (zona sud),,45.0330,7.6560,yes,,",
                    "hub-sud,food_hub,Snodo Torino Solidale (zona sud),,45.0350,7.6560,yes,Mo 10:00-12:00,");
    replace_in_file(src / "lang/fr/strings.txt", "map.here = Vous êtes ici", "map.here = Vous êtes ici, au kiosque");
    fs::remove(src / "lang/so/guides/food-help.md");
    replace_in_file(src / "links.csv", "https://prenotafacile.poliziadistato.it", "https://prenotafacile.poliziadistato.it/");
    const fs::path after = build(src, dir / "after.kbundle");

    const auto r = run(kTool + " diff " + before.string() + " " + after.string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    CHECK(r.output ==
          "guide food-help: removed in so\n"
          "string map.here: changed in fr\n"
          "place hub-sud: moved 222 m\n"
          "place hub-sud: hours \"\" → \"Mo 10:00-12:00\"\n"
          "link prenotafacile: https://prenotafacile.poliziadistato.it → https://prenotafacile.poliziadistato.it/\n");

    const auto same = run(kTool + " diff " + before.string() + " " + before.string());
    CHECK(same.status == 0);
    CHECK(same.output == "no changes\n");
    const auto missing = run(kTool + " diff " + before.string() + " " + (dir / "none.kbundle").string());
    CHECK(missing.status == 1);
    CHECK(missing.output.find((dir / "none.kbundle").string()) != std::string::npos);
}
