#pragma once
// Whether a text fits its fixed-size control (model/text_slots.hpp): shaped with the bundle's
// fonts as the kiosk shapes it, on one line at the normal text size.
#include <string>

#include "content/model/model.hpp"
#include "content/model/text_slots.hpp"
#include "content/text/diagnostics.hpp"
#include "fonts/font_set.hpp"

namespace content {

/// The one line's width of `text` in pixels at `size`, shaped as the kiosk shapes it.
float text_width(const fonts::FontSet& fonts, const std::string& text, const std::string& lang, bool rtl, bool bold, float size);

/// Reports each text, per language, that does not fit on one line in its slot.
void check_text_slots(const Content& content, const fonts::FontSet& fonts, Diagnostics& d);

}  // namespace content
