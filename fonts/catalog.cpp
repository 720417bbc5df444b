#include "fonts/catalog.hpp"

#include <algorithm>
#include <stdexcept>

#include "fonts/font_set.hpp"

#include "fonts/utf8.hpp"

namespace fonts {

std::vector<CatalogFamily> noto_catalog() {
    const std::filesystem::path tt = "truetype/noto", ot = "opentype/noto";
    return {
        {"Noto Sans", 1.0f, tt / "NotoSans-Regular.ttf", tt / "NotoSans-Bold.ttf"},
        // Urdu readers learn from Nastaliq, in books, papers and signs. Near Naskh's scale its
        // letters read the same size; its words climb from right to left and hang low, so its
        // lines are taller, by as much as still keeps an Urdu home or category page on one screen.
        {.name = "Noto Nastaliq Urdu", .scale = 1.1f, .regular = tt / "NotoNastaliqUrdu-Regular.ttf",
         .bold = tt / "NotoNastaliqUrdu-Bold.ttf", .line_height = 1.3f, .languages = {"ur"}},
        // Naskh rather than the Sans Arabic: it is the style Arabic and Persian readers learn
        // from books and signs.
        {"Noto Naskh Arabic", 1.15f, tt / "NotoNaskhArabic-Regular.ttf", tt / "NotoNaskhArabic-Bold.ttf"},
        {"Noto Sans Ethiopic", 1.05f, tt / "NotoSansEthiopic-Regular.ttf", tt / "NotoSansEthiopic-Bold.ttf"},
        {"Noto Sans Bengali", 1.1f, tt / "NotoSansBengali-Regular.ttf", tt / "NotoSansBengali-Bold.ttf"},
        // Face 2 of the collections is Simplified Chinese.
        {"Noto Sans CJK SC", 1.0f, ot / "NotoSansCJK-Regular.ttc", ot / "NotoSansCJK-Bold.ttc", 2, 2},
    };
}

std::unique_ptr<FontSet> load_catalog(const std::filesystem::path& root, bool with_bold, std::vector<std::string>& problems) {
    auto set = std::make_unique<FontSet>();
    for (const auto& f : noto_catalog()) {
        try {
            set->add({f.name, f.scale, f.line_height, f.languages}, read_file_bytes((root / f.regular).string()),
                     with_bold ? read_file_bytes((root / f.bold).string()) : std::vector<unsigned char>{}, f.regular_index, f.bold_index);
        } catch (const std::exception& e) {
            problems.push_back(e.what());
        }
    }
    return set;
}

}  // namespace fonts
