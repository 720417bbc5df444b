// The reader the kiosk uses: queries, ordering, link resolution and the fallback chain.
#include <doctest/doctest.h>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/model/bundle.hpp"
#include "tests/content_fixture.hpp"
#include "tests/test_support.hpp"

using namespace content;
using test::build_from_demo;
namespace fs = std::filesystem;

TEST_CASE("reader: metadata, languages, categories and guides in source order") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path&) {}));
    CHECK(b.meta().version == 1);
    CHECK(b.meta().channel == "demo");
    CHECK(b.meta().fallback == std::vector<std::string>{"en", "it"});
    REQUIRE(b.languages().size() == 16);
    CHECK(b.languages()[0].code == "it");
    CHECK(b.language("ar")->direction == Direction::RightToLeft);
    CHECK(b.language("uk")->native_name == "Українська");
    CHECK(b.language("xx") == nullptr);

    const auto cats = b.categories("uk");
    REQUIRE(cats.size() == 6);
    CHECK(cats[0].id == "ukraine");
    CHECK(cats[0].title.lang == "uk");
    CHECK_FALSE(cats[0].title.is_fallback);

    const auto guides = b.guides_in("documents", "en");
    REQUIRE(guides.size() == 2);
    CHECK(guides[0].id == "residence-permit");
    CHECK(guides[1].id == "permit-booking");
}

TEST_CASE("reader: a guide view resolves links and carries its places") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path&) {}));
    const auto g = b.guide("permit-booking", "ar");
    REQUIRE(g);
    CHECK(g->lang == "ar");
    CHECK(g->category_id == "documents");
    REQUIRE(g->links.size() == 1);
    CHECK(g->links[0].target == "https://prenotafacile.poliziadistato.it");
    CHECK(g->links[0].label.lang == "ar");
    // link:prenotafacile in the body stays a link by id: a tap opens its QR screen.
    bool found = false;
    for (const auto& block : g->body.blocks)
        for (const auto& span : block.spans) found |= span.target == "link:prenotafacile";
    CHECK(found);
    const auto call = b.guide("ukraine-call-center", "en");
    REQUIRE(call);
    REQUIRE(call->places.size() == 1);
    CHECK(call->places[0].place.phone == "011 0112 5500");
    CHECK(call->places[0].note.lang == "en");
    CHECK_FALSE(b.guide("no-such-guide", "en").has_value());
    CHECK(b.has_guide("permit-booking"));
    CHECK_FALSE(b.has_guide("no-such-guide"));
    CHECK(b.has_category("documents"));
    CHECK_FALSE(b.has_category("permit-booking"));
}

TEST_CASE("fallback chain: the visitor's language, then English, then Italian, marked as fallback") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path& src) {
        fs::remove(src / "lang/fr/guides/food-help.md");                 // falls back to English
        fs::remove(src / "lang/fr/guides/housing-support.md");
        fs::remove(src / "lang/en/guides/housing-support.md");           // ... and on to Italian
        test::replace_in_file(src / "lang/ar/strings.txt", "nav.home = ", "# nav.home = ");
    }));
    CHECK(b.chain_for("fr") == std::vector<std::string>{"fr", "en", "it"});
    CHECK(b.chain_for("en") == std::vector<std::string>{"en", "it"});

    const auto food = b.guide("food-help", "fr");
    REQUIRE(food);
    CHECK(food->lang == "en");
    CHECK(food->is_fallback);
    const auto housing = b.guide("housing-support", "fr");
    REQUIRE(housing);
    CHECK(housing->lang == "it");
    CHECK(housing->is_fallback);
    const auto own = b.guide("asylum-reception", "fr");
    CHECK(own->lang == "fr");
    CHECK_FALSE(own->is_fallback);

    // Summaries in the guide list fall back the same way.
    const auto list = b.guides_in("food", "fr");
    REQUIRE(list.size() == 1);
    CHECK(list[0].title.lang == "en");
    CHECK(list[0].title.is_fallback);

    const auto home = b.ui("nav.home", "ar");
    CHECK(home.lang == "en");
    CHECK(home.text == "Home");
    CHECK(home.is_fallback);

    // The chain is configurable: a kiosk may prefer Italian before English.
    b.set_fallback({"it", "en"});
    CHECK(b.guide("food-help", "fr")->lang == "it");
    CHECK(b.ui("nav.home", "ar").lang == "it");
}

TEST_CASE("a text no language of the chain has is reported missing, not invented") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path&) {}));
    const auto missing = b.ui("no.such.key", "fr");
    CHECK_FALSE(missing.found());
    CHECK(missing.text.empty());
}
