#pragma once
// One font face loaded from bytes (a bundle's subset or a file): the HarfBuzz face that shapes
// and the FreeType face that rasterises, sharing the same bytes.
#include <memory>
#include <string>
#include <vector>

struct hb_font_t;
struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace fonts {

class Face {
public:
    /// Loads face `index` of a font file's bytes; throws std::runtime_error naming `name` when
    /// FreeType cannot read them.
    Face(FT_LibraryRec_* library, std::string name, std::vector<unsigned char> bytes, unsigned index = 0);
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    const std::string& name() const { return name_; }
    bool has(char32_t c) const;
    unsigned units_per_em() const { return upem_; }
    /// Shapes at units_per_em scale: positions come out in font units.
    hb_font_t* hb() const { return hb_font_; }
    FT_FaceRec_* ft() const { return ft_face_; }
    /// Line metrics in em (ascender positive, descender negative).
    float ascender() const { return ascender_; }
    float descender() const { return descender_; }

private:
    std::string name_;
    std::vector<unsigned char> bytes_;  // FreeType and HarfBuzz read from these in place
    FT_FaceRec_* ft_face_ = nullptr;
    hb_font_t* hb_font_ = nullptr;
    unsigned upem_ = 1000;
    float ascender_ = 0.8f, descender_ = -0.2f;
};

/// Reads a whole file; throws std::runtime_error with the path when it cannot.
std::vector<unsigned char> read_file_bytes(const std::string& path);

}  // namespace fonts
