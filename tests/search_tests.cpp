// Full-text search of guides and places (search folding, FTS5 queries, the index in the bundle)
// and the on-screen keyboards that travel in the bundle.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/build/font_check.hpp"
#include "content/build/source.hpp"
#include "content/build/source_keyboards.hpp"
#include "content/build/writer.hpp"
#include "content/model/bundle.hpp"
#include "content/model/bundle_fonts.hpp"
#include "content/text/pinyin.hpp"
#include "content/text/search_text.hpp"
#include "fonts/font_set.hpp"
#include "fonts/utf8.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

namespace {

bool has(const std::vector<SearchHit>& hits, const std::string& kind, const std::string& id) {
    return std::any_of(hits.begin(), hits.end(), [&](const SearchHit& h) { return h.kind == kind && h.id == id; });
}
bool has_guide(const std::vector<SearchHit>& hits, const std::string& id) { return has(hits, "guide", id); }

std::string describe(const std::vector<SearchHit>& hits) {
    std::string out;
    for (const auto& h : hits) out += h.kind + ":" + h.id + " ";
    return out;
}

const Bundle& demo() {
    static const Bundle bundle(KIOSK_DEMO_BUNDLE);
    return bundle;
}

}  // namespace

// --- Folding --------------------------------------------------------------------------------

TEST_CASE("search_key drops Latin accents and folds case: French, Italian, Romanian, Albanian") {
    CHECK(search_key("Titre de SÉJOUR à Noël") == "titre de sejour a noel");
    CHECK(search_key("Città, PERCHÉ più") == "citta perche piu");
    CHECK(search_key("Permisul de ședere: reînnoire") == "permisul de sedere reinnoire");
    CHECK(search_key("ş ţ (cedilla) ș ț (comma)") == "s t cedilla s t comma");  // both Romanian spellings
    CHECK(search_key("Leja e qëndrimit, Çka") == "leja e qendrimit cka");
    CHECK(search_key("Ｐｅｒｍｅｓｓｏ") == "permesso");  // full-width letters, as some input methods type
}

TEST_CASE("search_key folds Cyrillic ё to е and keeps the other letters") {
    CHECK(search_key("Помощь с ЖИЛЬЁМ") == "помощь с жильем");
    CHECK(search_key("Ёлка") == "елка");
    CHECK(search_key("Дозвіл на проживання") == "дозвіл на проживання");
}

TEST_CASE("search_key drops harakat and hamza above/below, and the tatweel") {
    CHECK(search_key("أ إ آ ؤ ئ") == "ا ا ا و ی");
    CHECK(search_key("الإِقَامَة") == search_key("الاقامة"));
    CHECK(search_key("مُسَاعَدَة") == "مساعده");
    CHECK(search_key("مـــرحبا") == "مرحبا");
    CHECK(search_key("اجازهٔ اقامت") == "اجازه اقامت");  // Persian ezafe hamza
}

TEST_CASE("search_key gives Persian and Arabic letter variants one form") {
    CHECK(search_key("كمك") == "کمک");            // Arabic kaf → keheh
    CHECK(search_key("كمك") == search_key("کمک"));
    CHECK(search_key("نيازهاي") == "نیازهای");    // Arabic yeh → Farsi yeh
    CHECK(search_key("على") == "علی");            // alef maksura → Farsi yeh
    CHECK(search_key("الإقامة") == "الاقامه");    // teh marbuta → heh
    CHECK(search_key("رہائش") == search_key("رهائش"));  // Urdu heh goal → heh
}

TEST_CASE("search_key: a ZWNJ word is found joined and split") {
    CHECK(search_key("می‌توانید") == "می توانید میتوانید");
    CHECK(search_key("پناه‌جویان و پناهندگان") == "پناه جویان پناهجویان و پناهندگان");
    CHECK(search_key("‌کمک‌") == "کمک");  // a stray ZWNJ at either end is no join
}

TEST_CASE("search_key keeps Bengali words whole, vowel signs and virama included") {
    CHECK(search_key("বাসস্থানের জন্য সাহায্য") == "বাসস্থানের জন্য সাহায্য");
    CHECK(search_key("অভ্যর্থনা।") == "অভ্যর্থনা");  // the danda is punctuation
    // য় typed as one character or as য + nukta is the same word.
    CHECK(search_key("\u09DF") == search_key("\u09AF\u09BC"));
}

TEST_CASE("search_key splits Chinese into characters, and not Latin next to it") {
    CHECK(search_key("居留许可：申请或续签") == "居 留 许 可 申 请 或 续 签");
    CHECK(search_key("One Stop Shop（一站式服务点）") == "one stop shop 一 站 式 服 务 点");
    CHECK(search_key("申请 permesso di soggiorno 的") == "申 请 permesso di soggiorno 的");
}

TEST_CASE("pinyin_key: each Chinese character's syllable, then the syllables joined from each character on") {
    CHECK(pinyin_key("居留许可：申请") == "ju liu xu ke juliuxuke liuxuke xuke shen qing shenqing");
    CHECK(pinyin_key("One Stop Shop（一站式）") == "yi zhan shi yizhanshi zhanshi");  // tones dropped, Latin left out
    CHECK(pinyin_key("绿") == "lu");                                                    // lǜ: ü is typed u
    CHECK(pinyin_key("permesso di soggiorno, 011 0112") == "");
    // A long run joins at most kPinyinJoined syllables: a word or a short phrase, not a sentence.
    const std::string key = pinyin_key("为逃离乌克兰者服务");
    CHECK(key.find(" weitaoliwukelan ") != std::string::npos);
    CHECK(key.find("weitaoliwukelanzhe") == std::string::npos);
}

TEST_CASE("search_key turns every script's digits into ASCII and punctuation into spaces") {
    CHECK(search_key("٠١٢٣٤٥٦٧٨٩") == "0123456789");
    CHECK(search_key("۰۱۲۳۴۵۶۷۸۹") == "0123456789");
    CHECK(search_key("০১২") == "012");
    CHECK(search_key("011.01125500") == "011 01125500");
    CHECK(search_key("«Ciao», d'asile — ok? (sì!)") == "ciao d asile ok si");
    CHECK(search_key(" \t?!… ") == "");
}

TEST_CASE("match_expression: quoted prefix terms, ANDed; Chinese runs as phrases") {
    CHECK(match_expression("permes") == "\"permes\"*");
    CHECK(match_expression("Regina marg") == "\"regina\"* AND \"marg\"*");
    CHECK(match_expression("居留") == "\"居 留\"");
    CHECK(match_expression("居留 permesso 许可") == "\"居 留\" AND \"permesso\"* AND \"许 可\"");
    CHECK(match_expression("می‌تو") == "\"میتو\"*");  // joined: found in texts written either way
    CHECK(match_expression("") == "");
    CHECK(match_expression(" ?!-*\"() ") == "");
}

TEST_CASE("match_expression: FTS5 syntax typed by a visitor is only text") {
    CHECK(match_expression("\"permesso") == "\"permesso\"*");
    CHECK(match_expression("per\"messo") == "\"per\"* AND \"messo\"*");
    CHECK(match_expression("permesso*") == "\"permesso\"*");
    CHECK(match_expression("NEAR(casa cibo, 2)") == "\"near\"* AND \"casa\"* AND \"cibo\"* AND \"2\"*");
    CHECK(match_expression("-casa OR title:cibo ^x") == "\"casa\"* AND \"or\"* AND \"title\"* AND \"cibo\"* AND \"x\"*");
    CHECK(match_expression("{title body}: casa") == "\"title\"* AND \"body\"* AND \"casa\"*");
}

// --- The index in the demo bundle -----------------------------------------------------------

TEST_CASE("the index has one document per guide and place in every language, and the stock sqlite3 checks it") {
    const std::string bundle = KIOSK_DEMO_BUNDLE;
    const auto docs = test::run("sqlite3 -readonly " + bundle +
                                " \"SELECT count(*), count(DISTINCT lang), sum(kind = 'guide'), sum(kind = 'place') FROM search_doc\"");
    CHECK(docs.output == "240|16|128|112\n");  // 16 languages x (8 guides + 7 places)
    // One language's documents are one rowid range: its position in languages.csv, shifted.
    const auto ranges = test::run("sqlite3 -readonly " + bundle +
                                  " \"SELECT count(*) FROM search_doc AS d JOIN language AS l ON l.code = d.lang "
                                  "WHERE d.doc >> 32 != l.position\"");
    CHECK(ranges.output == "0\n");
    test::TempDir dir;
    fs::copy_file(bundle, dir / "copy.kbundle");  // FTS5's own check is an INSERT: not on the original
    const auto check = test::run("sqlite3 " + (dir / "copy.kbundle").string() +
                                 " \"INSERT INTO search(search, rank) VALUES('integrity-check', 1); PRAGMA integrity_check;\"");
    CHECK(check.status == 0);
    CHECK(check.output == "ok\n");
}

TEST_CASE("search finds guides by partial, unaccented words in many languages") {
    const Bundle& b = demo();
    struct Case {
        const char *lang, *query, *guide;
    };
    const Case cases[] = {
        {"it", "permes", "residence-permit"},
        {"it", "soggiorno rinnov", "residence-permit"},
        {"fr", "sejour", "residence-permit"},
        {"fr", "telephone psycho", "psychological-support"},
        {"es", "psicologico", "psychological-support"},
        {"ro", "sedere", "residence-permit"},
        {"sq", "qendrimit", "residence-permit"},
        {"uk", "житл", "housing-support"},
        {"uk", "ПРОЖИВ", "residence-permit"},
        {"ru", "жилье", "housing-support"},           // the text says жильём
        {"ar", "الاقامة", "residence-permit"},         // written الإقامة
        {"ar", "الإِقَامَة", "residence-permit"},      // typed with harakat
        {"ar", "السكن", "housing-support"},
        {"fa", "كمك براي مسكن", "housing-support"},   // typed with Arabic kaf and yeh
        {"fa", "میکند", "housing-support"},            // written می‌کند, typed joined
        {"fa", "می کند", "housing-support"},           // ... and split
        {"ur", "رہائش", "housing-support"},
        {"zh", "居留", "residence-permit"},
        {"zh", "住房", "housing-support"},
        {"bn", "বাসস্থান", "housing-support"},
        {"bn", "বাস", "housing-support"},
        {"en", "psycholog", "psychological-support"},
    };
    for (const auto& c : cases) {
        INFO(c.lang, " ", c.query);
        const auto hits = b.search(c.query, c.lang, 20);
        INFO(describe(hits));
        CHECK(has_guide(hits, c.guide));
    }
}

TEST_CASE("Chinese guides are found by their pinyin: with or without spaces, and by its beginning") {
    const Bundle& b = demo();
    struct Case {
        const char *query, *guide;
    };
    const Case cases[] = {
        {"juliu", "residence-permit"},       // 居留: without spaces,
        {"ju liu", "residence-permit"},      // with them,
        {"juli", "residence-permit"},        // the beginning as it is typed,
        {"ju li", "residence-permit"},
        {"juliuxuke", "residence-permit"},   // 居留许可, a longer word
        {"zhufang", "housing-support"},      // 住房
        {"zhu fang bang", "housing-support"},
        {"dianhua xinli", "psychological-support"},  // 电话心理
        {"juliu 许可", "residence-permit"},  // pinyin and characters together
    };
    for (const auto& c : cases) {
        INFO(c.query);
        const auto hits = b.search(c.query, "zh", 20);
        INFO(describe(hits));
        CHECK(has_guide(hits, c.guide));
    }
    const auto zhufang = b.search("zhufang", "zh", 20);
    REQUIRE_FALSE(zhufang.empty());
    CHECK(zhufang.front().id == "housing-support");  // in its title
    CHECK(b.search("juliu", "it", 20).empty());  // only Chinese texts carry pinyin
    CHECK(b.search("zhufangx", "zh", 20).empty());
}

TEST_CASE("search ranks a title match first and keeps to the limit") {
    const Bundle& b = demo();
    const auto casa = b.search("casa", "it", 10);
    REQUIRE_FALSE(casa.empty());
    CHECK(casa[0].id == "housing-support");  // "Aiuti per la casa"
    const auto zh = b.search("住房", "zh", 10);
    REQUIRE_FALSE(zh.empty());
    CHECK(zh[0].id == "housing-support");  // 住房帮助
    CHECK(b.search("a", "it", 3).size() == 3);
    CHECK(b.search("a", "it", 0).empty());
}

TEST_CASE("search finds places by name, address and note") {
    const Bundle& b = demo();
    INFO(describe(b.search("regina marg", "it", 20)));
    CHECK(has(b.search("regina marg", "it", 20), "place", "rednova-call-center"));
    CHECK(has(b.search("red nova", "uk", 20), "place", "rednova-call-center"));
    CHECK(has(b.search("011.0112", "ar", 20), "place", "rednova-call-center"));
    CHECK(has(b.search("snodo solidale nord", "fr", 20), "place", "hub-nord"));
}

TEST_CASE("search keeps to the visitor's language") {
    const Bundle& b = demo();
    CHECK(has_guide(b.search("chiosco", "it", 20), "asylum-reception"));
    CHECK(b.search("chiosco", "fr", 20).empty());  // French says "borne"
    CHECK(b.search("житл", "it", 20).empty());
    CHECK(b.search("住房", "ja", 20).empty());  // not a language of the bundle
    CHECK(has_guide(b.search("житл", "uk", 20), "housing-support"));
    CHECK(b.search("житл", "ru", 20).empty());  // Russian says жильё
}

TEST_CASE("an empty or punctuation-only query finds nothing, and typed FTS5 syntax cannot break one") {
    const Bundle& b = demo();
    CHECK(b.search("", "it", 20).empty());
    CHECK(b.search("   ", "it", 20).empty());
    CHECK(b.search("?!… -- \"*\" () :", "it", 20).empty());
    const auto plain = b.search("permesso", "it", 20);
    REQUIRE_FALSE(plain.empty());
    for (const char* query : {"\"permesso", "permesso*", "(permesso", "permesso)", "-permesso", "permesso^", "permesso:",
                              "{permesso}", "permesso\"\"", "'permesso'"}) {
        INFO(query);
        std::vector<SearchHit> hits;
        CHECK_NOTHROW(hits = b.search(query, "it", 20));
        CHECK(describe(hits) == describe(plain));
    }
    CHECK_NOTHROW(b.search("NEAR(permesso soggiorno)", "it", 20));
    CHECK_NOTHROW(b.search("permesso AND OR NOT", "it", 20));
}

TEST_CASE("a language without a guide's translation is searched in the text the kiosk shows instead") {
    CHECK_FALSE(has_guide(demo().search("food", "so", 20), "food-help"));
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    fs::remove(src / "lang/so/guides/food-help.md");  // Somali visitors get the English guide
    Diagnostics d;
    const auto c = load_source(src, d);
    REQUIRE_FALSE(d.has_errors());
    write_bundle(c, dir / "fallback.kbundle");
    Bundle b(dir / "fallback.kbundle");
    CHECK(has_guide(b.search("food", "so", 20), "food-help"));
    CHECK_FALSE(has_guide(b.search("cunto", "so", 20), "food-help"));
}

// --- Keyboards -------------------------------------------------------------------------------

namespace {

struct KeyboardFixture {
    test::TempDir dir;
    Content content;
    Diagnostics d;

    explicit KeyboardFixture(const std::string& text) {
        for (const char* code : {"it", "en", "uk", "ru", "ar"}) content.languages.push_back({code, code, Direction::LeftToRight});
        test::write(dir / "keyboards.txt", text);
        load_keyboards(dir.path(), content, d);
    }
    // The only error, which must be about keyboards.txt.
    const Diagnostic& error() const {
        std::string all;
        for (const auto& item : d.all()) all += item.format() + "\n";
        INFO(all);
        REQUIRE(d.error_count() == 1);
        REQUIRE(d.all().size() == 1);
        CHECK(d.all()[0].file == "keyboards.txt");
        CHECK_FALSE(d.all()[0].fix.empty());
        return d.all()[0];
    }
};

const std::string kGood = "# a comment\nid = latin\nlabel = ABC\nlanguages = it en\nrow = q w e\nrow = à è\n";

}  // namespace

TEST_CASE("keyboards.txt: a good file loads, layouts split at blank lines") {
    KeyboardFixture f(kGood + "\n# Cyrillic\nid = cyrillic\nlabel = АБВ\nlanguages = uk ru\nrow = й ц у\nrow = ї є ґ\n");
    CHECK_FALSE(f.d.has_errors());
    REQUIRE(f.content.keyboards.size() == 2);
    const auto& latin = f.content.keyboards[0];
    CHECK(latin.id == "latin");
    CHECK(latin.label == "ABC");
    CHECK(latin.languages == std::vector<std::string>{"it", "en"});
    CHECK(latin.rows == std::vector<std::vector<std::string>>{{"q", "w", "e"}, {"à", "è"}});
    CHECK(f.content.keyboards[1].rows[1] == std::vector<std::string>{"ї", "є", "ґ"});
}

TEST_CASE("keyboards.txt: a missing file is allowed and gives no layouts") {
    test::TempDir dir;
    Content c;
    Diagnostics d;
    load_keyboards(dir.path(), c, d);
    CHECK(d.all().empty());
    CHECK(c.keyboards.empty());
}

TEST_CASE("keyboards.txt: an unknown key") {
    KeyboardFixture f("id = latin\nlabel = ABC\nrows = q w e\nrow = q w e\n");
    CHECK(f.error().format() == "keyboards.txt:3: error: keyboard \"latin\": unknown key \"rows\". Fix: use id, label, languages, row or forms");
}

TEST_CASE("keyboards.txt: a layout without an id") {
    KeyboardFixture f(kGood + "\n\nlabel = АБВ\nrow = й ц у\n");
    const auto& e = f.error();
    CHECK(e.line == 9);
    CHECK(e.item == "keyboard");
    CHECK(e.problem == "the layout has no id");
}

TEST_CASE("keyboards.txt: a layout without a label") {
    KeyboardFixture f("id = latin\nrow = q w e\n");
    const auto& e = f.error();
    CHECK(e.line == 1);
    CHECK(e.item == "keyboard \"latin\"");
    CHECK(e.problem == "the layout has no label");
}

TEST_CASE("keyboards.txt: a layout without rows") {
    KeyboardFixture f("\n# comment\nid = latin\nlabel = ABC\nlanguages = it\n");
    const auto& e = f.error();
    CHECK(e.line == 3);
    CHECK(e.problem == "the layout has no keys");
}

TEST_CASE("keyboards.txt: an unknown language code") {
    KeyboardFixture f("id = latin\nlabel = ABC\nlanguages = it xx\nrow = q\n");
    const auto& e = f.error();
    CHECK(e.line == 3);
    CHECK(e.problem == "language \"xx\" is not in languages.csv");
    CHECK(e.fix.find("languages.csv") != std::string::npos);
}

TEST_CASE("keyboards.txt: a duplicate id") {
    KeyboardFixture f(kGood + "\nid = latin\nlabel = АБВ\nlanguages = uk\nrow = й\n");
    const auto& e = f.error();
    CHECK(e.line == 8);
    CHECK(e.item == "keyboard \"latin\"");
    CHECK(e.problem == "duplicate id: an earlier layout already uses it");
}

TEST_CASE("keyboards.txt: a key longer than one character") {
    KeyboardFixture f("id = latin\nlabel = ABC\nrow = q w\nrow = a sd f\n");
    const auto& e = f.error();
    CHECK(e.line == 4);
    CHECK(e.problem == "key \"sd\" is more than one character");
}

TEST_CASE("keyboards.txt: an upper-case key") {
    KeyboardFixture f("id = cyrillic\nlabel = АБВ\nrow = й Ц у\n");
    const auto& e = f.error();
    CHECK(e.line == 3);
    CHECK(e.problem == "key \"Ц\" is upper case");
    CHECK(e.fix.find("\"ц\"") != std::string::npos);
}

TEST_CASE("keyboards.txt: a language with two layouts") {
    KeyboardFixture f(kGood + "\nid = other\nlabel = XYZ\nlanguages = uk en\nrow = x\n");
    const auto& e = f.error();
    CHECK(e.line == 10);
    CHECK(e.item == "keyboard \"other\"");
    CHECK(e.problem == "language \"en\" already has the layout \"latin\"");
}

TEST_CASE("keyboards.txt: two layouts without a blank line between them") {
    KeyboardFixture f("id = latin\nlabel = ABC\nrow = q\nid = cyrillic\nlabel = АБВ\nrow = й\n");
    REQUIRE(f.d.error_count() == 2);
    CHECK(f.d.all()[0].format() ==
          "keyboards.txt:4: error: keyboard \"latin\": \"id\" is given twice in one layout. Fix: separate layouts with a "
          "blank line, or keep one id line per layout");
    CHECK(f.d.all()[1].line == 5);
}

TEST_CASE("keyboards.txt: a key's forms, in any order with the rows") {
    KeyboardFixture f("id = ethiopic\nlabel = ሀለሐ\nforms = ለ ሉ ሊ ላ\nrow = ሀ ለ\nforms = ሀ ሁ\n");
    REQUIRE_FALSE(f.d.has_errors());
    const auto& k = f.content.keyboards.at(0);
    CHECK(k.rows == std::vector<std::vector<std::string>>{{"ሀ", "ለ"}});
    CHECK(k.forms == std::vector<std::vector<std::string>>{{"ለ", "ሉ", "ሊ", "ላ"}, {"ሀ", "ሁ"}});
}

TEST_CASE("keyboards.txt: forms for a key no row has") {
    KeyboardFixture f("id = ethiopic\nlabel = ሀለሐ\nrow = ሀ ለ\nforms = መ ሙ ሚ\n");
    CHECK(f.error().format() ==
          "keyboards.txt:4: error: keyboard \"ethiopic\": the forms of \"መ\" are for a key that no row of the layout has. Fix: start "
          "the line with a key of a row, or add \"መ\" to a row");
}

TEST_CASE("keyboards.txt: a forms line without forms, a key's forms twice, a form of two characters") {
    KeyboardFixture alone("id = ethiopic\nlabel = ሀለሐ\nrow = ሀ ለ\nforms = ለ\n");
    CHECK(alone.error().line == 4);
    CHECK(alone.error().problem == "a forms line needs a key and the forms it offers");
    KeyboardFixture twice("id = ethiopic\nlabel = ሀለሐ\nrow = ሀ ለ\nforms = ለ ሉ\nforms = ለ ሊ\n");
    CHECK(twice.error().line == 5);
    CHECK(twice.error().problem == "key \"ለ\" has its forms given twice");
    KeyboardFixture long_form("id = ethiopic\nlabel = ሀለሐ\nrow = ሀ ለ\nforms = ለ ሉሊ\n");
    CHECK(long_form.error().problem == "key \"ሉሊ\" is more than one character");
}

TEST_CASE("keyboards.txt: a line that is not key = value, and a bad id") {
    KeyboardFixture f("id = Latin!\nlabel = ABC\nrow = q\nq w e\n");
    REQUIRE(f.d.error_count() == 2);
    CHECK(f.d.all()[0].line == 4);
    CHECK(f.d.all()[0].problem == "this line is not `key = value`");
    CHECK(f.d.all()[1].line == 1);
    CHECK(f.d.all()[1].problem == "the id may only use a-z, 0-9 and -");
}

TEST_CASE("the demo's keyboards go through the bundle unchanged, and their letters into its fonts") {
    Diagnostics d;
    const auto source = load_source(test::demo_source(), d);
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(source.keyboards.size() == 6);
    const auto bundled = demo().keyboards();
    REQUIRE(bundled.size() == source.keyboards.size());
    for (size_t i = 0; i < bundled.size(); ++i) {
        CHECK(bundled[i].id == source.keyboards[i].id);
        CHECK(bundled[i].label == source.keyboards[i].label);
        CHECK(bundled[i].languages == source.keyboards[i].languages);
        CHECK(bundled[i].rows == source.keyboards[i].rows);
        CHECK(bundled[i].forms == source.keyboards[i].forms);
    }
    CHECK(bundled[0].id == "latin");
    CHECK(bundled[1].languages == std::vector<std::string>{"uk", "ru"});
    // Every key is drawn by the fonts the bundle carries (they are no longer hard-coded).
    const auto fonts = load_bundle_fonts(demo());
    for (const auto& k : bundled)
        for (const auto& keys : {k.rows, k.forms})
            for (const auto& row : keys)
                for (const auto& key : row) {
                    INFO(k.id, " ", key);
                    CHECK(fonts->first_with(fonts::decode_utf8(key)[0]) >= 0);
                }
    // Bengali's vowel-sign keys show on the dotted circle shaping draws under a lone mark.
    CHECK(key_as_drawn("ু") == "\u25CCু");
    CHECK(key_as_drawn("ক") == "ক");
    CHECK(fonts->first_with(U'\u25CC') >= 0);
}

TEST_CASE("each language's keyboard is in its script: it types its guides' titles, Chinese ones in pinyin") {
    Diagnostics d;
    const auto c = load_source(test::demo_source(), d);
    REQUIRE_FALSE(d.has_errors());
    const auto layout_for = [&](const std::string& lang) -> const Keyboard& {  // as the kiosk picks it
        for (const auto& k : c.keyboards)
            if (std::find(k.languages.begin(), k.languages.end(), lang) != k.languages.end()) return k;
        return c.keyboards.front();
    };
    const std::pair<const char*, const char*> expected[] = {{"am", "ethiopic"}, {"ti", "ethiopic"}, {"bn", "bengali"}, {"zh", "pinyin"},
                                                            {"uk", "cyrillic"}, {"fa", "arabic"},   {"it", "latin"},    {"so", "latin"}};
    for (const auto& [lang, id] : expected) CHECK(layout_for(lang).id == id);
    for (const auto& language : c.languages) {
        const Keyboard& k = layout_for(language.code);
        std::u32string typable;  // the letters its keys and forms give, folded as search folds them
        for (const auto& keys : {k.rows, k.forms})
            for (const auto& row : keys)
                for (const auto& key : row) typable += fonts::decode_utf8(search_key(key));
        for (const auto& entry : c.texts.at(language.code).guides) {
            const auto& guide = entry.second;  // a variable, not a binding: clang 14 cannot capture those
            const bool chinese = language.code == "zh";
            INFO(language.code, " ", k.id, " ", guide.title);
            for (const char32_t letter : fonts::decode_utf8(chinese ? pinyin_key(guide.title) : search_key(guide.title))) {
                // Latin words (One Stop Shop) are typed on the Latin layout, a key away.
                if (letter == U' ' || (!chinese && letter < 0x80)) continue;
                INFO(fonts::encode_utf8(std::u32string(1, letter)));
                CHECK(typable.find(letter) != std::u32string::npos);
            }
        }
    }
}

TEST_CASE("a keyboard letter no text uses still gets into the bundle's fonts; one no font has stops the build") {
    Content c;
    c.languages.push_back({"en", "English", Direction::LeftToRight});
    c.keyboards.push_back({"welsh", "ABC", {"en"}, {{"ŵ", "ŷ"}}, {}});
    Diagnostics d;
    const FontCatalog catalog("/usr/share/fonts", d);
    check_glyphs(c, catalog, d);
    cut_fonts(c, catalog, d);
    REQUIRE_FALSE(d.has_errors());
    test::TempDir dir;
    write_bundle(c, dir / "welsh.kbundle");
    const Bundle b(dir / "welsh.kbundle");
    const auto fonts = load_bundle_fonts(b);
    CHECK(fonts->first_with(U'ŵ') >= 0);
    CHECK(fonts->first_with(U'ŷ') >= 0);

    c.keyboards[0].rows[0].push_back("\xEE\x80\x80");  // U+E000, private use
    Diagnostics bad;
    check_glyphs(c, catalog, bad);
    REQUIRE(bad.error_count() == 1);
    CHECK(bad.all().back().file == "keyboards.txt");
    CHECK(bad.all().back().item == "keyboard \"welsh\"");
    CHECK(bad.all().back().problem.find("U+E000") != std::string::npos);
}
