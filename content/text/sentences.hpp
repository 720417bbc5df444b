#pragma once
// Where a paragraph's sentences begin and end, by the language's rules (ICU's sentence breaks,
// UAX #29): what is read aloud is highlighted a sentence at a time, so a visitor who follows the
// words with the eye sees where the voice is.
#include <string_view>
#include <utility>
#include <vector>

namespace content {

/// The sentences of `text` in order, as [begin, end) character offsets that together cover all
/// of it; one for a text without a sentence break. `lang` is a bundle language code.
std::vector<std::pair<size_t, size_t>> sentences(std::u32string_view text, std::string_view lang);

}  // namespace content
