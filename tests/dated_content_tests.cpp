// Content by date (issue 21): guides, places and links with `from`/`until` dates, and notices
// (notices.csv) on the home screen, a guide or a place, shown only on their days — read from
// the source, written into the bundle and read back for a given day; and their mistakes named.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/translate/po_export.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {

content::CivilDate day(const char* text) {
    const auto d = content::parse_date(text);
    REQUIRE_MESSAGE(d, text);
    return *d;
}

std::vector<std::string> guide_ids(const content::Bundle& b, const char* category, content::ShownOn on) {
    std::vector<std::string> ids;
    for (const auto& g : b.guides_in(category, "en", on)) ids.push_back(g.id);
    return ids;
}

bool has_place(const content::Bundle& b, const char* id, content::ShownOn on) {
    const auto places = b.places("en", on);
    return std::any_of(places.begin(), places.end(), [&](const content::PlaceView& p) { return p.place.id == id; });
}

}  // namespace

TEST_CASE("guides, places, links and notices with dates are in the bundle, and shown only on their days") {
    TempDir dir;
    const content::Bundle bundle(build_from_demo(dir, add_dated_demo_content));

    // A guide: from its first day to its last, both included.
    CHECK(guide_ids(bundle, "food", day("2026-12-19")).empty());
    CHECK(guide_ids(bundle, "food", day("2026-12-20")) == std::vector<std::string>{"food-help"});
    CHECK(guide_ids(bundle, "food", day("2027-01-07")) == std::vector<std::string>{"food-help"});
    CHECK(guide_ids(bundle, "food", day("2027-01-08")).empty());
    CHECK(guide_ids(bundle, "food", std::nullopt) == std::vector<std::string>{"food-help"});  // tools see everything
    CHECK(guide_ids(bundle, "documents", day("2026-12-19")).size() == 2);                     // undated: always

    // A place with only an end, in the places list and on its guide's cards.
    CHECK(has_place(bundle, "hub-sud", day("2026-12-31")));
    CHECK_FALSE(has_place(bundle, "hub-sud", day("2027-01-01")));
    CHECK(has_place(bundle, "hub-nord", day("2027-01-01")));
    const auto food_in_january = bundle.guide("food-help", "en", day("2027-01-02"));
    REQUIRE(food_in_january);
    CHECK(food_in_january->places.size() == 2);  // hub-nord, hub-centro
    CHECK(bundle.guide("food-help", "en")->places.size() == 3);
    REQUIRE(bundle.place("hub-sud", "en"));  // by id, whatever its dates (a screen already open)
    CHECK(bundle.place("hub-sud", "en")->place.shown.until == day("2026-12-31"));

    // A link with only a start, on its guides.
    const auto links_of = [&](const char* on) {
        std::vector<std::string> ids;
        const auto guide = bundle.guide("permit-booking", "en", day(on));
        for (const auto& l : guide->links) ids.push_back(l.id);
        return ids;
    };
    CHECK(links_of("2026-12-31").empty());
    CHECK(links_of("2027-01-01") == std::vector<std::string>{"prenotafacile"});
    CHECK_FALSE(bundle.shown("link", "prenotafacile", day("2026-12-31")));
    CHECK(bundle.shown("link", "prenotafacile", day("2027-01-01")));
    CHECK_FALSE(bundle.shown("guide", "no-such-guide", day("2027-01-01")));

    // Search finds only what is shown that day.
    const auto finds_food_help = [&](content::ShownOn on) {
        const auto hits = bundle.search("food parcels", "en", 20, on);
        return std::any_of(hits.begin(), hits.end(), [](const content::SearchHit& h) { return h.kind == "guide" && h.id == "food-help"; });
    };
    CHECK(finds_food_help(std::nullopt));
    CHECK(finds_food_help(day("2026-12-24")));
    CHECK_FALSE(finds_food_help(day("2026-12-01")));

    // Notices, on their target and days, in the visitor's language or a fallback.
    CHECK(bundle.notices("home", "en", day("2026-12-23")).empty());
    const auto home = bundle.notices("home", "en", day("2026-12-24"));
    REQUIRE(home.size() == 1);
    CHECK(home[0].text == "Closed for the holidays until 6 January");
    CHECK(bundle.notices("home", "it", day("2027-01-06"))[0].text == "Chiuso per le feste fino al 6 gennaio");
    CHECK(bundle.notices("home", "en", day("2027-01-07")).empty());
    const auto in_french = bundle.notices("home", "fr", day("2026-12-25"));
    REQUIRE(in_french.size() == 1);
    CHECK(in_french[0].is_fallback);
    CHECK(bundle.notices("place:hub-nord", "en", day("2026-11-01")).size() == 1);  // no start: from now on
    CHECK(bundle.notices("place:hub-nord", "en", day("2027-01-01")).empty());
    CHECK(bundle.notices("guide:food-help", "en", day("2030-01-01")).size() == 1);  // no end
    CHECK(bundle.notices("place:hub-sud", "en", day("2026-12-24")).empty());
}

TEST_CASE("mistakes in dates and notices are named at their row, with the fix; a past end is a warning") {
    struct Case {
        const char* what;
        std::function<void(const fs::path&)> edit;
        const char* file;
        int line;
        const char* problem;
    };
    const auto notices = [](const char* rows) {
        return [rows](const fs::path& src) {
            write(src / "notices.csv", std::string("id,on,from,until\n") + rows);
            write(src / "lang/en/strings.txt", read(src / "lang/en/strings.txt") + "notice.closed = Closed\n");
        };
    };
    const std::vector<Case> cases = {
        {"a date that is no day", [](const fs::path& s) { append_columns(s / "guides.csv", "from,until", {{"food-help", "2026-13-01,"}}); },
         "guides.csv", 6, "guide \"food-help\": from \"2026-13-01\" is not a date like 2026-12-24"},
        {"a date in another form", [](const fs::path& s) { append_columns(s / "places.csv", "from,until", {{"hub-sud", ",31/12/2026"}}); },
         "places.csv", 7, "place \"hub-sud\": until \"31/12/2026\" is not a date like 2026-12-24"},
        {"an end before the start", [](const fs::path& s) { append_columns(s / "links.csv", "approximate,from,until", {{"prenotafacile", ",2027-01-07,2026-12-20"}}); },
         "links.csv", 2, "link \"prenotafacile\": until 2026-12-20 is before from 2027-01-07"},
        {"a notice on an unknown guide", notices("closed,guide:no-such-guide,,\n"), "notices.csv", 2,
         "notice \"closed\": guide \"no-such-guide\" does not exist"},
        {"a notice on an unknown place", notices("closed,place:hub-west,,\n"), "notices.csv", 2, "notice \"closed\": place \"hub-west\" does not exist"},
        {"a notice on no screen the kiosk has", notices("closed,sidebar,,\n"), "notices.csv", 2,
         "notice \"closed\": on \"sidebar\" is not home, guide:<id> or place:<id>"},
        {"a notice without a text", [](const fs::path& s) { write(s / "notices.csv", "id,on,from,until\nclosed,home,,\n"); },
         "lang/en/strings.txt", 0, "key \"notice.closed\": missing in every fallback language (en, it)"},
        {"a text for no notice", [](const fs::path& s) { write(s / "lang/en/strings.txt", read(s / "lang/en/strings.txt") + "notice.closed = Closed\n"); },
         "lang/en/strings.txt", 0, "notice \"closed\" does not exist"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        TempDir dir;
        const fs::path src = copy_demo_source(dir);
        c.edit(src);
        content::Diagnostics d;
        content::load_source(src, d);
        const auto* e = error_about(d, c.file);
        REQUIRE_MESSAGE(e, all_errors(d));
        if (c.line) CHECK(e->line == c.line);
        CHECK_MESSAGE(e->format().find(c.problem) != std::string::npos, e->format());
        CHECK_MESSAGE(e->format().find("Fix: ") != std::string::npos, e->format());
    }

    // An item whose last day has passed is no error: a warning that the kiosk no longer shows it.
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    notices("closed,home,2026-12-01,2026-12-06\n")(src);
    content::Diagnostics d;
    content::load_source(src, d, {day("2026-12-07")});
    CHECK_FALSE(d.has_errors());
    const auto warned = std::any_of(d.all().begin(), d.all().end(), [](const content::Diagnostic& w) {
        return w.file == "notices.csv" && w.line == 2 && w.format().find("its last day (2026-12-06) was before today (2026-12-07)") != std::string::npos;
    });
    CHECK_MESSAGE(warned, all_errors(d));
}

TEST_CASE("an older source without date columns still loads, and a header may stop after from") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    append_columns(src / "guides.csv", "from", {{"food-help", "2026-12-20"}});
    const auto c = loaded(src);
    const auto food = std::find_if(c.guides.begin(), c.guides.end(), [](const content::Guide& g) { return g.id == "food-help"; });
    REQUIRE(food != c.guides.end());
    CHECK(food->shown.from == day("2026-12-20"));
    CHECK_FALSE(food->shown.until);
    CHECK(c.notices.empty());
}

TEST_CASE("a notice's text goes to translators with a note saying what it is") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    add_dated_demo_content(src);
    const std::string po = content::export_po(loaded(src), "fr");
    const size_t entry = po.find("msgctxt \"notice.holidays\"");
    REQUIRE(entry != std::string::npos);
    const size_t note = po.rfind("#. ", entry);
    CHECK(po.substr(note, entry - note).starts_with("#. A dated notice (notices.csv), a banner at the top of the screen it is on"));
    CHECK(po.find("msgid \"Chiuso per le feste fino al 6 gennaio\"", entry) != std::string::npos);
}
