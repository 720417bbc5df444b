#pragma once
// How a recording finds the text it reads: by the text's letters, marks and digits alone, so the
// words a screen draws ("**Red Nova**" drawn bold, a link's words, direction marks around a
// number) find the recording made of the same words in the source.
#include <string>
#include <string_view>

namespace content {

/// `text` (UTF-8) with only its letters, marks and digits kept, lower case.
std::string spoken_key(std::string_view text);

}  // namespace content
