#include "content/model/bundle_fonts.hpp"

#include <memory>

#include "fonts/font_set.hpp"

namespace content {

// The bundle's fonts: a family's regular file, then its bold one, in fallback order.
std::unique_ptr<fonts::FontSet> load_bundle_fonts(const Bundle& bundle) {
    auto set = std::make_unique<fonts::FontSet>();
    auto files = bundle.fonts();
    for (size_t i = 0; i < files.size(); ++i) {
        if (files[i].style != "regular") continue;
        std::vector<unsigned char> bold;
        if (i + 1 < files.size() && files[i + 1].family == files[i].family && files[i + 1].style == "bold") bold = std::move(files[i + 1].data);
        set->add({files[i].family, static_cast<float>(files[i].scale), static_cast<float>(files[i].line_height), files[i].languages},
                 std::move(files[i].data), std::move(bold));
    }
    return set;
}

}  // namespace content
