// A translator's file meets a source that changed after its export: the gettext route
// (msgmerge --previous of the translator's file into a new export), checked with gettext's own
// tools and translate-toolkit's pocount and pofilter, then import-po. Nothing the translator
// wrote is lost: msgmerge keeps every translation, a block added above others moves none of
// them, and import-po takes what still matches and names each entry it leaves out (issue 21).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "content/text/body_blocks.hpp"
#include "content/translate/coverage.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/po_import.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {

// The entries of a PO file as a PO editor saves them, after `edit` changed them.
template <typename Edit>
void edit_po(const fs::path& po, Edit edit) {
    auto read = content::read_po(po);
    REQUIRE(read.problems.empty());
    for (auto& e : read.entries) edit(e);
    content::PoHeader header;
    for (const auto& [name, value] : read.header) header.emplace_back(name, value);
    write(po, content::write_po(header, read.entries));
}

// pocount's count of a kind of entry ("Translated", "Fuzzy", "Untranslated"), colours off.
int pocount(const fs::path& po, const std::string& kind) {
    const auto counted = run("pocount --no-color '" + po.string() + "' 2>&1");
    REQUIRE_MESSAGE(counted.status == 0, counted.output);
    std::smatch m;
    const std::regex line(kind + ":\\s+(\\d+)");
    REQUIRE_MESSAGE(std::regex_search(counted.output, m, line), counted.output);
    return std::stoi(m[1]);
}

// The msgctxts pofilter's pythonbraceformat check flags: placeholders a translation dropped.
std::set<std::string> brace_format_flagged(const TempDir& dir, const fs::path& po) {
    const fs::path out = dir / "flagged.po";
    const auto filtered = run("pofilter --progress=none -t pythonbraceformat '" + po.string() + "' '" + out.string() + "' 2>&1");
    REQUIRE_MESSAGE(filtered.status == 0, filtered.output);
    std::set<std::string> flagged;
    for (const auto& e : content::read_po(out).entries) flagged.insert(e.msgctxt);
    return flagged;
}

const std::string kFoodItem = "**pacchi alimentari**";        // a block that does not change
const std::string kVoucher = "**buoni spesa**";              // a block reworded after the export
const std::string kNewParagraph = "Il servizio è gratuito.";  // a block added above both

}  // namespace

TEST_CASE("msgmerge --previous of a translator's file into a new export keeps every translation, and import-po takes what matches and names the rest") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path translator = dir / "fr-translator.po";
    write(translator, content::export_po(loaded(src), "fr"));

    // The translator works on the export: a string, a body block, and a string whose Italian
    // text the content manager changes meanwhile.
    edit_po(translator, [](content::PoEntry& e) {
        if (e.msgctxt == "nav.home") e.msgstr = "Page d'accueil";
        if (e.msgctxt == "nav.back") e.msgstr = "Revenir";
        if (e.msgid == kFoodItem) e.msgstr = "**colis de nourriture**";
        if (e.msgid == kVoucher) e.msgstr = "**bons d'achat** (bons)";
        if (e.msgctxt == "fallback.notice") e.msgstr = "Pas encore dans votre langue — affiché en {language}";
    });
    std::multiset<std::string> written;  // every translation in the translator's file
    for (const auto& e : content::read_po(translator).entries)
        if (!e.msgstr.empty()) written.insert(e.msgstr);

    // Meanwhile the Italian source changes: a short string, a new paragraph at the top of the
    // food guide, and one of its list items reworded.
    replace_in_file(src / "lang/it/strings.txt", "nav.back = Indietro", "nav.back = Torna alla pagina precedente");
    replace_in_file(src / "lang/it/guides/food-help.md", "---\n", "---\n" + kNewParagraph + "\n\n");
    replace_in_file(src / "lang/it/guides/food-help.md", "- " + kVoucher + "\n", "- " + kVoucher + " per il supermercato\n");
    const fs::path fresh = dir / "fr-new.po", merged = dir / "fr-merged.po";
    write(fresh, content::export_po(loaded(src), "fr"));
    const auto merging = run("msgmerge --quiet --previous -o '" + merged.string() + "' '" + translator.string() + "' '" + fresh.string() + "' 2>&1");
    INFO(merging.output);
    REQUIRE(merging.status == 0);
    const auto checked = run("msgfmt -c -o /dev/null '" + merged.string() + "' 2>&1");
    INFO(checked.output);
    CHECK(checked.status == 0);

    // msgmerge lost nothing: each translation is in the merged file, in use or set aside (#~).
    const auto entries = content::read_po(merged).entries;
    std::multiset<std::string> kept;
    for (const auto& e : entries)
        if (!e.msgstr.empty()) kept.insert(e.msgstr);
    for (const auto& text : written) CHECK_MESSAGE(kept.count(text) >= written.count(text), text);
    // The block above which a paragraph was added kept its entry: the blocks of a guide share a
    // msgctxt, so nothing shifted, and its translation is not made fuzzy.
    int unchanged_block = 0, new_block = 0;
    for (const auto& e : entries) {
        if (e.obsolete) continue;
        if (e.msgid == kFoodItem) {
            ++unchanged_block;
            CHECK(e.msgstr == "**colis de nourriture**");
            CHECK_FALSE(e.fuzzy);
        }
        if (e.msgid == kVoucher + " per il supermercato") CHECK((e.fuzzy && e.previous_msgid == kVoucher && e.msgstr == "**bons d'achat** (bons)"));
        if (e.msgid == kNewParagraph) {
            ++new_block;
            CHECK(e.msgstr.empty());
        }
    }
    CHECK(unchanged_block == 1);
    CHECK(new_block == 1);

    // translate-toolkit reads the file as gettext does, and its placeholder check finds only the
    // ICU counted messages (not brace placeholders) until a translation drops one.
    const int fuzzy = pocount(merged, "Fuzzy"), untranslated = pocount(merged, "Untranslated");
    CHECK(fuzzy >= 1);
    CHECK(untranslated == 1);  // the new paragraph
    CHECK(brace_format_flagged(dir, merged) == std::set<std::string>{"idle.restart_in"});
    const fs::path broken = dir / "fr-broken.po";
    fs::copy_file(merged, broken);
    edit_po(broken, [](content::PoEntry& e) {
        if (e.msgctxt == "fallback.notice") e.msgstr = "Pas encore dans votre langue";
    });
    CHECK(brace_format_flagged(dir, broken).contains("fallback.notice"));

    // import-po takes every translation that still matches and names each one it leaves out.
    content::Diagnostics d;
    const auto imported = content::import_po(src, merged, d);
    INFO(all_errors(d));
    REQUIRE(imported);
    int set_aside = 0;
    for (const auto& e : entries) set_aside += e.obsolete && !e.msgstr.empty() ? 1 : 0;
    CHECK(imported->skipped == fuzzy + set_aside);
    std::string warnings;
    for (const auto& w : d.all()) warnings += w.format() + "\n";
    INFO(warnings);
    CHECK(warnings.find(merged.string() + ":") != std::string::npos);
    CHECK(warnings.find("msgctxt \"nav.back\"") != std::string::npos);  // fuzzy or set aside: said either way
    CHECK(warnings.find("(guide:food-help:body:") != std::string::npos);  // the reworded list item, fuzzy
    const auto c = loaded(src);
    CHECK(c.texts.at("fr").strings.at("nav.home") == "Page d'accueil");
    CHECK(c.texts.at("fr").strings.at("fallback.notice") == "Pas encore dans votre langue — affiché en {language}");
    CHECK(c.texts.at("fr").strings.at("nav.back") == "Retour");  // its text changed: left out, said
    const auto body = c.texts.at("fr").guides.at("food-help").body;
    CHECK(body.find("- **colis de nourriture**\n") != std::string::npos);
    // The body now has the new shape; its new paragraph waits for a translation, so French
    // counts the guide missing and the kiosk shows it in a fallback language meanwhile.
    const auto blocks = content::split_body(body);
    REQUIRE_FALSE(blocks.empty());
    CHECK(blocks.front().text == kNewParagraph);
    for (const auto& l : content::coverage(c))
        if (l.code == "fr") CHECK(std::find(l.missing.begin(), l.missing.end(), "guide:food-help") != l.missing.end());
}
