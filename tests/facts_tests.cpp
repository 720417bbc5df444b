// Facts written once (issue 21): the call center's number stood in 134 places, one per guide and
// language, so an edit that missed a language passed unseen. A text now refers to the place's
// phone, address or name ({place.<id>.phone}) or lets a link show its own number or host
// ([](link:<id>)); the build fills them in for every language from the one place they are written.
#include <doctest/doctest.h>

#include "content/build/facts.hpp"
#include "content/model/bundle.hpp"
#include "content/model/sqlite.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/po_import.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {

// How many guide texts of the bundle, in any language, contain `text`.
int guide_texts_with(const fs::path& bundle, const std::string& text) {
    const content::sql::Database db(bundle, content::sql::Database::Mode::ReadOnly);
    auto q = db.prepare("SELECT count(*) FROM guide_text WHERE instr(body, ?) > 0");
    q.bind(1, text);
    q.step();
    return static_cast<int>(q.integer(0));
}

int files_with(const fs::path& folder, const std::string& text) {
    int n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && read(entry.path()).find(text) != std::string::npos) ++n;
    return n;
}

content::Diagnostics validate(const fs::path& src) {
    content::Diagnostics d;
    content::load_source(src, d);
    return d;
}

}  // namespace

TEST_CASE("the call center's number is written once, in places.csv, and the build puts it into every language's guides") {
    TempDir dir, built;
    const fs::path src = copy_demo_source(dir);
    CHECK(files_with(src / "lang", "0112 5500") == 0);
    CHECK(read(src / "places.csv").find(",011 0112 5500,") != std::string::npos);
    const fs::path before = build_from_demo(built, [](const fs::path&) {});
    const int shown = guide_texts_with(before, "[011 0112 5500](link:rednova-phone)");
    CHECK(shown >= 16 * 8);  // every guide in every language
    CHECK(guide_texts_with(before, "{place.") == 0);

    // One edit of places.csv changes them all.
    TempDir other;
    const fs::path after = build_from_demo(other, [](const fs::path& s) { replace_in_file(s / "places.csv", ",011 0112 5500,", ",011 0112 5599,"); });
    CHECK(guide_texts_with(after, "[011 0112 5599](link:rednova-phone)") == shown);
    CHECK(guide_texts_with(after, "0112 5500") == 0);
}

TEST_CASE("a link with no words shows its number or its host") {
    TempDir dir;
    const fs::path bundle = build_from_demo(dir, [](const fs::path&) {});
    CHECK(guide_texts_with(bundle, "[112](link:emergency-112)") == 16);
    CHECK(guide_texts_with(bundle, "[prenotafacile.poliziadistato.it](link:prenotafacile)") == 16);
    CHECK(guide_texts_with(bundle, "[](link:") == 0);
    CHECK(content::link_shown_text({"x", "tel", "tel:+39-011-0112-5500", false, {}}) == "+39 011 0112 5500");
    CHECK(content::link_shown_text({"x", "web", "https://www.portaleimmigrazione.it/path?q=1", false, {}}) == "www.portaleimmigrazione.it");
    CHECK_FALSE(content::link_shown_text({"x", "directions", "https://www.google.com/maps/dir/?api=1", false, {}}));
}

TEST_CASE("a reference to a place, column or value that does not exist is an error at its line, with the fix") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const auto refused = [&](const std::string& text, const std::string& expected) {
        replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil", "nav.home = " + text);
        const auto d = validate(src);
        const std::string all = all_errors(d);
        INFO(all);
        CHECK(d.error_count() == 1);
        CHECK(all.find("lang/fr/strings.txt:2: error: key \"nav.home\": " + expected) != std::string::npos);
        replace_in_file(src / "lang/fr/strings.txt", "nav.home = " + text, "nav.home = Accueil");
    };
    refused("Appelez {place.nowhere.phone}", "{place.nowhere.phone}: places.csv has no place \"nowhere\". Fix: write the id of a place of places.csv");
    refused("Appelez {place.rednova-call-center.email}", "{place.rednova-call-center.email}: a place has no \"email\" to show here. Fix: write {place.rednova-call-center.phone}, .address or .name");
    refused("Appelez {place.questura-immigration-office.phone}",
            "{place.questura-immigration-office.phone}: place \"questura-immigration-office\" has no phone in places.csv, so the text would show nothing");
    refused("Itinéraire : [](link:rednova-directions)", "[](link:rednova-directions) has no words, and a directions link has no number or address of its own to show");
    CHECK_FALSE(validate(src).has_errors());
}

TEST_CASE("a translator keeps a fact's reference: import-po refuses a translation that writes the number instead") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    content::Diagnostics loaded;
    const fs::path po = dir / "fr.po";
    write(po, content::export_po(content::load_source(src, loaded), "fr"));
    // The entry is not flagged python-brace-format ({place.<id>.phone} is no Python format), so
    // msgfmt -c still accepts the file; import-po does the checking.
    CHECK(run("msgfmt -c -o /dev/null '" + po.string() + "'").status == 0);
    auto read = content::read_po(po);
    bool edited = false;
    for (auto& e : read.entries)
        if (!edited && e.msgstr.find("[{place.rednova-call-center.phone}](link:rednova-phone)") != std::string::npos) {
            CHECK(e.format.empty());
            CHECK(e.extracted_comments.find("Keep {place.rednova-call-center.phone} exactly as written") != std::string::npos);
            const auto at = e.msgstr.find("{place.rednova-call-center.phone}");
            e.msgstr.replace(at, std::string("{place.rednova-call-center.phone}").size(), "011 0112 5500");
            edited = true;
        }
    REQUIRE(edited);
    content::PoHeader header;
    for (const auto& [name, value] : read.header) header.emplace_back(name, value);
    write(po, content::write_po(header, read.entries));
    content::Diagnostics d;
    CHECK_FALSE(content::import_po(src, po, d));
    CHECK(all_errors(d).find("the translation drops {place.rednova-call-center.phone}") != std::string::npos);
}

TEST_CASE("a known number written into a text is a warning that names the reference to write instead") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    replace_in_file(src / "lang/fr/guides/food-help.md", "[{place.rednova-call-center.phone}](link:rednova-phone)", "[011 0112 5500](link:rednova-phone)");
    replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil", "nav.home = Appelez le +39 011-0112-5500");
    const auto d = validate(src);
    CHECK_FALSE(d.has_errors());
    std::vector<std::string> warnings;
    for (const auto& item : d.all())
        if (item.problem.find("is written into the text") != std::string::npos) warnings.push_back(item.format());
    REQUIRE(warnings.size() == 2);
    const auto line = [&](const std::string& text) {
        return std::find_if(warnings.begin(), warnings.end(), [&](const std::string& w) { return w.starts_with(text); }) != warnings.end();
    };
    CHECK(line("lang/fr/guides/food-help.md:16: warning: guide \"food-help\": the number 011 0112 5500 is written into the text, so a change in "
               "places.csv or links.csv would not reach it. Fix: write {place.rednova-call-center.phone} instead"));
    CHECK(line("lang/fr/strings.txt:2: warning: key \"nav.home\": the number +39 011-0112-5500 is written into the text"));
    // Numbers that are not the places' or links' (a year, a postcode) are no one's business.
    replace_in_file(src / "lang/fr/strings.txt", "nav.home = Appelez le +39 011-0112-5500", "nav.home = Accueil 2026, 10121");
    replace_in_file(src / "lang/fr/guides/food-help.md", "[011 0112 5500](link:rednova-phone)", "[{place.rednova-call-center.phone}](link:rednova-phone)");
    const auto plain = validate(src);
    for (const auto& item : plain.all()) CHECK(item.problem.find("is written into the text") == std::string::npos);
}
