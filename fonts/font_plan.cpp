#include "font_plan.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

namespace fonts {

std::vector<FontChoice> default_fonts(const std::filesystem::path& dir, std::vector<std::string>& missing) {
    // Latin, Greek and Cyrillic first: digits and punctuation inside Arabic text then come from
    // the same face as in every other language.
    struct Family {
        const char *regular, *bold;
        float size_factor;
    };
    const Family families[] = {
        {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 1.0f},
        {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", 1.2f},
        {"NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", 1.0f},
        {"NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", 1.0f},
    };
    std::vector<FontChoice> out;
    for (const auto& [regular, bold, factor] : families) {
        const auto r = dir / regular, b = dir / bold;
        if (!std::filesystem::exists(r)) {
            missing.push_back(r.string());
            continue;
        }
        out.push_back({r, std::filesystem::exists(b) ? b : r, factor});
    }
    return out;
}

FontPlan plan_fonts(const std::set<char32_t>& characters, const std::vector<FontChoice>& fonts) {
    FontPlan plan;
    plan.per_font.resize(fonts.size());
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        plan.missing.assign(characters.begin(), characters.end());
        return plan;
    }
    std::vector<FT_Face> faces(fonts.size(), nullptr);
    for (size_t i = 0; i < fonts.size(); ++i)
        if (FT_New_Face(library, fonts[i].regular.c_str(), 0, &faces[i]) != 0) faces[i] = nullptr;
    for (char32_t c : characters) {
        bool found = false;
        for (size_t i = 0; i < faces.size() && !found; ++i) {
            if (faces[i] && FT_Get_Char_Index(faces[i], c) != 0) {
                plan.per_font[i].push_back(c);
                found = true;
            }
        }
        if (!found) plan.missing.push_back(c);
    }
    for (auto face : faces)
        if (face) FT_Done_Face(face);
    FT_Done_FreeType(library);
    return plan;
}

}  // namespace fonts
