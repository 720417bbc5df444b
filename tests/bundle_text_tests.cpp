// The demo bundle's text with the demo bundle's fonts: every string a visitor may see, in every
// language (the dates and numbers ICU writes too), shapes without a .notdef glyph, in its
// language's family (Nastaliq for Urdu), and the fonts cut down for the bundle shape it exactly as
// Debian's whole fonts do.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "content/model/bundle_fonts.hpp"
#include "content/model/sqlite.hpp"
#include "content/text/locale_format.hpp"
#include "content/text/markup.hpp"
#include "fonts/catalog.hpp"
#include "fonts/shaper.hpp"
#include "fonts/utf8.hpp"
#include "tests/test_support.hpp"

namespace {

struct Visible {
    std::string lang, where, text;
};

// Every visible string, straight from the bundle's tables, with the language it is written in.
std::vector<Visible> visible_strings(const std::filesystem::path& bundle) {
    content::sql::Database db(bundle, content::sql::Database::Mode::ReadOnly);
    std::vector<Visible> out;
    const char* queries[] = {
        "SELECT lang, 'ui_string ' || key, text FROM ui_string",
        "SELECT lang, 'category ' || category_id, title FROM category_text",
        "SELECT lang, 'category ' || category_id, summary FROM category_text",
        "SELECT lang, 'guide ' || guide_id, title FROM guide_text",
        "SELECT lang, 'guide ' || guide_id, summary FROM guide_text",
        "SELECT lang, 'place ' || place_id, note FROM place_text",
        "SELECT lang, 'place ' || place_id || ' access', access FROM place_access",
        "SELECT 'it', 'stop of ' || unit_id, name || ' ' || address FROM unit_stop",
        "SELECT lang, 'link ' || link_id, label FROM link_text",
        "SELECT code, 'language ' || code, native_name FROM language",
        "SELECT 'it', 'place ' || id, name || ' ' || address || ' ' || phone FROM place",
        "SELECT 'en', 'link ' || id, target FROM link",
    };
    for (const char* q : queries)
        for (auto s = db.prepare(q); s.step();) out.push_back({s.text(0), s.text(1), s.text(2)});
    // What the kiosk writes from ICU's data for each language: day and month names, its digits.
    for (auto s = db.prepare("SELECT code FROM language"); s.step();)
        out.push_back({s.text(0), "dates and numbers", content::locale_format(s.text(0)).specimen()});
    // Guide bodies as the kiosk shows them: block by block, markup removed.
    for (auto s = db.prepare("SELECT lang, guide_id, body FROM guide_text"); s.step();)
        for (const auto& block : content::parse_markup(s.text(2)).blocks)
            out.push_back({s.text(0), "guide " + s.text(1) + " body", content::plain_text(block)});
    return out;
}

bool is_rtl(const std::string& lang) { return lang == "ar" || lang == "fa" || lang == "ur"; }

}  // namespace

TEST_CASE("no visible string of any language in the demo bundle shapes to .notdef") {
    content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto fonts = content::load_bundle_fonts(bundle);
    REQUIRE(fonts->size() >= 5);  // Latin/Cyrillic, Arabic, Ethiopic, Bengali, Chinese
    const auto strings = visible_strings(KIOSK_DEMO_BUNDLE);
    REQUIRE(strings.size() > 1000);
    std::set<std::string> languages;
    size_t glyphs = 0;
    for (const auto& v : strings) {
        languages.insert(v.lang);
        const auto shaped = fonts::shape(*fonts, fonts::decode_utf8(v.text), {}, v.lang, is_rtl(v.lang));
        for (const auto& run : shaped.runs)
            for (const auto& g : run.glyphs) {
                ++glyphs;
                if (g.id == 0) FAIL_CHECK(v.lang << " " << v.where << ": .notdef for U+" << std::hex << static_cast<unsigned>(shaped.text[g.cluster]));
            }
    }
    CHECK(languages.size() == 16);
    CHECK(glyphs > 50'000);
}

TEST_CASE("the bundle's cut-down fonts shape every demo string exactly as the whole fonts do") {
    content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto cut = content::load_bundle_fonts(bundle);
    std::vector<std::string> problems;
    const auto whole = fonts::load_catalog("/usr/share/fonts", true, problems);
    REQUIRE(problems.empty());
    size_t compared = 0;
    for (const auto& v : visible_strings(KIOSK_DEMO_BUNDLE)) {
        const auto text = fonts::decode_utf8(v.text);
        const auto a = fonts::shape(*cut, text, {}, v.lang, is_rtl(v.lang));
        const auto b = fonts::shape(*whole, text, {}, v.lang, is_rtl(v.lang));
        // Glyph ids differ between a subset and its font; widths and positions must not.
        REQUIRE(a.runs.size() == b.runs.size());
        for (size_t r = 0; r < a.runs.size(); ++r) {
            CAPTURE(v.lang);
            CAPTURE(v.where);
            CHECK(cut->family(a.runs[r].family).name == whole->family(b.runs[r].family).name);
            REQUIRE(a.runs[r].glyphs.size() == b.runs[r].glyphs.size());
            for (size_t i = 0; i < a.runs[r].glyphs.size(); ++i) {
                const auto &ga = a.runs[r].glyphs[i], &gb = b.runs[r].glyphs[i];
                if (ga.cluster != gb.cluster || std::abs(ga.advance - gb.advance) > 1e-4f || std::abs(ga.x_offset - gb.x_offset) > 1e-4f ||
                    std::abs(ga.y_offset - gb.y_offset) > 1e-4f)
                    FAIL_CHECK("glyph " << i << " of run " << r << " differs");
                ++compared;
            }
        }
    }
    CHECK(compared > 50'000);
}

TEST_CASE("the demo bundle sets Urdu in Nastaliq, kept for Urdu alone, and Naskh still draws Arabic and Persian") {
    content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto fonts = content::load_bundle_fonts(bundle);
    int nastaliq = -1, naskh = -1;
    for (size_t i = 0; i < fonts->size(); ++i) {
        if (fonts->family(i).name == "Noto Nastaliq Urdu") nastaliq = static_cast<int>(i);
        if (fonts->family(i).name == "Noto Naskh Arabic") naskh = static_cast<int>(i);
    }
    REQUIRE(nastaliq >= 0);
    REQUIRE(naskh > nastaliq);  // before Naskh, or Urdu would never reach it
    const auto& urdu_family = fonts->family(static_cast<size_t>(nastaliq));
    CHECK(urdu_family.languages == std::vector<std::string>{"ur"});
    CHECK(urdu_family.line_height > 1.2f);
    CHECK(urdu_family.bold != nullptr);
    CHECK(fonts->family(static_cast<size_t>(naskh)).languages.empty());
    CHECK(fonts->family(static_cast<size_t>(naskh)).line_height == 1.0f);

    // Every Arabic-script letter a visitor reads goes to Nastaliq in Urdu and to Naskh in Arabic
    // and Persian, with the whole paragraph in one family: Nastaliq and Naskh letters do not join.
    const auto arabic_script = [](char32_t c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF); };
    std::map<std::string, size_t> letters;
    for (const auto& v : visible_strings(KIOSK_DEMO_BUNDLE)) {
        if (v.lang != "ur" && v.lang != "fa" && v.lang != "ar") continue;
        const int want = v.lang == "ur" ? nastaliq : naskh;
        const auto shaped = fonts::shape(*fonts, fonts::decode_utf8(v.text), {}, v.lang, true);
        for (const auto& run : shaped.runs)
            for (size_t i = run.start; i < run.end; ++i) {
                if (!arabic_script(shaped.text[i])) continue;
                ++letters[v.lang];
                if (run.family != want) FAIL_CHECK(v.lang << " " << v.where << ": U+" << std::hex << static_cast<unsigned>(shaped.text[i]) << " in " << fonts->family(run.family).name);
            }
    }
    CHECK(letters["ur"] > 5'000);
    CHECK(letters["fa"] > 5'000);
    CHECK(letters["ar"] > 5'000);
    // The Arabic keyboard (ar fa ur) is drawn in Arabic, so Naskh keeps its letters, Urdu's too.
    for (const auto& k : bundle.keyboards())
        for (const auto& row : k.rows)
            for (const auto& key : row)
                if (arabic_script(fonts::decode_utf8(key)[0])) CHECK(fonts->first_with(fonts::decode_utf8(key)[0], "ar") == naskh);
    // The language chooser writes each name in its own language: اردو in Nastaliq, فارسی in Naskh.
    CHECK(fonts::shape(*fonts, U"اردو", {}, "ur", true).runs[0].family == nastaliq);
    CHECK(fonts::shape(*fonts, U"فارسی", {}, "fa", true).runs[0].family == naskh);
}
