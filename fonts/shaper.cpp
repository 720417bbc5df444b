#include "fonts/shaper.hpp"

#include <fribidi.h>
#include <hb.h>
#include <linebreak.h>

#include <algorithm>
#include <mutex>

namespace fonts {

namespace {

bool is_weak_script(hb_script_t s) { return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN; }

// UAX #24 in short: spaces, digits and punctuation take the script of the text before them, or
// after them at the start of a paragraph.
std::vector<hb_script_t> resolve_scripts(const std::u32string& text) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> scripts(text.size());
    hb_script_t last = HB_SCRIPT_COMMON;
    for (size_t i = 0; i < text.size(); ++i) {
        const hb_script_t s = hb_unicode_script(unicode, text[i]);
        scripts[i] = is_weak_script(s) ? last : s;
        if (!is_weak_script(s)) last = s;
    }
    hb_script_t next = HB_SCRIPT_LATIN;
    for (size_t i = text.size(); i-- > 0;) {
        if (is_weak_script(scripts[i])) scripts[i] = next;
        else next = scripts[i];
    }
    return scripts;
}

std::vector<int> choose_families(const FontSet& fonts, const std::u32string& text, std::string_view lang) {
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<int> family(text.size(), 0);
    int previous = -1;
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const bool weak = is_weak_script(hb_unicode_script(unicode, c));
        int f = -1;
        if (weak && previous >= 0 && fonts.family(static_cast<size_t>(previous)).regular->has(c)) f = previous;
        if (f < 0) f = fonts.first_with(c, lang);
        if (f < 0) f = previous >= 0 ? previous : 0;  // .notdef; the bundle build stops this happening
        family[i] = f;
        if (!weak) previous = f;
        else if (previous < 0) previous = f;
    }
    return family;
}

void shape_run(const FontSet& fonts, const ShapedText& shaped, Run& run, hb_script_t script, hb_language_t language) {
    const Family& family = fonts.family(run.family);
    const Face& face = family.face(run.bold);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(shaped.text.data()), static_cast<int>(shaped.text.size()),
                        static_cast<unsigned>(run.start), static_cast<int>(run.end - run.start));
    hb_buffer_set_direction(buffer, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, script);
    hb_buffer_set_language(buffer, language);
    hb_shape(face.hb(), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const float em = family.scale / static_cast<float>(face.units_per_em());
    run.glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i)
        run.glyphs.push_back({info[i].codepoint, info[i].cluster, static_cast<float>(pos[i].x_advance) * em,
                              static_cast<float>(pos[i].x_offset) * em, static_cast<float>(pos[i].y_offset) * em});
    hb_buffer_destroy(buffer);
}

}  // namespace

ShapedText shape(const FontSet& fonts, std::u32string text, const std::vector<bool>& bold, std::string_view lang, bool rtl) {
    ShapedText out;
    out.text = std::move(text);
    out.rtl = rtl;
    const auto n = out.text.size();
    out.advance.assign(n, 0);
    out.run_of.assign(n, 0);
    if (n == 0 || fonts.size() == 0) return out;
    const auto* chars = reinterpret_cast<const FriBidiChar*>(out.text.data());
    const auto len = static_cast<FriBidiStrIndex>(n);

    // Bidi levels (rules P2–I2 and L1 parts 1–3).
    std::vector<FriBidiCharType> types(n);
    std::vector<FriBidiBracketType> brackets(n);
    std::vector<FriBidiLevel> levels(n);
    fribidi_get_bidi_types(chars, len, types.data());
    fribidi_get_bracket_types(chars, len, types.data(), brackets.data());
    FriBidiParType direction = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &direction, levels.data()) == 0)
        levels.assign(n, rtl ? 1 : 0);
    out.bidi_types.assign(types.begin(), types.end());
    out.levels.assign(levels.begin(), levels.end());

    // Line-break opportunities (UAX #14).
    static std::once_flag linebreak_ready;
    std::call_once(linebreak_ready, init_linebreak);
    const std::string lang_code(lang);
    out.breaks.resize(n);
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(out.text.data()), n, lang_code.c_str(), out.breaks.data());

    // Runs of one level, script, family and weight.
    const auto scripts = resolve_scripts(out.text);
    const auto families = choose_families(fonts, out.text, lang);
    auto is_bold = [&](size_t i) { return i < bold.size() && bold[i]; };
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && levels[j] == levels[i] && scripts[j] == scripts[i] && families[j] == families[i] && is_bold(j) == is_bold(i)) ++j;
        out.runs.push_back({i, j, levels[i], static_cast<uint16_t>(families[i]), is_bold(i), {}});
        i = j;
    }
    const hb_language_t language = hb_language_from_string(lang_code.c_str(), -1);
    for (size_t r = 0; r < out.runs.size(); ++r) {
        Run& run = out.runs[r];
        shape_run(fonts, out, run, scripts[run.start], language);
        for (size_t i = run.start; i < run.end; ++i) out.run_of[i] = static_cast<uint32_t>(r);
        for (const Glyph& g : run.glyphs) out.advance[g.cluster] += g.advance;
        out.line_height = std::max(out.line_height, fonts.family(run.family).line_height);
    }
    return out;
}

}  // namespace fonts
