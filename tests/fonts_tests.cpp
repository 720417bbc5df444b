// The text engine against the reference tools: our shaping against `hb-shape`, our line
// reordering against the `fribidi` command, line breaking, the glyph atlas and subsetting.
#include <doctest/doctest.h>

#include <hb.h>

#include <cmath>
#include <sstream>

#include "fonts/catalog.hpp"
#include "fonts/font_set.hpp"
#include "fonts/glyph_atlas.hpp"
#include "fonts/line_layout.hpp"
#include "fonts/shaper.hpp"
#include "fonts/subset.hpp"
#include "fonts/utf8.hpp"
#include "tests/test_support.hpp"

using namespace fonts;

namespace {

const std::filesystem::path kFontRoot = "/usr/share/fonts";

// Every catalog family, read whole from Debian's files.
const FontSet& system_fonts() {
    static const auto set = [] {
        std::vector<std::string> problems;
        auto s = load_catalog(kFontRoot, true, problems);
        REQUIRE(problems.empty());
        return s;
    }();
    return *set;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Our glyphs in hb-shape's text format: [gid=cluster@x,y+advance|...], positions in font units.
std::string as_hb_shape(const ShapedText& shaped, const FontSet& fonts) {
    std::ostringstream out;
    out << "[";
    bool first = true;
    for (const Run& run : shaped.runs) {
        const Family& family = fonts.family(run.family);
        const float units = static_cast<float>(family.face(run.bold).units_per_em()) / family.scale;
        for (const Glyph& g : run.glyphs) {
            if (!first) out << "|";
            first = false;
            out << g.id << "=" << g.cluster;
            const long x = std::lround(g.x_offset * units), y = std::lround(g.y_offset * units);
            if (x != 0 || y != 0) out << "@" << x << "," << y;
            out << "+" << std::lround(g.advance * units);
        }
    }
    out << "]";
    return out.str();
}

struct Sample {
    const char* script;
    const char* lang;
    const char* family;  // the catalog family that must draw it
    const char* text;
};

// One script per sample, so HarfBuzz's one-run view and ours agree on what a run is.
const Sample kCorpus[] = {
    {"Latin", "it", "Noto Sans", "Perché l'ufficio è chiuso? Affitto, ﬁ e «buoni spesa»"},
    {"Cyrillic", "uk", "Noto Sans", "Телефонуйте з понеділка по п’ятницю"},
    {"Arabic (lam-alef, marks)", "ar", "Noto Naskh Arabic", "لا إله إلا الله، اتصلوا بالمركز الإسلامي مُحَمَّد"},
    {"Persian (ZWNJ, yeh, keheh)", "fa", "Noto Naskh Arabic", "می‌خواهم با مرکز تماس بگیرم؛ کمک فوری"},
    {"Urdu (Nastaliq)", "ur", "Noto Nastaliq Urdu", "رہائش کے لیے مدد، براہ کرم کال کریں"},
    {"Bengali (conjuncts, reph)", "bn", "Noto Sans Bengali", "ক্ষমা স্ত্রী অর্থ সাহায্যের জন্য কর্মকর্তা"},
    {"Ethiopic (Amharic)", "am", "Noto Sans Ethiopic", "ወደ ጥሪ ማዕከሉ ይደውሉ። እርዳታ"},
    {"Ethiopic (Tigrinya)", "ti", "Noto Sans Ethiopic", "ናብ ማእከል ጻውዒት ደውሉ። ሓገዝ"},
    {"Han (Simplified Chinese)", "zh", "Noto Sans CJK SC", "请拨打呼叫中心，周一至周五。"},
};

}  // namespace

TEST_CASE("UTF-8 decodes and encodes every script and survives bad bytes") {
    const std::string text = "Torino — Турин — تورينو — 都灵 — 𝄞";
    CHECK(encode_utf8(decode_utf8(text)) == text);
    CHECK(decode_utf8("\xFF" "a") == U"\uFFFDa");
    CHECK(decode_utf8("ع").size() == 1);
}

TEST_CASE("shaping matches hb-shape glyph for glyph, per script") {
    const auto& fonts = system_fonts();
    for (const auto& sample : kCorpus) {
        CAPTURE(sample.script);
        const ShapedText shaped = shape(fonts, decode_utf8(sample.text), {}, sample.lang, false);
        REQUIRE(!shaped.runs.empty());
        for (const Run& run : shaped.runs) CHECK(fonts.family(run.family).name == sample.family);
        REQUIRE(shaped.runs.size() == 1);
        const auto& entry = [&] {
            for (const auto& f : noto_catalog())
                if (f.name == sample.family) return f;
            FAIL("no such family");
            return noto_catalog()[0];
        }();
        const auto reference = test::run("hb-shape --no-glyph-names --language=" + std::string(sample.lang) + " --face-index=" +
                                         std::to_string(entry.regular_index) + " " + (kFontRoot / entry.regular).string() + " " +
                                         shell_quote(sample.text));
        REQUIRE(reference.status == 0);
        CHECK(as_hb_shape(shaped, fonts) + "\n" == reference.output);
    }
}

TEST_CASE("Urdu alone is set in Nastaliq: the same letters in Persian or Arabic, or in no language, stay Naskh") {
    const auto& fonts = system_fonts();
    const std::u32string urdu = decode_utf8("رہائش کے لیے مدد، براہ کرم کال کریں");
    const ShapedText ur = shape(fonts, urdu, {}, "ur", true);
    REQUIRE(ur.runs.size() == 1);
    CHECK(fonts.family(ur.runs[0].family).name == "Noto Nastaliq Urdu");
    CHECK(ur.line_height > 1.2f);  // Nastaliq's lines are taller
    for (const char* lang : {"fa", "ar", ""}) {
        CAPTURE(lang);
        const ShapedText other = shape(fonts, urdu, {}, lang, true);
        REQUIRE(other.runs.size() == 1);
        CHECK(fonts.family(other.runs[0].family).name == "Noto Naskh Arabic");
        CHECK(other.line_height == 1.0f);
    }
    // Latin and digits in an Urdu sentence stay in Noto Sans; a line of them alone keeps the usual height.
    const ShapedText mixed = shape(fonts, decode_utf8("Red Nova 112 مدد"), {}, "ur", true);
    CHECK(fonts.family(mixed.runs.front().family).name == "Noto Sans");
    CHECK(fonts.family(mixed.runs.back().family).name == "Noto Nastaliq Urdu");
    CHECK(shape(fonts, U"Red Nova 112", {}, "ur", false).line_height == 1.0f);
    // first_with: the family kept for Urdu serves Urdu only.
    CHECK(fonts.family(static_cast<size_t>(fonts.first_with(U'ہ', "ur"))).name == "Noto Nastaliq Urdu");
    CHECK(fonts.family(static_cast<size_t>(fonts.first_with(U'ہ', "fa"))).name == "Noto Naskh Arabic");
    CHECK(fonts.family(static_cast<size_t>(fonts.first_with(U'ہ'))).name == "Noto Naskh Arabic");
}

TEST_CASE("Arabic joins and takes the lam-alef ligature; Bengali forms conjuncts") {
    const auto& fonts = system_fonts();
    // لا: Noto Naskh draws the ligature as a lam form that holds the alef, plus an alef form
    // of no width; unjoined, the two letters would take their full widths side by side.
    const ShapedText la = shape(fonts, U"لا", {}, "ar", true);
    REQUIRE(la.runs.size() == 1);
    CHECK(la.advance[1] == 0.0f);
    const float apart = shape(fonts, U"ل", {}, "ar", true).advance[0] + shape(fonts, U"ا", {}, "ar", true).advance[0];
    CHECK(la.advance[0] < apart * 0.8f);
    // Joined letters take their joining forms: سلام's middle lam is not the isolated lam glyph.
    const ShapedText salam = shape(fonts, U"سلام", {}, "ar", true);
    const uint32_t isolated_lam = shape(fonts, U"ل", {}, "ar", true).runs[0].glyphs[0].id;
    for (const Glyph& g : salam.runs[0].glyphs)
        if (g.cluster == 1) CHECK(g.id != isolated_lam);
    // ক্ষ (ka, virama, ssa) is one conjunct glyph, not three.
    const ShapedText ksha = shape(fonts, U"ক্ষ", {}, "bn", false);
    REQUIRE(ksha.runs.size() == 1);
    CHECK(ksha.runs[0].glyphs.size() == 1);
}

TEST_CASE("line order matches fribidi's visual-to-logical map for mixed-direction text") {
    const auto& fonts = system_fonts();
    struct Case {
        const char* text;
        bool rtl;
    };
    const Case cases[] = {
        {"اتصل بالرقم 011.01125500 (من الإثنين إلى الجمعة)", true},
        {"مركز Red Nova في corso Regina Margherita 137، تورينو", true},
        {"راجع https://prenotafacile.poliziadistato.it للحجز.", true},
        {"تماس با 112 — فوراً", true},
        {"Call مركز الاتصال now", false},
        {"Red Nova: اتصل بـ 011.01125500!", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const ShapedText shaped = shape(fonts, decode_utf8(c.text), {}, c.rtl ? "ar" : "en", c.rtl);
        const auto lines = layout_lines(fonts, shaped, 32, 1e6f);  // one line
        REQUIRE(lines.size() == 1);
        std::ostringstream ours;
        for (size_t i : visual_order(lines[0], shaped.text)) ours << i << " ";
        const auto reference = test::run("printf '%s' " + shell_quote(c.text) + " | fribidi --nopad --nobreak --vtol --novisual " +
                                         (c.rtl ? "--rtl" : "--ltr"));
        REQUIRE(reference.status == 0);
        CHECK(ours.str() == reference.output);
    }
}

TEST_CASE("lines wrap in logical order, then reorder: an RTL sentence keeps its words on the right lines") {
    const auto& fonts = system_fonts();
    const std::u32string text = decode_utf8("اتصل بالرقم 011.01125500 من الإثنين إلى الجمعة");
    const ShapedText shaped = shape(fonts, text, {}, "ar", true);
    const auto one = layout_lines(fonts, shaped, 32, 1e6f);
    const auto wrapped = layout_lines(fonts, shaped, 32, one[0].width * 0.6f);
    REQUIRE(wrapped.size() == 2);
    // The first line holds the start of the sentence, the phone number whole.
    const std::u32string first = text.substr(wrapped[0].start, wrapped[0].end - wrapped[0].start);
    CHECK(first.find(U"011.01125500") != std::u32string::npos);
    CHECK(text.substr(0, 4) == first.substr(0, 4));
    for (const auto& line : wrapped) CHECK(line.width <= one[0].width * 0.6f);
    // Visually, the first word (اتصل) is at the right end of the first line.
    CHECK(visual_order(wrapped[0], text).back() == 0);
}

TEST_CASE("Chinese wraps between characters, and never before closing punctuation") {
    const auto& fonts = system_fonts();
    const std::u32string text = decode_utf8("请拨打呼叫中心，周一至周五上午九点到下午五点。");
    const ShapedText shaped = shape(fonts, text, {}, "zh", false);
    const auto lines = layout_lines(fonts, shaped, 32, 32 * 5.5f);  // about five characters a line
    REQUIRE(lines.size() >= 4);
    for (const auto& line : lines) {
        CHECK(line.width <= 32 * 5.5f);
        CHECK(text[line.start] != U'，');
        CHECK(text[line.start] != U'。');
    }
}

TEST_CASE("a word wider than the line is cut, not lost") {
    const auto& fonts = system_fonts();
    const std::u32string url = U"https://prenotafacile.poliziadistato.it/very/long/path";
    const ShapedText shaped = shape(fonts, url, {}, "en", false);
    const auto lines = layout_lines(fonts, shaped, 32, 200);
    REQUIRE(lines.size() > 1);
    size_t covered = 0;
    for (const auto& l : lines) {
        CHECK(l.start == covered);
        covered = l.end;
    }
    CHECK(covered == url.size());
}

TEST_CASE("bold text is shaped with the bold face") {
    const auto& fonts = system_fonts();
    const std::u32string text = U"Call now";
    const ShapedText shaped = shape(fonts, text, {true, true, true, true, false, false, false, false}, "en", false);
    REQUIRE(shaped.runs.size() == 2);
    CHECK(shaped.runs[0].bold);
    CHECK_FALSE(shaped.runs[1].bold);
    CHECK(shaped.advance[0] != doctest::Approx(shape(fonts, text, {}, "en", false).advance[0]));
}

TEST_CASE("the glyph atlas fills on demand, grows to its limit, then evicts what was not drawn recently") {
    const auto& fonts = system_fonts();
    const Face& han = fonts.family(5).face(false);
    GlyphAtlas atlas(256, 512);
    atlas.begin_frame();
    const auto* a = atlas.get(han, 1000, 40);
    REQUIRE(a != nullptr);
    CHECK(a->w > 0);
    CHECK(atlas.get(han, 1000, 40) == a);  // cached
    // Some coverage was written where the slot says.
    int ink = 0;
    for (int y = a->y; y < a->y + a->h; ++y)
        for (int x = a->x; x < a->x + a->w; ++x) ink += atlas.pixels()[static_cast<size_t>(y * atlas.width() + x)] > 0;
    CHECK(ink > 20);
    // Fill far beyond one texture's room, a frame at a time, as paging through guides would.
    uint32_t glyph = 2000;
    for (int frame = 0; frame < 40; ++frame) {
        atlas.begin_frame();
        for (int i = 0; i < 30; ++i) (void)atlas.get(han, glyph++, 40);
        CHECK(atlas.width() <= 512);
    }
    CHECK(atlas.width() == 512);
    CHECK(atlas.evictions() > 0);
    CHECK(atlas.glyph_count() > 0);
    // A glyph drawn in the current frame survives, however much else is asked for in it.
    atlas.begin_frame();
    const auto* keep = atlas.get(han, 5000, 40);
    REQUIRE(keep != nullptr);
    const auto kept = *keep;
    for (int i = 0; i < 400; ++i) atlas.get(han, glyph++, 40);
    const auto* again = atlas.get(han, 5000, 40);
    REQUIRE(again != nullptr);
    CHECK(again->x == kept.x);
    CHECK(again->y == kept.y);
    // Too much for one frame: glyphs are skipped and a redraw is asked for, and the next frame starts empty.
    CHECK(atlas.wants_redraw());
    atlas.begin_frame();
    CHECK_FALSE(atlas.wants_redraw());
    CHECK(atlas.get(han, 5000, 40) != nullptr);
}

TEST_CASE("a subset font keeps what shaping needs: the same glyphs as the full font, per hb-shape") {
    test::TempDir dir;
    const auto catalog = noto_catalog();
    const std::string arabic = "لا إله إلا الله، مُحَمَّد";
    const std::string bengali = "ক্ষমা স্ত্রী অর্থ মৌলিক পৌরসভা";  // ৌ is drawn as two parts around the consonant
    const std::string urdu = "رہائش کے لیے مدد، براہ کرم کال کریں";  // Nastaliq moves every letter by its neighbours
    struct Cut {
        size_t family;
        std::string lang, text;
    };
    for (const Cut& cut : {Cut{1, "ur", urdu}, Cut{2, "ar", arabic}, Cut{4, "bn", bengali}, Cut{5, "zh", "周一至周五"}}) {
        const auto& f = catalog[cut.family];
        CAPTURE(f.name);
        const auto full = read_file_bytes(kFontRoot / f.regular);
        std::set<char32_t> chars;
        for (char32_t c : decode_utf8(cut.text)) chars.insert(c);
        const auto small = subset_font(full, f.regular_index, chars);
        CHECK(small.size() < full.size() / (cut.lang == "ur" ? 3 : 4));  // Nastaliq has many forms of each letter
        const auto path = dir / "subset.otf";
        test::write(path, std::string(small.begin(), small.end()));
        // Glyph ids differ after subsetting; the shaping result must not: compare glyph names
        // and positions of the subset with those of the full font.
        const std::string opts = " --language=" + cut.lang + " ";
        const auto of_subset = test::run("hb-shape --no-glyph-names --no-clusters" + opts + path.string() + " " + shell_quote(cut.text));
        const auto of_full = test::run("hb-shape --no-glyph-names --no-clusters --face-index=" + std::to_string(f.regular_index) +
                                       opts + (kFontRoot / f.regular).string() + " " + shell_quote(cut.text));
        REQUIRE(of_subset.status == 0);
        // Same number of glyphs and the same advances and offsets, glyph by glyph.
        auto strip_ids = [](std::string s) {
            std::string out;
            bool in_id = false;
            for (char c : s) {
                if (c == '[' || c == '|') { out += c; in_id = true; continue; }
                if (in_id && (c == '@' || c == '+')) in_id = false;
                if (!in_id) out += c;
            }
            return out;
        };
        CHECK(strip_ids(of_subset.output) == strip_ids(of_full.output));
        CHECK(of_subset.output.find("[0+") == std::string::npos);
        CHECK(of_subset.output.find("|0+") == std::string::npos);
    }
}
