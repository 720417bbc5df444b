#include "fonts/face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace fonts {

Face::Face(FT_LibraryRec_* library, std::string name, std::vector<unsigned char> bytes, unsigned index)
    : name_(std::move(name)), bytes_(std::move(bytes)) {
    if (FT_New_Memory_Face(library, bytes_.data(), static_cast<FT_Long>(bytes_.size()), static_cast<FT_Long>(index), &ft_face_) != 0)
        throw std::runtime_error(name_ + ": not a font FreeType can read");
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes_.data()), static_cast<unsigned>(bytes_.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, index);
    hb_blob_destroy(blob);
    hb_font_ = hb_font_create(face);
    hb_face_destroy(face);
    upem_ = hb_face_get_upem(hb_font_get_face(hb_font_));
    hb_font_set_scale(hb_font_, static_cast<int>(upem_), static_cast<int>(upem_));
    hb_position_t value = 0;
    if (hb_ot_metrics_get_position(hb_font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value))
        ascender_ = static_cast<float>(value) / static_cast<float>(upem_);
    if (hb_ot_metrics_get_position(hb_font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value))
        descender_ = static_cast<float>(value) / static_cast<float>(upem_);
}

Face::~Face() {
    if (hb_font_) hb_font_destroy(hb_font_);
    if (ft_face_) FT_Done_Face(ft_face_);
}

bool Face::has(char32_t c) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(hb_font_, c, &glyph) && glyph != 0;
}

std::vector<unsigned char> read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw std::runtime_error(path + ": cannot read");
    return bytes;
}

}  // namespace fonts
