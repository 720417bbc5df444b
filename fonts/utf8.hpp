#pragma once
// UTF-8 to code points and back, for the text engine and everything that measures text.
#include <string>
#include <string_view>

namespace fonts {

/// Decodes UTF-8; invalid bytes become U+FFFD (content is validated at build time).
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

}  // namespace fonts
