#include "fonts/font_set.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace fonts {

FontSet::FontSet() {
    static std::atomic<uint64_t> next_id{1};
    id_ = next_id++;
    if (FT_Init_FreeType(&library_) != 0) throw std::runtime_error("FreeType did not start");
}

FontSet::~FontSet() {
    families_.clear();  // faces first: they belong to the library
    FT_Done_FreeType(library_);
}

bool FamilyStyle::serves(std::string_view lang) const {
    return languages.empty() || std::find(languages.begin(), languages.end(), lang) != languages.end();
}

void FontSet::add(FamilyStyle style, std::vector<unsigned char> regular, std::vector<unsigned char> bold,
                  unsigned regular_index, unsigned bold_index) {
    auto family = std::make_unique<Family>();
    family->regular = std::make_unique<Face>(library_, style.name + " Regular", std::move(regular), regular_index);
    if (!bold.empty()) family->bold = std::make_unique<Face>(library_, style.name + " Bold", std::move(bold), bold_index);
    static_cast<FamilyStyle&>(*family) = std::move(style);
    families_.push_back(std::move(family));
}

int FontSet::first_with(char32_t c, std::string_view lang) const {
    for (size_t i = 0; i < families_.size(); ++i)
        if (families_[i]->serves(lang) && families_[i]->regular->has(c)) return static_cast<int>(i);
    return -1;
}

}  // namespace fonts
