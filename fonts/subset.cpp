#include "fonts/subset.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <stdexcept>

#include "fonts/font_set.hpp"
#include "fonts/utf8.hpp"

namespace fonts {

std::set<char32_t> kiosk_characters() {
    std::set<char32_t> out;
    for (char32_t c = 0x20; c < 0x7F; ++c) out.insert(c);
    // The kiosk's own punctuation. The on-screen keyboards' letters are bundle data
    // (keyboards.txt), so the build counts them with the bundle's texts.
    for (char32_t c : decode_utf8("·–—…«»≈")) out.insert(c);  // ≈: walking distances
    return out;
}

std::vector<std::set<char32_t>> plan_subsets(const FontSet& fonts, const std::map<std::string, std::set<char32_t>>& by_language) {
    std::vector<std::set<char32_t>> out(fonts.size());
    std::set<char32_t> weak;
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    for (const auto& [lang, characters] : by_language)
        for (char32_t c : characters) {
            const hb_script_t script = hb_unicode_script(unicode, c);
            if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED) weak.insert(c);
            if (const int f = fonts.first_with(c, lang); f >= 0) out[static_cast<size_t>(f)].insert(c);
        }
    for (size_t i = 0; i < fonts.size(); ++i) {
        const bool needed = std::any_of(out[i].begin(), out[i].end(), [&](char32_t c) {
            const hb_script_t s = hb_unicode_script(unicode, c);
            return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED;
        });
        if (!needed && i > 0) {
            out[i].clear();
            continue;
        }
        for (char32_t c : weak)
            if (fonts.family(i).regular->has(c)) out[i].insert(c);
    }
    return out;
}

std::vector<unsigned char> subset_font(const std::vector<unsigned char>& font, unsigned index, const std::set<char32_t>& characters) {
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(font.data()), static_cast<unsigned>(font.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, index);
    hb_blob_destroy(blob);
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        hb_face_destroy(face);
        throw std::runtime_error("HarfBuzz could not start subsetting");
    }
    // With each character its canonical decomposition: HarfBuzz draws a Bengali ৌ as ে + ৗ, and
    // only when the font maps those too.
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    std::vector<hb_codepoint_t> pending(characters.begin(), characters.end());
    while (!pending.empty()) {
        const hb_codepoint_t c = pending.back();
        pending.pop_back();
        if (hb_set_has(unicodes, c)) continue;
        hb_set_add(unicodes, c);
        hb_codepoint_t a = 0, b = 0;
        if (hb_unicode_decompose(unicode, c, &a, &b)) {
            pending.push_back(a);
            if (b) pending.push_back(b);
        }
    }
    // Every layout feature, not only HarfBuzz's default list: a script's shaper may want any.
    hb_set_t* features = hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb_set_clear(features);
    hb_set_invert(features);
    // The kiosk rasterises with FreeType's light auto-hinting, so the fonts' own hints are dead weight.
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t* subset = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    if (!subset) throw std::runtime_error("HarfBuzz could not subset the font");
    hb_blob_t* out_blob = hb_face_reference_blob(subset);
    unsigned length = 0;
    const char* data = hb_blob_get_data(out_blob, &length);
    std::vector<unsigned char> out(data, data + length);
    hb_blob_destroy(out_blob);
    hb_face_destroy(subset);
    if (out.empty()) throw std::runtime_error("HarfBuzz produced an empty font");
    return out;
}

}  // namespace fonts
