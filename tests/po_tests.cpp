// The translators' round trip through gettext PO files: export-po from a copy of the demo
// source, checked by the real msgfmt; import-po back, changing exactly what the translator
// changed, or nothing at all when an entry is refused.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <map>

#include "content/text/body_blocks.hpp"
#include "content/text/text_files.hpp"
#include "content/model/bundle.hpp"
#include "content/translate/coverage.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/po_import.hpp"
#include "tests/content_fixture.hpp"

using namespace test;

namespace {

// Every file of a source, by relative path: to see what an import changed, byte for byte.
std::map<std::string, std::string> snapshot(const fs::path& src) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(src))
        if (entry.is_regular_file()) files[fs::relative(entry.path(), src).string()] = read(entry.path());
    return files;
}

std::vector<std::string> differences(const std::map<std::string, std::string>& before, const std::map<std::string, std::string>& after) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : after)
        if (!before.contains(path) || before.at(path) != bytes) out.push_back(path);
    for (const auto& [path, bytes] : before)
        if (!after.contains(path)) out.push_back(path + " (deleted)");
    return out;
}

// export-po's text for `lang`, written beside the source.
fs::path export_to(const TempDir& dir, const fs::path& src, const std::string& lang) {
    const fs::path po = dir / (lang + ".po");
    write(po, content::export_po(loaded(src), lang));
    return po;
}

const content::PoEntry& entry(const content::PoRead& po, const std::string& msgctxt) {
    for (const auto& e : po.entries)
        if (e.msgctxt == msgctxt) return e;
    FAIL("no entry " << msgctxt);
    return po.entries.front();
}

// The PO file with one entry's msgstr set, written through libgettextpo as a PO editor would.
// A body block's entry is named by its msgid too: the blocks of a guide share one msgctxt.
void set_msgstr(const fs::path& po, const std::string& msgctxt, const std::string& msgstr, const std::string& msgid = "") {
    auto read = content::read_po(po);
    REQUIRE(read.problems.empty());
    bool found = false;
    for (auto& e : read.entries)
        if (e.msgctxt == msgctxt && (msgid.empty() || e.msgid == msgid)) {
            e.msgstr = msgstr;
            found = true;
        }
    REQUIRE_MESSAGE(found, "no entry " << msgctxt << " " << msgid);
    content::PoHeader header;
    for (const auto& [name, value] : read.header) header.emplace_back(name, value);
    write(po, content::write_po(header, read.entries));
}

struct Refusal {
    std::optional<content::PoImport> result;
    content::Diagnostics d;
    std::string text() const { return all_errors(d); }
};

Refusal import(const fs::path& src, const fs::path& po) {
    Refusal r;
    r.result = content::import_po(src, po, r.d);
    return r;
}

// The blocks of a guide body in a language of the source.
std::vector<content::BodyBlock> blocks_of(const content::Content& c, const std::string& lang, const std::string& guide) {
    return content::split_body(c.texts.at(lang).guides.at(guide).body);
}

// Every block of a guide's body given the translation `blocks` has for it.
void set_body(const fs::path& po, const std::vector<content::BodyBlock>& source, const std::vector<content::BodyBlock>& blocks) {
    REQUIRE(source.size() == blocks.size());
    for (size_t i = 0; i < source.size(); ++i) set_msgstr(po, "guide:food-help:body", blocks[i].text, source[i].text);
}

int line_of(const std::string& text, const std::string& line) {
    const auto at = text.find("\n" + line + "\n");
    REQUIRE_MESSAGE(at != std::string::npos, line << " not in the PO text");
    return content::line_of_offset(text, at + 1);
}

}  // namespace

TEST_CASE("export-po writes one entry per string, guide title and summary, and body block, and msgfmt -c accepts the file") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path po = export_to(dir, src, "fr");
    const auto checked = run("msgfmt -c -o /dev/null '" + po.string() + "'");
    INFO(checked.output);
    CHECK(checked.status == 0);
    CHECK(checked.output.empty());  // not even a warning about the header

    const auto read = content::read_po(po);
    REQUIRE(read.problems.empty());
    CHECK(read.header.at("Language") == "fr");
    CHECK(read.header.at("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(read.header.at("Content-Transfer-Encoding") == "8bit");
    CHECK(read.header.at("MIME-Version") == "1.0");
    CHECK(read.header.at("Project-Id-Version") == "Torino information points (demo) 1");
    const auto c = loaded(src);
    size_t blocks = 0;
    for (const auto& guide : c.guides) blocks += blocks_of(c, "it", guide.id).size();
    CHECK(read.entries.size() == c.texts.at("it").strings.size() + 2 * c.guides.size() + blocks);

    const auto& home = entry(read, "nav.home");
    CHECK(home.msgid == "Inizio");  // the source language, Italian, is what translators translate from
    CHECK(home.msgstr == "Accueil");
    CHECK(home.format.empty());
    // Where it shows and how long it may be; a placeholder flagged for msgfmt -c and Poedit.
    CHECK(home.extracted_comments.find("the header's Back, Home and Listen buttons (lang/fr/strings.txt): it must fit on one line of the button, about ") !=
          std::string::npos);
    CHECK(entry(read, "fallback.notice").extracted_comments.find("Keep {language}") != std::string::npos);
    CHECK(entry(read, "fallback.notice").format == "python-brace-format");
    CHECK(entry(read, "guide:food-help:title").msgid == c.texts.at("it").guides.at("food-help").title);
    CHECK(entry(read, "guide:food-help:summary").msgstr == c.texts.at("fr").guides.at("food-help").summary);

    // A body is one entry per heading, paragraph, step and list item, in order, each one line.
    const auto it = blocks_of(c, "it", "food-help"), fr = blocks_of(c, "fr", "food-help");
    std::vector<const content::PoEntry*> body;
    for (const auto& e : read.entries)
        if (e.msgctxt == "guide:food-help:body") body.push_back(&e);
    REQUIRE(body.size() == it.size());
    REQUIRE(fr.size() == it.size());
    CHECK(it.size() >= 8);
    for (size_t i = 0; i < it.size(); ++i) {
        CHECK(body[i]->msgid == it[i].text);
        CHECK(body[i]->msgstr == fr[i].text);
        CHECK(body[i]->msgid.find('\n') == std::string::npos);
    }
    const std::string count = " of " + std::to_string(it.size()) + " blocks";
    CHECK(body[1]->extracted_comments.starts_with("The guide's text, heading 2" + count + " (lang/fr/guides/food-help.md"));
    CHECK(body[2]->extracted_comments.starts_with("The guide's text, list item 3" + count + ", under \"Che cosa puoi ricevere\""));
    CHECK(body[2]->msgid == "**pacchi alimentari**");
    CHECK(body[2]->msgstr == "**colis alimentaires**");
}

// Poedit and msgfmt -c check {placeholders} only in entries flagged with their format.
TEST_CASE("msgfmt -c refuses a translation that drops a placeholder, because export-po flags the entry") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path po = export_to(dir, src, "fr");
    set_msgstr(po, "fallback.notice", "Pas encore disponible dans votre langue");
    const auto flagged = run("msgfmt -c -o /dev/null '" + po.string() + "' 2>&1");
    INFO(flagged.output);
    CHECK(flagged.status != 0);
    CHECK(flagged.output.find("language") != std::string::npos);
    // The same file without the flag passes: the flag is what makes the check.
    replace_in_file(po, "#, python-brace-format\nmsgctxt \"fallback.notice\"", "msgctxt \"fallback.notice\"");
    CHECK(run("msgfmt -c -o /dev/null '" + po.string() + "'").status == 0);
}

TEST_CASE("import-po of an unedited export leaves every file of the source byte-identical") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const auto before = snapshot(src);
    for (const std::string lang : {"fr", "ar", "zh", "en"}) {
        CAPTURE(lang);
        const fs::path po = export_to(dir, src, lang);
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        CHECK(r.result->changed == 0);
        CHECK(r.result->added == 0);
        CHECK(r.result->unchanged == static_cast<int>(content::read_po(po).entries.size()));
        CHECK(r.result->files_written.empty());
        CHECK(differences(before, snapshot(src)).empty());
    }
}

TEST_CASE("an edited msgstr changes that one line of strings.txt, or that guide's file, and nothing else") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const auto before = snapshot(src);
    const fs::path po = export_to(dir, src, "fr");

    SUBCASE("a string: one line of strings.txt") {
        replace_in_file(po, "msgstr \"Accueil\"", "msgstr \"Page d'accueil\"");
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        CHECK(r.result->changed == 1);
        CHECK(r.result->added == 0);
        CHECK(r.result->files_written == std::vector<std::string>{"lang/fr/strings.txt"});
        CHECK(content::import_summary(*r.result).starts_with("lang/fr: 1 changed, 0 added, "));
        const auto after = snapshot(src);
        CHECK(differences(before, after) == std::vector<std::string>{"lang/fr/strings.txt"});
        std::string expected = before.at("lang/fr/strings.txt");
        const auto at = expected.find("nav.home = Accueil\n");
        REQUIRE(at != std::string::npos);
        expected.replace(at, 19, "nav.home = Page d'accueil\n");
        CHECK(after.at("lang/fr/strings.txt") == expected);
    }
    SUBCASE("a block of a guide's body: its one line of the .md file") {
        set_msgstr(po, "guide:food-help:body", "**colis de nourriture**", "**pacchi alimentari**");
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        CHECK(r.result->changed == 1);
        const auto after = snapshot(src);
        CHECK(differences(before, after) == std::vector<std::string>{"lang/fr/guides/food-help.md"});
        std::string expected = before.at("lang/fr/guides/food-help.md");
        const std::string old_line = "\n- **colis alimentaires**\n";
        const auto at = expected.find(old_line);
        REQUIRE(at != std::string::npos);
        expected.replace(at, old_line.size(), "\n- **colis de nourriture**\n");
        CHECK(after.at("lang/fr/guides/food-help.md") == expected);
    }
    SUBCASE("a guide's title: its title: line") {
        set_msgstr(po, "guide:food-help:title", "Se nourrir");
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        std::string expected = before.at("lang/fr/guides/food-help.md");
        expected.replace(0, expected.find('\n'), "title: Se nourrir");
        CHECK(differences(before, snapshot(src)) == std::vector<std::string>{"lang/fr/guides/food-help.md"});
        CHECK(read(src / "lang/fr/guides/food-help.md") == expected);
    }
}

TEST_CASE("a string French lacks is exported untranslated, and importing it filled in appends its line") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    replace_in_file(src / "lang/fr/strings.txt", "map.here = ", "# map.here = ");  // commented out: not translated
    const auto before = snapshot(src);
    const fs::path po = export_to(dir, src, "fr");
    const auto exported = content::read_po(po);
    CHECK(entry(exported, "map.here").msgid == "Tu sei qui");
    CHECK(entry(exported, "map.here").msgstr.empty());

    // Left empty, it stays untranslated: an empty msgstr is not imported.
    const auto untouched = import(src, po);
    REQUIRE(untouched.result);
    CHECK(untouched.result->empty == 1);
    CHECK(differences(before, snapshot(src)).empty());

    set_msgstr(po, "map.here", "Vous êtes ici");
    const auto r = import(src, po);
    INFO(r.text());
    REQUIRE(r.result);
    CHECK(r.result->added == 1);
    CHECK(r.result->changed == 0);
    CHECK(read(src / "lang/fr/strings.txt") == before.at("lang/fr/strings.txt") + "map.here = Vous êtes ici\n");
    CHECK(loaded(src).texts.at("fr").strings.at("map.here") == "Vous êtes ici");
}

TEST_CASE("a guide French lacks is created from the PO file in the source format, byte for byte as it was") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path guide = src / "lang/fr/guides/food-help.md";
    const std::string original = read(guide);
    const auto c = loaded(src);
    const auto fr = c.texts.at("fr").guides.at("food-help");
    const auto it_blocks = blocks_of(c, "it", "food-help"), fr_blocks = blocks_of(c, "fr", "food-help");
    fs::remove(guide);
    const fs::path po = export_to(dir, src, "fr");
    CHECK(entry(content::read_po(po), "guide:food-help:body").msgstr.empty());

    SUBCASE("a title alone is refused: a new guide needs its text too") {
        set_msgstr(po, "guide:food-help:title", fr.title);
        const auto r = import(src, po);
        CHECK_FALSE(r.result);
        CHECK(r.text().find("msgctxt \"guide:food-help:title\": lang/fr/guides/food-help.md does not exist yet") != std::string::npos);
        CHECK_FALSE(fs::exists(guide));
    }
    SUBCASE("title, summary and every block make the file") {
        set_msgstr(po, "guide:food-help:title", fr.title);
        set_msgstr(po, "guide:food-help:summary", fr.summary);
        set_body(po, it_blocks, fr_blocks);
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        CHECK(r.result->added == static_cast<int>(2 + it_blocks.size()));
        CHECK(read(guide) == original);
    }
    SUBCASE("half the body: kept, but the kiosk shows the guide whole in a fallback language until the rest is translated") {
        set_msgstr(po, "guide:food-help:title", fr.title);
        set_msgstr(po, "guide:food-help:summary", fr.summary);
        for (size_t i = 0; i < it_blocks.size() / 2; ++i) set_msgstr(po, "guide:food-help:body", fr_blocks[i].text, it_blocks[i].text);
        const auto r = import(src, po);
        INFO(r.text());
        REQUIRE(r.result);
        const auto half = loaded(src);
        CHECK(blocks_of(half, "fr", "food-help").size() == it_blocks.size());
        const auto coverage = content::coverage(half);
        for (const auto& l : coverage)
            if (l.code == "fr") CHECK(std::find(l.missing.begin(), l.missing.end(), "guide:food-help") != l.missing.end());
        content::write_bundle(half, dir / "half.kbundle");
        CHECK(content::Bundle(dir / "half.kbundle").guide("food-help", "fr")->lang != "fr");
        // A new export offers the untranslated blocks empty, not the Italian text kept in the file.
        const fs::path again = export_to(dir, src, "fr");
        int empty = 0;
        for (const auto& e : content::read_po(again).entries) empty += e.msgctxt == "guide:food-help:body" && e.msgstr.empty() ? 1 : 0;
        CHECK(empty == static_cast<int>(it_blocks.size() - it_blocks.size() / 2));
        // The rest translated: the file is the original, and the kiosk shows it in French.
        set_body(again, it_blocks, fr_blocks);
        const auto rest = import(src, again);
        INFO(rest.text());
        REQUIRE(rest.result);
        CHECK(read(guide) == original);
        content::write_bundle(loaded(src), dir / "whole.kbundle");
        CHECK(content::Bundle(dir / "whole.kbundle").guide("food-help", "fr")->lang == "fr");
    }
}

TEST_CASE("import-po refuses a file with any bad entry, lists every problem, and changes no file") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path po = export_to(dir, src, "fr");
    const std::string first_block = blocks_of(loaded(src), "it", "food-help").front().text;
    auto refused = [&](const std::string& expected) {
        const auto before = snapshot(src);
        const auto r = import(src, po);
        INFO(r.text());
        CHECK_FALSE(r.result);
        CHECK(r.text().find(expected) != std::string::npos);
        CHECK(differences(before, snapshot(src)).empty());
        return r.text();
    };

    SUBCASE("a good edit beside a bad entry is not imported either") {
        replace_in_file(po, "affiché en {language}\"", "affiché dans une autre langue\"");
        replace_in_file(po, "msgstr \"Accueil\"", "msgstr \"Page d'accueil\"");
        refused("msgctxt \"fallback.notice\": the translation drops {language}");
    }
    SUBCASE("malformed: an unterminated string, with its line") {
        replace_in_file(po, "msgstr \"Retour\"", "msgstr \"Retour");
        const int line = line_of(read(po), "msgstr \"Retour");
        refused(po.string() + ":" + std::to_string(line) + ": error: not a readable PO file: end-of-line within string");
    }
    SUBCASE("an entry given twice") {
        write(po, read(po) + "\nmsgctxt \"nav.home\"\nmsgid \"Inizio\"\nmsgstr \"Maison\"\n");
        refused("not a readable PO file: duplicate message definition. Fix: keep one of the two entries");
    }
    SUBCASE("a translation that drops {language}") {
        replace_in_file(po, "affiché en {language}\"", "affiché dans une autre langue\"");
        refused("msgctxt \"fallback.notice\": the translation drops {language}");
    }
    SUBCASE("a counted message without its `other` form") {
        set_msgstr(po, "idle.restart_in", "{seconds, plural, one {La borne recommence dans # seconde.}}");
        refused("msgctxt \"idle.restart_in\": it is not a valid counted message");
    }
    SUBCASE("a body block whose markup does not parse") {
        set_msgstr(po, "guide:food-help:body", "Un texte **sans fin.", first_block);
        refused("msgctxt \"guide:food-help:body\" (guide:food-help:body:1): in the translation: bold text opened with ** is never closed");
    }
    SUBCASE("a paragraph translated as a step, or on two lines") {
        set_msgstr(po, "guide:food-help:body", "1. Un texte", first_block);
        refused("(guide:food-help:body:1): the translation of a paragraph starts with \"1. \", which would make it a heading, step or list item");
        set_msgstr(po, "guide:food-help:body", "Un texte\nsur deux lignes", first_block);
        refused("(guide:food-help:body:1): the translation has a line break, and this text is one line. Fix: write it on one line: each paragraph");
    }
    SUBCASE("a Language that languages.csv does not have") {
        replace_in_file(po, "\"Language: fr\\n\"", "\"Language: xx\\n\"");
        refused("header: Language \"xx\" is not a language of languages.csv");
    }
    SUBCASE("every problem at once") {
        set_msgstr(po, "guide:food-help:body", "Un texte **sans fin.", first_block);
        replace_in_file(po, "affiché en {language}\"", "affiché dans une autre langue\"");
        const auto r = import(src, po);
        CHECK(r.d.error_count() == 2);
    }
}

// A PO file that is a named pipe held the import for ever; a link in a loop ended it with a bare
// "filesystem error" (issue 20, finding 11's kind).
TEST_CASE("import-po of a PO file that is a named pipe, a folder or a link loop says so, at once, and changes nothing") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const auto before = snapshot(src);
    const auto refused = [&](const fs::path& po, const std::string& expected) {
        const auto r = import(src, po);
        INFO(r.text());
        CHECK_FALSE(r.result);
        CHECK(r.text().find(po.string() + ": error: the PO file cannot be read: " + expected) != std::string::npos);
        CHECK(r.text().find("Fix: ") != std::string::npos);
        CHECK(differences(before, snapshot(src)).empty());
    };
    REQUIRE(::mkfifo((dir / "pipe.po").c_str(), 0600) == 0);
    refused(dir / "pipe.po", "it is a named pipe (FIFO), not a file");
    fs::create_directory(dir / "folder.po");
    refused(dir / "folder.po", "it is a folder, not a file");
    fs::create_symlink("loop.po", dir / "loop.po");
    refused(dir / "loop.po", "it is a symbolic link in a loop");
    refused(dir / "missing.po", "it does not exist. Fix: give the path of the PO file");
}

TEST_CASE("an empty msgstr leaves an existing translation as it is") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const auto before = snapshot(src);
    const fs::path po = export_to(dir, src, "fr");
    replace_in_file(po, "msgstr \"Accueil\"", "msgstr \"\"");
    const auto r = import(src, po);
    REQUIRE(r.result);
    CHECK(r.result->empty == 1);
    CHECK(r.result->changed == 0);
    CHECK(differences(before, snapshot(src)).empty());
}

// One changed source text used to refuse a translator's whole file (issue 21): what still matches
// is imported, and each entry left out is named by its line, with what to do.
TEST_CASE("import-po leaves out a stale, a fuzzy and an unknown entry, names each by line, and imports the rest") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path po = export_to(dir, src, "fr");
    replace_in_file(src / "lang/it/strings.txt", "nav.back = Indietro", "nav.back = Torna indietro");  // after the export: stale
    replace_in_file(po, "msgctxt \"nav.home\"", "#, fuzzy\nmsgctxt \"nav.home\"");
    replace_in_file(po, "msgstr \"Accueil\"", "msgstr \"Page d'accueil\"");
    replace_in_file(po, "msgctxt \"guide.places\"", "msgctxt \"guide.placez\"");
    set_msgstr(po, "home.heading", "De quoi avez-vous besoin ?");
    const std::string text = read(po);

    const auto r = import(src, po);
    REQUIRE(r.result);
    CHECK(r.d.error_count() == 0);
    CHECK(r.result->skipped == 3);
    CHECK(r.result->changed == 1);
    std::string warnings;
    for (const auto& w : r.d.all()) warnings += w.format() + "\n";
    INFO(warnings);
    const auto said = [&](const std::string& msgctxt, const std::string& problem) {
        const std::string where = po.string() + ":" + std::to_string(line_of(text, "msgctxt \"" + msgctxt + "\"")) + ": warning: msgctxt \"" + msgctxt + "\": ";
        const std::string expected = where + problem;
        CHECK_MESSAGE(warnings.find(expected) != std::string::npos, expected);
    };
    said("nav.back", "not imported: stale, the text to translate (msgid) is no longer the source's it text in lang/it/strings.txt");
    said("nav.home", "not imported: marked fuzzy");
    said("guide.placez", "not imported: no such item in the source any more");

    const std::string strings = read(src / "lang/fr/strings.txt");
    CHECK(strings.find("home.heading = De quoi avez-vous besoin ?\n") != std::string::npos);
    CHECK(strings.find("nav.home = Accueil\n") != std::string::npos);  // the fuzzy edit left out
    CHECK(strings.find("nav.back = Retour\n") != std::string::npos);
    CHECK(content::import_summary(*r.result).find("3 left out (stale, fuzzy or unknown") != std::string::npos);
}

// A body whose translation has a block the source no longer has: outdated as a whole until a
// translator's import rewrites it in the source's shape, which leaves that block out and says so.
TEST_CASE("a translated block the source no longer has makes the body outdated, and import-po names it when it leaves it out") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    write(src / "lang/fr/guides/food-help.md", read(src / "lang/fr/guides/food-help.md") + "\nUn paragraphe de plus.\n");
    content::Diagnostics loaded;
    const auto c = content::load_source(src, loaded);
    REQUIRE_FALSE(loaded.has_errors());
    bool reshaped = false;
    for (const auto& w : loaded.all())
        reshaped = reshaped || w.format().starts_with("lang/fr/guides/food-help.md: warning: guide:food-help: outdated: the it text of the guide");
    CHECK(reshaped);
    for (const auto& l : content::coverage(c))
        if (l.code == "fr") CHECK(std::find(l.outdated.begin(), l.outdated.end(), "guide:food-help") != l.outdated.end());

    const fs::path po = export_to(dir, src, "fr");
    set_msgstr(po, "guide:food-help:body", "**colis de nourriture**", "**pacchi alimentari**");
    const auto r = import(src, po);
    REQUIRE(r.result);
    std::string warnings;
    for (const auto& w : r.d.all()) warnings += w.format() + "\n";
    INFO(warnings);
    CHECK(warnings.find("lang/fr/guides/food-help.md:") != std::string::npos);
    CHECK(warnings.find("warning: guide:food-help: left out of the body import-po wrote: this paragraph \"Un paragraphe de plus.\" translates "
                        "nothing in the it text any more") != std::string::npos);
    const std::string file = read(src / "lang/fr/guides/food-help.md");
    CHECK(file.find("Un paragraphe de plus.") == std::string::npos);
    CHECK(file.find("- **colis de nourriture**\n") != std::string::npos);
    content::Diagnostics after;
    content::load_source(src, after);
    for (const auto& w : after.all()) CHECK(w.format().find("lang/fr/guides/food-help.md") == std::string::npos);
}
