#pragma once
// Pinyin for searching Chinese: Chinese readers type a search as pinyin on a Latin keyboard, so
// the search index holds the pinyin of Chinese texts beside their characters. ICU's Han-Latin
// transliterator gives each character's reading; tones are dropped, as readers type them.
#include <string>
#include <string_view>

namespace content {

/// Search tokens of the pinyin of every run of Han characters in `utf8`, lower-case ASCII and
/// space-separated, for the search index: each character's syllable (居留 → ju liu), so a search
/// typed with spaces finds it, and the syllables joined from each character on, up to
/// kPinyinJoined of them (juliu liu), so one typed without spaces, or its beginning, does.
/// Empty when the text has no Han characters.
std::string pinyin_key(std::string_view utf8);

/// How many characters' syllables the joined tokens hold: a word or a short phrase.
inline constexpr size_t kPinyinJoined = 6;

}  // namespace content
