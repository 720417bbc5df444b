// kiosk-bundle diff between the demo bundle and one built from a copy of its source with known
// changes: each change reported once, in its own words with the old and the new wording, and
// nothing else. One edit of each kind of item, since diff is the only review before signing and
// once said "no changes" for an edited timetable, a place taken off a guide and changed services.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "content/build/bundle_diff.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {
const std::string kTool = KIOSK_BUNDLE_TOOL;

fs::path build(const fs::path& src, const fs::path& out) {
    const auto r = run(kTool + " build --today 2026-11-24 " + src.string() + " -o " + out.string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    return out;
}

// What diff says between the demo (with the example stops) and the same after `edit`.
std::string diff_after(const std::function<void(const fs::path&)>& edit) {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    fs::copy_file(example_stops(), src / "stops.csv");
    const fs::path before = build(src, dir / "before.kbundle");
    edit(src);
    const fs::path after = build(src, dir / "after.kbundle");
    const auto r = run(kTool + " diff " + before.string() + " " + after.string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    return r.output;
}
}  // namespace

TEST_CASE("kiosk-bundle diff reports each kind of change exactly, with the old and the new wording") {
    struct Edit {
        const char* what;
        std::function<void(const fs::path&)> edit;
        std::string expected;
    };
    const std::vector<Edit> edits = {
        {"the version", [](const fs::path& s) { replace_in_file(s / "bundle.ini", "version = 1", "version = 2"); },
         "bundle.ini version: \"1\" → \"2\"\n"},
        {"a category's icon", [](const fs::path& s) { replace_in_file(s / "categories.csv", "food,basket", "food,heart"); },
         "category food: icon \"basket\" → \"heart\"\n"},
        {"a category's summary in one language",
         [](const fs::path& s) { replace_in_file(s / "lang/it/strings.txt", "buoni spesa dalla rete", "buoni spesa della rete"); },
         "category food, in it: summary \"Pacchi alimentari, beni di prima necessità e buoni spesa dalla rete Torino Solidale.\" → "
         "\"Pacchi alimentari, beni di prima necessità e buoni spesa della rete Torino Solidale.\"\n"},
        {"a guide's body",
         [](const fs::path& s) { replace_in_file(s / "lang/en/guides/food-help.md", "- **food parcels**", "- **food parcels** every week"); },
         "guide food-help, in en: body line 4 \"- **food parcels**\" → \"- **food parcels** every week\"\n"},
        {"a guide removed in one language", [](const fs::path& s) { fs::remove(s / "lang/so/guides/food-help.md"); },
         "guide food-help, in so: removed\n"},
        {"a place taken off a guide",
         [](const fs::path& s) { replace_in_file(s / "guides.csv", "food-help,food,hub-nord hub-centro hub-sud,", "food-help,food,hub-nord hub-centro,"); },
         "guide food-help, place hub-sud: removed\n"},
        {"a short text", [](const fs::path& s) { replace_in_file(s / "lang/fr/strings.txt", "map.here = Vous êtes ici", "map.here = Vous êtes ici, au kiosque"); },
         "string map.here, in fr: \"Vous êtes ici\" → \"Vous êtes ici, au kiosque\"\n"},
        {"a place's hours", [](const fs::path& s) {
             replace_in_file(s / "places.csv", "hub-sud,food_hub,Snodo Torino Solidale (zona sud),,45.0330,7.6560,yes,,",
                             "hub-sud,food_hub,Snodo Torino Solidale (zona sud),,45.0330,7.6560,yes,Mo 10:00-12:00,");
         },
         "place hub-sud: hours \"\" → \"Mo 10:00-12:00\"\n"},
        {"a place moved", [](const fs::path& s) { replace_in_file(s / "places.csv", ",45.0330,7.6560,", ",45.0350,7.6560,"); },
         "place hub-sud: moved 222 m (45.033, 7.656 → 45.035, 7.656)\n"},
        {"a place's services", [](const fs::path& s) {
             replace_in_file(s / "places.csv", "45.0960,7.6890,yes,,,food-parcels", "45.0960,7.6890,yes,,,food-parcels information");
         },
         "place hub-nord, service information: added\n"},
        {"a place's note in one language",
         [](const fs::path& s) { replace_in_file(s / "lang/en/strings.txt", "Torino Solidale hub for food and basic goods, north part", "Torino Solidale hub for food and goods, north part"); },
         "place hub-nord, in en: note \"Torino Solidale hub for food and basic goods, north part of the city. The exact address is not "
         "in the kiosk.\" → \"Torino Solidale hub for food and goods, north part of the city. The exact address is not in the kiosk.\"\n"},
        {"a stop's time in the mobile unit's timetable",
         [](const fs::path& s) { replace_in_file(s / "stops.csv", "mobile-unit,2026-12-01,10:00-13:00", "mobile-unit,2026-12-01,10:00-12:00"); },
         "stop of mobile-unit on 2026-12-01 at 10:00: until \"13:00\" → \"12:00\"\n"},
        {"a link's target",
         [](const fs::path& s) { replace_in_file(s / "links.csv", "https://prenotafacile.poliziadistato.it", "https://prenotafacile.poliziadistato.it/"); },
         "link prenotafacile: target \"https://prenotafacile.poliziadistato.it\" → \"https://prenotafacile.poliziadistato.it/\"\n"},
        {"a guide's dates", [](const fs::path& s) { append_columns(s / "guides.csv", "from,until", {{"food-help", "2026-12-20,2027-01-07"}}); },
         "guide food-help: from \"\" → \"2026-12-20\"\nguide food-help: until \"\" → \"2027-01-07\"\n"},
        {"a link's last day", [](const fs::path& s) { append_columns(s / "links.csv", "approximate,from,until", {{"prenotafacile", ",,2027-01-31"}}); },
         "link prenotafacile: until \"\" → \"2027-01-31\"\n"},
        {"a notice", [](const fs::path& s) {
             write(s / "notices.csv", "id,on,from,until\nclosed,place:hub-nord,2026-12-24,2026-12-26\n");
             write(s / "lang/en/strings.txt", read(s / "lang/en/strings.txt") + "notice.closed = Closed from 24 to 26 December\n");
         },
         "string notice.closed, in en: added\nnotice closed: added\n"},
        {"a keyboard's keys", [](const fs::path& s) { replace_in_file(s / "keyboards.txt", "row = z x c v b n m", "row = z x c v b n m ø"); },
         ""},  // the keys' old and new rows: checked below, by prefix
        {"a map layer's colour", [](const fs::path& s) { replace_in_file(s / "map/layers.txt", "fill = #efebe3", "fill = #efebe4"); },
         ""},  // fill as stored (a number): checked below, by prefix
        {"a map layer's shape", [](const fs::path& s) {
             replace_in_file(s / "map/municipalities.geojson", "[7.515475660349643,45.119522201974256]", "[7.515475660349643,45.1196]");
         },
         "map layer municipalities: shapes changed\n"},
    };
    for (const auto& e : edits) {
        INFO(e.what);
        const std::string said = diff_after(e.edit);
        if (std::string(e.what) == "a keyboard's keys") {
            CHECK(said.starts_with("keyboard latin: keys line 3 \"z x c v b n m\" → \"z x c v b n m ø\""));
            CHECK(std::count(said.begin(), said.end(), '\n') == 1);
        } else if (std::string(e.what) == "a map layer's colour") {
            CHECK(said == "map layer municipalities: fill \"15723491\" → \"15723492\"\n");
        } else {
            CHECK(said == e.expected);
        }
    }
}

TEST_CASE("kiosk-bundle diff: the same bundle is no change; a missing file is named") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path before = build(src, dir / "before.kbundle");
    const auto same = run(kTool + " diff " + before.string() + " " + before.string());
    CHECK(same.status == 0);
    CHECK(same.output == "no changes\n");
    const auto missing = run(kTool + " diff " + before.string() + " " + (dir / "none.kbundle").string());
    CHECK(missing.status == 1);
    CHECK(missing.output.find((dir / "none.kbundle").string()) != std::string::npos);
}

TEST_CASE("diff shortens a long text for logs and terminals, and gives it whole for a publisher's review") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path before = build(src, dir / "before.kbundle");
    // A change at the end of a paragraph longer than the 160 bytes a line shows.
    replace_in_file(src / "lang/it/guides/food-help.md", "senza nessuno che le aiuti.", "senza nessuno che le possa aiutare.");
    const fs::path after = build(src, dir / "after.kbundle");
    const auto shortened = content::diff_bundles(before, after);
    REQUIRE(shortened.size() >= 1);
    const auto body = std::find_if(shortened.begin(), shortened.end(), [](const std::string& l) { return l.starts_with("guide food-help, in it: body"); });
    REQUIRE(body != shortened.end());
    CHECK(body->find("…\" → \"") != std::string::npos);
    CHECK(body->find("possa aiutare") == std::string::npos);  // past the cut
    const auto whole = content::diff_bundles(before, after, true);
    const auto full = std::find_if(whole.begin(), whole.end(), [](const std::string& l) { return l.starts_with("guide food-help, in it: body"); });
    REQUIRE(full != whole.end());
    CHECK(full->find("che le aiuti.\" → \"") != std::string::npos);
    CHECK(full->ends_with("che le possa aiutare.\""));
    CHECK(full->find("…") == std::string::npos);
}
