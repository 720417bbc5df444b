#pragma once
// Cutting the catalog's fonts down to the characters a bundle draws (HarfBuzz's subsetter), at
// `kiosk-bundle build` time: apart from catalog.hpp so the kiosk, which only loads the cut
// fonts, does not link libharfbuzz-subset.
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fonts {

class FontSet;

/// Characters the kiosk draws itself whatever the content: ASCII and the punctuation of its own
/// labels. (The on-screen keyboards' letters come with the bundle, in keyboards.txt.)
std::set<char32_t> kiosk_characters();

/// Which characters each family of `fonts` must keep, given the characters of each language's
/// text (key "": text of no one language): those it is the first to have for that language
/// (FontSet::first_with), plus the spaces, digits and punctuation it has, so runs of its script
/// are not split around them. A family that is first for no character keeps nothing (empty
/// set): the bundle leaves it out.
std::vector<std::set<char32_t>> plan_subsets(const FontSet& fonts, const std::map<std::string, std::set<char32_t>>& by_language);

/// Cuts a font down to the glyphs `characters` need, keeping the layout tables (joining,
/// ligatures, conjuncts, marks) that shaping them needs. Throws std::runtime_error on failure.
std::vector<unsigned char> subset_font(const std::vector<unsigned char>& font, unsigned index, const std::set<char32_t>& characters);

}  // namespace fonts
