#include "content/text/search_text.hpp"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "fonts/utf8.hpp"

namespace content {

namespace {

constexpr char32_t kZwnj = 0x200C;

// libunistring returns malloc'd buffers (or null when out of memory).
std::u32string take(uint32_t* buffer, size_t length) {
    if (!buffer) throw std::bad_alloc();
    std::unique_ptr<uint32_t, decltype(&std::free)> owned(buffer, &std::free);
    return std::u32string(buffer, buffer + length);
}

const uint32_t* units(const std::u32string& s) { return reinterpret_cast<const uint32_t*>(s.data()); }

std::u32string normalize(uninorm_t form, const std::u32string& s) {
    size_t length = 0;
    uint32_t* out = u32_normalize(form, units(s), s.size(), nullptr, &length);
    return take(out, length);
}

// Case folding, with the result decomposed again (NFKD) so the mark filter sees every mark.
std::u32string casefold(const std::u32string& s) {
    size_t length = 0;
    uint32_t* out = u32_casefold(units(s), s.size(), nullptr, UNINORM_NFKD, nullptr, &length);
    return take(out, length);
}

struct Scripts {
    const uc_script_t* inherited = uc_script_byname("Inherited");
    const uc_script_t* arabic = uc_script_byname("Arabic");
    const uc_script_t* cjk[4] = {uc_script_byname("Han"), uc_script_byname("Hiragana"), uc_script_byname("Katakana"),
                                 uc_script_byname("Hangul")};
};
const Scripts& scripts() {
    static const Scripts s;
    return s;
}

bool is_cjk(char32_t c) {
    const uc_script_t* script = uc_script(c);
    for (const uc_script_t* s : scripts().cjk)
        if (script == s) return true;
    return false;
}

// Marks a reader does not need to tell words apart: accents and harakat (script Inherited),
// and Arabic's own Quranic annotation marks. Japanese voicing marks (also Inherited) change the
// letter, so they stay.
bool is_droppable_mark(char32_t c) {
    if (!uc_is_general_category(c, UC_CATEGORY_M)) return false;
    if (c == 0x3099 || c == 0x309A) return false;
    const uc_script_t* script = uc_script(c);
    return script == scripts().inherited || (script == scripts().arabic && uc_is_general_category(c, UC_CATEGORY_Mn));
}

// One form per letter that Arabic, Persian and Urdu keyboards and writers spell differently.
char32_t unify_letter(char32_t c) {
    switch (c) {
    case 0x064A:  // ي Arabic yeh
    case 0x0649:  // ى alef maksura
        return 0x06CC;  // ی Farsi yeh
    case 0x0643:        // ك Arabic kaf
        return 0x06A9;  // ک keheh
    case 0x0629:  // ة teh marbuta
    case 0x06C1:  // ہ Urdu heh goal
    case 0x06C3:  // ۃ teh marbuta goal
    case 0x06D5:  // ە ae (what ۀ decomposes to)
        return 0x0647;  // ه heh
    case 0x0671:        // ٱ alef wasla
        return 0x0627;  // ا alef
    default:
        return c;
    }
}

// The per-character fold on decomposed, case-folded text: drops what does not tell words
// apart, unifies letters and digits, and turns everything that is not part of a word into a
// space. ZWNJ stays, for the word splitter.
std::u32string fold(const std::u32string& decomposed) {
    std::u32string out;
    out.reserve(decomposed.size());
    for (char32_t c : decomposed) {
        if (c == kZwnj) {
            out += c;
        } else if (c == 0x0640 || is_droppable_mark(c)) {
            continue;  // tatweel only stretches a word
        } else if (uc_is_general_category(c, UC_CATEGORY_Cf) && c != 0x200B) {
            continue;  // ZWJ, soft hyphen, bidi marks sit inside words without splitting them
        } else if (const int digit = uc_decimal_value(c); digit >= 0) {
            out += static_cast<char32_t>(U'0' + digit);
        } else if (uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_M) ||
                   uc_is_general_category(c, UC_CATEGORY_N) || uc_is_general_category(c, UC_CATEGORY_Co)) {
            out += unify_letter(c);
        } else {
            out += U' ';
        }
    }
    return out;
}

enum class TokenKind {
    Word,
    Cjk,         // one Han, Hiragana, Katakana or Hangul character
    ZwnjPart,    // a part of a word joined by ZWNJ
    ZwnjJoined,  // the same word without its ZWNJs
};

struct Token {
    std::u32string text;
    TokenKind kind;
};

// A run of non-CJK word characters, possibly joined by ZWNJ: its parts, then the joined form.
void add_word(const std::u32string& word, std::vector<Token>& out) {
    if (word.find(kZwnj) == std::u32string::npos) {
        if (!word.empty()) out.push_back({word, TokenKind::Word});
        return;
    }
    std::u32string part, joined;
    size_t parts = 0;
    auto end_part = [&] {
        if (part.empty()) return;
        out.push_back({part, TokenKind::ZwnjPart});
        joined += part;
        part.clear();
        ++parts;
    };
    for (char32_t c : word) {
        if (c == kZwnj) end_part();
        else part += c;
    }
    end_part();
    if (parts > 1) out.push_back({joined, TokenKind::ZwnjJoined});
    else if (parts == 1) out.back().kind = TokenKind::Word;  // a stray ZWNJ at either end
}

std::vector<Token> tokenize(std::string_view utf8) {
    const std::u32string text =
        normalize(UNINORM_NFC, fold(casefold(normalize(UNINORM_NFKD, fonts::decode_utf8(utf8)))));
    std::vector<Token> out;
    std::u32string word;
    for (char32_t c : text) {
        if (c == U' ' || is_cjk(c)) {
            add_word(word, out);
            word.clear();
            if (c != U' ') out.push_back({std::u32string(1, c), TokenKind::Cjk});
        } else {
            word += c;
        }
    }
    add_word(word, out);
    return out;
}

// FTS5 string syntax: double quotes, with a quote inside doubled.
std::string quoted(const std::u32string& token) {
    std::string out = "\"";
    for (char c : fonts::encode_utf8(token)) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

char32_t lower_case(char32_t c) { return static_cast<char32_t>(uc_tolower(static_cast<ucs4_t>(c))); }

std::string key_as_drawn(const std::string& key) {
    const std::u32string chars = fonts::decode_utf8(key);
    const bool mark = !chars.empty() && uc_is_general_category(static_cast<ucs4_t>(chars[0]), UC_CATEGORY_M);
    return mark ? "\u25CC" + key : key;
}

std::string search_key(std::string_view utf8) {
    std::string out;
    for (const auto& token : tokenize(utf8)) out += (out.empty() ? "" : " ") + fonts::encode_utf8(token.text);
    return out;
}

std::string match_expression(std::string_view user_query) {
    const auto tokens = tokenize(user_query);
    std::vector<std::string> terms;
    for (size_t i = 0; i < tokens.size();) {
        if (tokens[i].kind == TokenKind::Cjk) {
            // Consecutive characters as typed: a phrase, so 居留 does not match 留 ... 居.
            std::u32string phrase;
            for (; i < tokens.size() && tokens[i].kind == TokenKind::Cjk; ++i)
                phrase += (phrase.empty() ? U"" : U" ") + tokens[i].text;
            terms.push_back(quoted(phrase));
            continue;
        }
        // A ZWNJ word in a query is matched by its joined form alone: every indexed spelling
        // of it (joined, or with ZWNJ) carries that form.
        if (tokens[i].kind != TokenKind::ZwnjPart) terms.push_back(quoted(tokens[i].text) + "*");
        ++i;
    }
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " AND ") + t;
    return out;
}

}  // namespace content
