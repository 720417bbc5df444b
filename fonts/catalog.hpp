#pragma once
// The Noto families a bundle's fonts are cut from, in fallback order, as Debian installs them
// (fonts-noto-core, fonts-noto-cjk). Latin, Greek and Cyrillic come first, so digits and
// punctuation look the same in every language.
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace fonts {

struct CatalogFamily {
    std::string name;
    float scale;  // drawn this much larger than the em size, so the scripts look the same size
    std::filesystem::path regular, bold;  // relative to the font root, e.g. /usr/share/fonts
    unsigned regular_index = 0, bold_index = 0;  // face inside a collection (.ttc)
};

std::vector<CatalogFamily> noto_catalog();

class FontSet;

/// The catalog's families read whole from under `root` (bold faces too when `with_bold`).
/// Families whose files cannot be read are left out and named in `problems`.
std::unique_ptr<FontSet> load_catalog(const std::filesystem::path& root, bool with_bold, std::vector<std::string>& problems);

/// Characters the kiosk draws itself whatever the content: ASCII and the punctuation of its own
/// labels. (The on-screen keyboards' letters come with the bundle, in keyboards.txt.)
std::set<char32_t> kiosk_characters();

/// Which characters each family of `fonts` must keep: those it is the first to have, plus the
/// spaces, digits and punctuation it has, so runs of its script are not split around them.
/// A family that is first for no character keeps nothing (empty set): the bundle leaves it out.
std::vector<std::set<char32_t>> plan_subsets(const FontSet& fonts, const std::set<char32_t>& characters);

/// Cuts a font down to the glyphs `characters` need, keeping the layout tables (joining,
/// ligatures, conjuncts, marks) that shaping them needs. Throws std::runtime_error on failure.
std::vector<unsigned char> subset_font(const std::vector<unsigned char>& font, unsigned index, const std::set<char32_t>& characters);

}  // namespace fonts
