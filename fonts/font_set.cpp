#include "fonts/font_set.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

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

void FontSet::add(std::string name, float scale, std::vector<unsigned char> regular, std::vector<unsigned char> bold,
                  unsigned regular_index, unsigned bold_index) {
    auto family = std::make_unique<Family>();
    family->regular = std::make_unique<Face>(library_, name + " Regular", std::move(regular), regular_index);
    if (!bold.empty()) family->bold = std::make_unique<Face>(library_, name + " Bold", std::move(bold), bold_index);
    family->name = std::move(name);
    family->scale = scale;
    families_.push_back(std::move(family));
}

int FontSet::first_with(char32_t c) const {
    for (size_t i = 0; i < families_.size(); ++i)
        if (families_[i]->regular->has(c)) return static_cast<int>(i);
    return -1;
}

}  // namespace fonts
