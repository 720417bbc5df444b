#pragma once
// The words of opening_hours — day and month names, keywords — and what to tell someone who
// wrote another word: the parser's vocabulary, kept apart from its grammar.
#include <string>
#include <string_view>

namespace content::hours_words {

/// Case-insensitive: content managers write `mo-fr` too, and nothing else reads like it.
bool same(std::string_view a, std::string_view b);
/// 0 = Mo … 6 = Su; -1 when `word` is not a two-letter day.
int weekday(std::string_view word);
/// 1 = Jan … 12 = Dec; 0 when `word` is not a three-letter month.
int month(std::string_view word);
std::string_view month_name(int month);

/// What is wrong with a word that is no day, month or keyword here, and what to write instead:
/// Monday, January, sunrise, week, easter and the like are named; others get the general fix.
struct Advice {
    std::string problem;
    std::string fix;
};
Advice about_unknown(std::string_view word);

/// How a rule is written, for errors that have no better fix.
extern const char* const kGeneralFix;

}  // namespace content::hours_words
