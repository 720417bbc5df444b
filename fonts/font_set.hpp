#pragma once
// The fonts a screen draws with, in fallback order: each character goes to the first family
// that has a glyph for it, except that spaces, digits and punctuation stay in the family of the
// text around them when it has them, so a sentence is not split into needless runs. A family
// may be kept for some languages (Nastaliq for Urdu): text in others passes it by.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts/face.hpp"

namespace fonts {

/// What a family is used for and how it is drawn, apart from its faces.
struct FamilyStyle {
    std::string name;
    float scale = 1;  // scripts whose letters look small at the same em size are drawn larger
    float line_height = 1;  // lines holding it are this many times the usual height: Nastaliq climbs steeply
    std::vector<std::string> languages;  // only text in these uses it; empty: text in any language

    bool serves(std::string_view lang) const;
};

struct Family : FamilyStyle {
    std::unique_ptr<Face> regular, bold;  // bold may be null: the regular face is used

    const Face& face(bool want_bold) const { return want_bold && bold ? *bold : *regular; }
};

class FontSet {
public:
    FontSet();
    ~FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    /// Adds a family after those already added. Throws std::runtime_error when a face cannot be read.
    void add(FamilyStyle style, std::vector<unsigned char> regular, std::vector<unsigned char> bold = {},
             unsigned regular_index = 0, unsigned bold_index = 0);

    size_t size() const { return families_.size(); }
    /// Unique for each set ever made: shaping kept from an older set is known stale even when a
    /// new set happens to reuse its address.
    uint64_t id() const { return id_; }
    const Family& family(size_t i) const { return *families_[i]; }
    /// The first family serving `lang` with a glyph for `c`, or -1. Text of no one language
    /// (`lang` empty: names, addresses) passes by the families kept for some languages.
    int first_with(char32_t c, std::string_view lang = {}) const;

private:
    struct FT_LibraryRec_* library_ = nullptr;
    uint64_t id_;
    std::vector<std::unique_ptr<Family>> families_;
};

}  // namespace fonts
