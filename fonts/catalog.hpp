#pragma once
// The Noto families a bundle's fonts are cut from, in fallback order, as Debian installs them
// (fonts-noto-core, fonts-noto-cjk). Latin, Greek and Cyrillic come first, so digits and
// punctuation look the same in every language. A family kept for some languages comes before
// the one the others use for its script.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fonts {

struct CatalogFamily {
    std::string name;
    float scale;  // drawn this much larger than the em size, so the scripts look the same size
    std::filesystem::path regular, bold;  // relative to the font root, e.g. /usr/share/fonts
    unsigned regular_index = 0, bold_index = 0;  // face inside a collection (.ttc)
    float line_height = 1;  // lines holding it are this many times the usual height
    std::vector<std::string> languages = {};  // only text in these is set in it; empty: any text
};

std::vector<CatalogFamily> noto_catalog();

class FontSet;

/// The catalog's families read whole from under `root` (bold faces too when `with_bold`).
/// Families whose files cannot be read are left out and named in `problems`.
std::unique_ptr<FontSet> load_catalog(const std::filesystem::path& root, bool with_bold, std::vector<std::string>& problems);

}  // namespace fonts
