#pragma once
// The fonts a bundle carries (cut down by `kiosk-bundle build`, build/font_check.hpp), loaded
// for shaping: the kiosk learns a new script from a content update alone.
#include <memory>

#include "content/model/bundle.hpp"
#include "fonts/font_set.hpp"

namespace content {

/// The fonts a bundle carries, ready to shape with. Throws std::runtime_error when one cannot be read.
std::unique_ptr<fonts::FontSet> load_bundle_fonts(const Bundle& bundle);

}  // namespace content
