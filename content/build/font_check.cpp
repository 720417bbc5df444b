#include "content/build/font_check.hpp"

#include <cstdio>
#include <map>
#include <memory>
#include <tuple>
#include <set>

#include "content/build/text_fit.hpp"
#include "content/text/locale_format.hpp"
#include "content/text/search_text.hpp"
#include "fonts/catalog.hpp"
#include "fonts/font_set.hpp"
#include "fonts/subset.hpp"
#include "fonts/utf8.hpp"

namespace content {

namespace {

struct Text {
    std::string file, item, text;
    std::string lang = {};  // the language it is written in; empty for text shown on any language's screens
};

// Everything a visitor may read, with the file and item a content manager would fix.
std::vector<Text> visible_texts(const Content& c) {
    std::vector<Text> out;
    for (const auto& l : c.languages) {
        // A language's name is shown on other languages' screens too (the fallback notice), so it
        // belongs to no one language.
        out.push_back({"languages.csv", "language \"" + l.code + "\"", l.native_name});
        // What the kiosk writes from ICU's data in the language: day and month names, its digits.
        out.push_back({"languages.csv", "dates and numbers of language \"" + l.code + "\"", locale_format(l.code).specimen(), l.code});
    }
    for (const auto& p : c.places) out.push_back({"places.csv", "place \"" + p.id + "\"", p.name + " " + p.address + " " + p.phone});
    for (const auto& st : c.stops) out.push_back({"stops.csv", "stop of \"" + st.unit + "\"", st.name + " " + st.address});
    for (const auto& l : c.links) out.push_back({"links.csv", "link \"" + l.id + "\"", l.target});
    for (const auto& k : c.keyboards) {  // the on-screen keys are drawn from the bundle's fonts too
        std::string keys = k.label;
        for (const auto& row : k.rows)
            for (const auto& key : row) keys += " " + key_as_drawn(key);
        for (const auto& forms : k.forms)
            for (const auto& form : forms) keys += " " + form;
        out.push_back({"keyboards.txt", "keyboard \"" + k.id + "\"", keys});
    }
    if (!c.map.attribution.empty()) out.push_back({"map/layers.txt", "map attribution", c.map.attribution});  // shown on the map
    for (const auto& [lang, texts] : c.texts) {
        for (const auto& [key, value] : texts.strings)
            out.push_back({"lang/" + lang + "/strings.txt", "text \"" + key + "\"", value, lang});
        for (const auto& [id, g] : texts.guides)
            out.push_back({"lang/" + lang + "/guides/" + id + ".md", "guide \"" + id + "\"", g.title + " " + g.summary + " " + g.body, lang});
    }
    return out;
}

std::string describe(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return std::string(code) + " \"" + fonts::encode_utf8(std::u32string(1, c)) + "\"";
}

bool drawn(char32_t c) { return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0x200C && c != 0x200D; }

}  // namespace

FontCatalog::FontCatalog(std::filesystem::path font_root, Diagnostics& d) : root(std::move(font_root)) {
    std::vector<std::string> problems;
    set = fonts::load_catalog(root, false, problems);
    for (const auto& p : problems) d.warning("", 0, "fonts", p, "install fonts-noto-core and fonts-noto-cjk, or pass --fonts DIR");
}

void check_glyphs(const Content& c, const FontCatalog& catalog, Diagnostics& d) {
    const fonts::FontSet& set = *catalog.set;
    std::string families;
    for (size_t i = 0; i < set.size(); ++i) families += (i ? ", " : "") + set.family(i).name;
    for (const auto& t : visible_texts(c)) {
        std::set<char32_t> missing;
        for (char32_t ch : fonts::decode_utf8(t.text))
            if (drawn(ch) && set.first_with(ch, t.lang) < 0) missing.insert(ch);
        if (missing.empty()) continue;
        std::string list;
        for (char32_t ch : missing) list += (list.empty() ? "" : ", ") + describe(ch);
        d.error(t.file, 0, t.item, "no bundled font has a glyph for " + list + " (fonts: " + (families.empty() ? "none found" : families) + ")",
                "replace the character with one the fonts have, or add a font with it to fonts/catalog.cpp");
    }
}

void check_fonts(const Content& c, const FontCatalog& catalog, Diagnostics& d) {
    const int before = d.error_count();
    check_glyphs(c, catalog, d);
    if (d.error_count() == before) check_text_slots(c, *catalog.set, d);  // a missing glyph would make any width wrong
}

void cut_fonts(Content& c, const FontCatalog& catalog, Diagnostics& d) {
    // Text of no one language is shaped with the visitor's (a place name on an Urdu screen), so
    // its characters count for every language as well.
    std::map<std::string, std::set<char32_t>> chars{{"", fonts::kiosk_characters()}};
    for (const auto& t : visible_texts(c))
        for (char32_t ch : fonts::decode_utf8(t.text))
            if (drawn(ch)) chars[t.lang].insert(ch);
    for (const auto& l : c.languages) chars[l.code].insert(chars[""].begin(), chars[""].end());
    const auto& set = *catalog.set;
    const auto plan = fonts::plan_subsets(set, chars);
    for (size_t i = 0; i < set.size(); ++i) {
        if (plan[i].empty()) continue;
        const std::string& name = set.family(i).name;
        for (const auto& f : fonts::noto_catalog()) {
            if (f.name != name) continue;
            try {
                for (const auto& [style, path, index] : {std::tuple{"regular", f.regular, f.regular_index}, std::tuple{"bold", f.bold, f.bold_index}})
                    c.fonts.push_back({name, style, f.scale, f.line_height, f.languages,
                                       fonts::subset_font(fonts::read_file_bytes((catalog.root / path).string()), index, plan[i])});
            } catch (const std::exception& e) {
                d.error("", 0, "font \"" + name + "\"", e.what(), "check the font files are readable and not damaged");
            }
        }
    }
}

}  // namespace content
