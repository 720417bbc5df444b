#pragma once
// Which font file draws which character. Fonts are tried in order (Latin/Cyrillic first, then
// each script's Noto font); each character goes to the first font that has a glyph for it, so
// the glyph atlas holds only what the content uses.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace fonts {

struct FontChoice {
    std::filesystem::path regular;
    std::filesystem::path bold;  // same as regular when the family has no bold
    float size_factor = 1;       // scripts whose letters are small at the same em size draw larger
};

/// Noto fonts from Debian's fonts-noto-core, in fallback order, found under `font_dir`.
/// Missing files are skipped; `missing` lists them for the log.
std::vector<FontChoice> default_fonts(const std::filesystem::path& font_dir, std::vector<std::string>& missing);

struct FontPlan {
    std::vector<std::vector<char32_t>> per_font;  // per_font[i]: characters font i draws, sorted
    std::vector<char32_t> missing;                // characters no font has
};

/// Assigns every character to the first font (by its regular face) that has a glyph for it.
FontPlan plan_fonts(const std::set<char32_t>& characters, const std::vector<FontChoice>& fonts);

}  // namespace fonts
