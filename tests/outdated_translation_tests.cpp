// Translations that know when they are stale (issue 21): each language records which source text
// (Italian, the demo's source_language) every translation was made from; when that text changes,
// the translation is outdated in coverage, validate, export-po (fuzzy, with the old text as
// gettext's `#| msgid`, checked by msgfmt and msgattrib) and the built bundle, until it is
// translated again (import-po) or confirmed (mark-translated).
#include <doctest/doctest.h>

#include "content/build/translation_items.hpp"
#include "content/model/bundle.hpp"
#include "content/model/sqlite.hpp"
#include "content/text/translation_record.hpp"
#include "content/translate/coverage.hpp"
#include "content/translate/mark_translated.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/po_import.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {

struct Loaded {
    content::Content content;
    content::Diagnostics d;
    std::vector<std::string> outdated;  // the "outdated" warnings, formatted
};

Loaded load(const fs::path& src) {
    Loaded l;
    l.content = content::load_source(src, l.d);
    INFO(all_errors(l.d));
    REQUIRE_FALSE(l.d.has_errors());
    for (const auto& item : l.d.all())
        if (item.severity == content::Diagnostic::Severity::Warning && item.problem.find("outdated") != std::string::npos)
            l.outdated.push_back(item.format());
    return l;
}

const content::LanguageCoverage& of(const std::vector<content::LanguageCoverage>& all, const std::string& code) {
    for (const auto& l : all)
        if (l.code == code) return l;
    FAIL("no language " << code);
    return all.front();
}

bool has(const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& line : lines)
        if (line.find(text) != std::string::npos) return true;
    return false;
}

const std::string kOldLine = "**Torino Solidale** è una rete della Città di Torino";
const std::string kNewLine = "**Torino Solidale** è una grande rete della Città di Torino";

// The demo with Italian's nav.back and the first line of the food guide changed after every
// language's translations were recorded.
fs::path italian_changed(const TempDir& dir) {
    const fs::path src = copy_demo_source(dir);
    CHECK(load(src).outdated.empty());  // the demo's translations are all up to date
    replace_in_file(src / "lang/it/strings.txt", "nav.back = Indietro", "nav.back = Torna indietro");
    replace_in_file(src / "lang/it/guides/food-help.md", kOldLine, kNewLine);
    return src;
}

}  // namespace

TEST_CASE("a changed Italian text makes its translations outdated in validate and coverage, and nowhere else") {
    TempDir dir;
    const fs::path src = italian_changed(dir);
    const auto l = load(src);
    INFO(doctest::String(l.outdated.empty() ? "" : l.outdated.front().c_str()));
    // Two items in each of the 15 languages translated from Italian; Italian itself is the source.
    CHECK(l.outdated.size() == 30);
    CHECK(has(l.outdated, "lang/fr/strings.txt:3: warning: key \"nav.back\": outdated: translated from the it text \"Indietro\", which is now "
                          "\"Torna indietro\" (lang/it/strings.txt). Fix: translate it again from the new text"));
    CHECK(has(l.outdated, "kiosk-bundle mark-translated " + src.string() + " fr nav.back"));
    // A guide body's outdated block is named with its line, and its old and new text.
    CHECK(has(l.outdated, "lang/ar/guides/food-help.md:4: warning: guide:food-help:body:1: outdated: translated from the it text \"" + kOldLine));
    CHECK(has(l.outdated, "which is now \"**Torino Solidale** è una grande rete"));
    for (const auto& line : l.outdated) CHECK_FALSE(line.starts_with("lang/it/"));

    const auto cov = content::coverage(l.content);
    const auto& fr = of(cov, "fr");
    CHECK(fr.outdated == std::vector<std::string>{"guide:food-help", "string:nav.back"});
    CHECK(fr.missing.empty());
    CHECK(fr.translated == fr.total - 2);
    CHECK(of(cov, "it").outdated.empty());
    CHECK(of(cov, "it").translated == of(cov, "it").total);
    const std::string text = content::coverage_text(cov);
    CHECK(text.find("fr  98.5 %  128/130  2 outdated  Français") != std::string::npos);
    CHECK(text.find("fr has 2 outdated (translated from a text that has changed since):\n  guide:food-help\n  string:nav.back\n") != std::string::npos);

    // English is a translation too, not the source: changing it makes nothing else outdated.
    replace_in_file(src / "lang/it/strings.txt", "nav.back = Torna indietro", "nav.back = Indietro");
    replace_in_file(src / "lang/it/guides/food-help.md", kNewLine, kOldLine);
    replace_in_file(src / "lang/en/strings.txt", "nav.back = Back", "nav.back = Go back");
    CHECK(load(src).outdated.empty());
}

TEST_CASE("export-po marks an outdated translation fuzzy with the text it was made from, as msgmerge would") {
    TempDir dir;
    const fs::path src = italian_changed(dir);
    const fs::path po = dir / "fr.po";
    write(po, content::export_po(load(src).content, "fr"));

    const auto read = content::read_po(po);
    REQUIRE(read.problems.empty());
    int fuzzy = 0;
    for (const auto& e : read.entries) {
        fuzzy += e.fuzzy ? 1 : 0;
        if (e.msgctxt == "nav.back") {
            CHECK(e.fuzzy);
            CHECK(e.msgid == "Torna indietro");
            CHECK(e.previous_msgid == "Indietro");
            CHECK(e.msgstr == "Retour");  // the old translation stays, for the translator to update
        }
        if (e.msgctxt == "guide:food-help:body" && e.msgid.starts_with(kNewLine)) {
            CHECK(e.fuzzy);  // that one block, not the whole body
            CHECK(e.previous_msgid.starts_with(kOldLine));
            CHECK(e.previous_msgid.find('\n') == std::string::npos);
        }
    }
    CHECK(fuzzy == 2);
    // gettext's own tools read the same: msgfmt -c accepts it, msgattrib finds the two fuzzy entries.
    const auto checked = run("msgfmt -c -o /dev/null '" + po.string() + "'");
    INFO(checked.output);
    CHECK(checked.status == 0);
    const auto only_fuzzy = run("msgattrib --only-fuzzy '" + po.string() + "'");
    CHECK(only_fuzzy.output.find("#| msgid \"Indietro\"\nmsgctxt \"nav.back\"\nmsgid \"Torna indietro\"\nmsgstr \"Retour\"") != std::string::npos);
    CHECK(only_fuzzy.output.find("msgctxt \"guide:food-help:body\"") != std::string::npos);
    CHECK(only_fuzzy.output.find("msgctxt \"nav.home\"") == std::string::npos);
}

TEST_CASE("the bundle marks a guide whose translation is outdated, and the kiosk's reader sees it") {
    TempDir dir;
    const fs::path src = italian_changed(dir);
    const fs::path out = dir / "outdated.kbundle";
    content::write_bundle(load(src).content, out);

    content::Bundle bundle(out);
    CHECK(bundle.meta().source_language == "it");
    CHECK(bundle.guide("food-help", "fr")->is_outdated);
    CHECK_FALSE(bundle.guide("food-help", "it")->is_outdated);
    CHECK_FALSE(bundle.guide("housing-support", "fr")->is_outdated);
    const auto cov = content::bundle_coverage(out);
    CHECK(of(cov, "fr").outdated == std::vector<std::string>{"guide:food-help"});
    CHECK(of(cov, "fr").translated == of(cov, "fr").total - 1);
}

TEST_CASE("a translator's update through import-po, or a content manager's mark-translated, ends the outdated state") {
    TempDir dir;
    const fs::path src = italian_changed(dir);
    const fs::path po = dir / "fr.po";
    write(po, content::export_po(load(src).content, "fr"));

    // The translator brings nav.back up to date and clears its fuzzy flag; the guide stays fuzzy.
    auto edited = content::read_po(po);
    for (auto& e : edited.entries)
        if (e.msgctxt == "nav.back") {
            e.msgstr = "Revenir en arrière";
            e.fuzzy = false;
            e.previous_msgid.clear();
        }
    content::PoHeader header;
    for (const auto& [name, value] : edited.header) header.emplace_back(name, value);
    write(po, content::write_po(header, edited.entries));
    content::Diagnostics d;
    const auto imported = content::import_po(src, po, d);
    INFO(all_errors(d));
    REQUIRE(imported);
    CHECK(imported->changed == 1);
    CHECK(imported->skipped == 1);  // the fuzzy guide body, left out and said

    auto l = load(src);
    CHECK(l.content.texts.at("fr").strings.at("nav.back") == "Revenir en arrière");
    CHECK_FALSE(has(l.outdated, "lang/fr/strings.txt"));
    CHECK(has(l.outdated, "lang/fr/guides/food-help.md"));
    CHECK(has(l.outdated, "lang/es/strings.txt:3: warning: key \"nav.back\""));  // Spanish was not updated

    // The content manager checks the French guide against the new Italian line and records it.
    const auto items = content::translation_items(l.content, "fr");
    CHECK(content::mark_translated(src, l.content, "fr", items, {"guide:food-help:body:1"}));
    l = load(src);
    CHECK_FALSE(has(l.outdated, "lang/fr/"));
    CHECK(of(content::coverage(l.content), "fr").outdated.empty());
    // The shared texts keep the old line while other languages were made from it, and only then.
    const std::string texts = read(src / "lang" / content::kSourceTextsName);
    CHECK(texts.find(kOldLine) != std::string::npos);
    CHECK(texts.find(kNewLine) != std::string::npos);
    // Every other language confirmed too, one after the other (each from the source as it is then).
    for (const auto& language : l.content.languages) {
        if (language.code == "it" || language.code == "fr") continue;
        auto now = load(src);
        content::mark_translated(src, now.content, language.code, content::translation_items(now.content, language.code),
                                 {"nav.back", "guide:food-help:body:1"});
    }
    CHECK(load(src).outdated.empty());
    CHECK(read(src / "lang" / content::kSourceTextsName).find(kOldLine) == std::string::npos);
}

TEST_CASE("source_language names a language of languages.csv, and defaults to the first fallback") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    replace_in_file(src / "bundle.ini", "source_language = it", "source_language = xx");
    content::Diagnostics d;
    content::load_source(src, d);
    const auto* e = error_about(d, "bundle.ini");
    REQUIRE(e != nullptr);
    CHECK(e->format().find("bundle.ini:") != std::string::npos);
    CHECK(e->format().find("source_language: language \"xx\" is not in languages.csv. Fix: write the code of the language the texts are "
                           "written in") != std::string::npos);

    replace_in_file(src / "bundle.ini", "source_language = xx", "");
    CHECK(load(src).content.meta.source_language == "en");  // fallback = en, it
}
