#pragma once
// The opening_hours parser's view of the text: a position, what lies ahead (words, digits,
// times, dates) and errors that say where they are. The grammar is in opening_hours_parser.cpp,
// the words in opening_hours_words.hpp.
#include <cctype>
#include <string>
#include <string_view>

#include "content/hours/opening_hours.hpp"
#include "content/hours/opening_hours_words.hpp"

namespace content::hours_text {

inline constexpr const char* kHoursFix = "write hours as HH:MM-HH:MM, e.g. 09:00-17:00";

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
inline int column_of(std::string_view text, size_t offset) {
    int column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

class Cursor {
protected:
    explicit Cursor(std::string_view text) : text_(text) {}

    std::string_view text_;
    size_t pos_ = 0;
    size_t rule_start_ = 0;

    // ---- reading ----
    bool done() const { return pos_ >= text_.size(); }
    char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    char char_at(size_t at) const { return at < text_.size() ? text_[at] : '\0'; }
    void skip_spaces() {
        while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }
    size_t after_spaces(size_t at) const {
        while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) ++at;
        return at;
    }
    bool eat(std::string_view token) {
        if (text_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    std::string_view word_at(size_t at) const {
        size_t end = at;
        while (end < text_.size() && is_letter(text_[end])) ++end;
        return text_.substr(at, end - at);
    }
    size_t digits_at(size_t at) const {
        size_t end = at;
        while (end < text_.size() && is_digit(text_[end])) ++end;
        return end - at;
    }
    bool weekday_at(size_t at) const { return hours_words::weekday(word_at(at)) >= 0; }
    bool day_word_at(size_t at) const {
        const auto w = word_at(at);
        return weekday_at(at) || hours_words::same(w, "PH") || hours_words::same(w, "SH");
    }
    bool month_at(size_t at) const { return hours_words::month(word_at(at)) > 0; }
    bool time_at(size_t at) const {
        const size_t n = digits_at(at);
        return n >= 1 && n <= 2 && char_at(at + n) == ':' && is_digit(char_at(at + n + 1));
    }
    bool year_at(size_t at) const {
        const char next = char_at(at + 4);
        return digits_at(at) == 4 && next != ':';
    }
    bool day_number_at(size_t at) const {
        const size_t n = digits_at(at);
        return n >= 1 && n <= 2 && !time_at(at);
    }
    int number(size_t count) {
        int n = 0;
        for (size_t i = 0; i < count; ++i) n = n * 10 + (text_[pos_++] - '0');
        return n;
    }

    // ---- errors ----
    [[noreturn]] void fail(size_t at, std::string problem, std::string fix) const {
        throw OpeningHoursError(at, column_of(text_, at), std::move(problem), std::move(fix));
    }
    // `after "Mo-Fr "`: the rule read so far, or the text before it, to show where.
    std::string before(size_t at) const {
        size_t from = rule_start_ < at ? rule_start_ : 0;
        if (at == 0) return "at the start";
        if (at - from > 30) from = at - 30;
        while (from < at && (static_cast<unsigned char>(text_[from]) & 0xC0) == 0x80) ++from;
        return "after \"" + std::string(text_.substr(from, at - from)) + "\"";
    }
    // What is at `at` cannot go there: say what it is and what was meant.
    [[noreturn]] void unexpected(size_t at) const {
        if (at >= text_.size()) fail(at, "the text ends " + before(at), hours_words::kGeneralFix);
        const std::string_view w = word_at(at);
        if (w.empty()) {
            if (time_at(at))
                fail(at, "a time span follows another without a comma", "separate the spans of a day with a comma, e.g. 08:00-12:00,14:00-18:00");
            const auto lead = static_cast<unsigned char>(text_[at]);  // show the whole UTF-8 character
            const size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            fail(at, "unexpected \"" + std::string(text_.substr(at, length)) + "\" " + before(at), hours_words::kGeneralFix);
        }
        if (at > rule_start_ && (day_word_at(at) || month_at(at)))
            fail(at, "\"" + std::string(w) + "\" starts a new rule", "separate rules with ; e.g. Mo-Fr 09:00-17:00; Sa 09:00-12:00");
        // The whole word, accents included: "lunedì", not "luned".
        size_t end = at + w.size();
        while (end < text_.size() && (is_letter(text_[end]) || static_cast<unsigned char>(text_[end]) >= 0x80)) ++end;
        auto advice = hours_words::about_unknown(text_.substr(at, end - at));
        fail(at, std::move(advice.problem), std::move(advice.fix));
    }
};

}  // namespace content::hours_text
