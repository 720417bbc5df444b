#pragma once
// The fonts a bundle carries: every character a visitor may see must have a glyph in one of the
// catalog's Noto families, and each family needed is cut down to the characters it draws, so a
// kiosk learns a new script from a content update alone and its memory holds no unused glyphs.
#include <filesystem>
#include <memory>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"
#include "fonts/font_set.hpp"

namespace content {

/// The catalog's fonts found under a folder, loaded once to check a bundle's texts and cut its fonts.
/// Fonts that cannot be read are warnings in `d`, naming the packages to install.
struct FontCatalog {
    FontCatalog(std::filesystem::path root, Diagnostics& d);
    std::filesystem::path root;
    std::unique_ptr<fonts::FontSet> set;
};

/// Reports, per language and item, characters that no catalog font has.
void check_glyphs(const Content& content, const FontCatalog& catalog, Diagnostics& d);

/// Everything the fonts can tell: check_glyphs, then the texts too long for their buttons (text_fit.hpp).
void check_fonts(const Content& content, const FontCatalog& catalog, Diagnostics& d);

/// Fills content.fonts with the subset catalog fonts (after check_glyphs found no errors).
void cut_fonts(Content& content, const FontCatalog& catalog, Diagnostics& d);

}  // namespace content
