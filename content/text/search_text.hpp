#pragma once
// Text normalisation for full-text search. Guides and places are indexed, and a visitor's
// query is matched, in one folded form, so that what a visitor types on a kiosk keyboard finds
// what a translator wrote: no accents or harakat, one form of Arabic/Persian letter variants,
// ASCII digits, folded case, and Chinese split into characters because it has no spaces.
#include <string>
#include <string_view>

namespace content {

/// The folded form of `utf8`: space-separated tokens of letters, marks and digits.
///  - decomposed (NFKD, so full-width letters and Arabic presentation forms fold too), and
///    combining marks of the Inherited script dropped (Latin, Greek and Cyrillic accents, Arabic
///    harakat and hamza above/below: é → e, ё → е, أ → ا, ؤ → و), while marks that belong to a
///    script (Bengali vowel signs and virama) stay, so those words stay whole;
///  - Arabic tatweel, zero-width joiners and soft hyphens removed;
///  - ي ى → ی, ك → ک, ة ہ → ه (Arabic, Persian and Urdu keyboards give different letters);
///  - every decimal digit (Arabic-Indic, Persian, Bengali...) → ASCII;
///  - case-folded, recomposed (NFC); anything but letters, marks and digits is a space;
///  - each Han, Hiragana, Katakana or Hangul character is a token of its own;
///  - a Persian word joined by ZWNJ (می‌توانید) gives its parts and the joined form
///    (می توانید میتوانید), so it is found typed either way.
std::string search_key(std::string_view utf8);

/// The lower-case form of one character (Unicode's simple mapping): search ignores case, so a
/// keyboard's keys are written in lower case.
char32_t lower_case(char32_t c);

/// What a key shows: its character, or for a combining mark (a Bengali vowel sign, the virama)
/// the mark on the dotted circle that shaping draws under a mark without a letter, ◌ু. Alone,
/// the mark would be a speck; the build keeps the circle in the fonts for it.
std::string key_as_drawn(const std::string& key);

/// An FTS5 MATCH expression for what a visitor typed: every token a quoted prefix query, all
/// ANDed; consecutive CJK characters a phrase. Empty when the query has no tokens. Nothing typed
/// can inject FTS5 syntax: tokens hold only letters, marks and digits, and are quoted.
std::string match_expression(std::string_view user_query);

}  // namespace content
