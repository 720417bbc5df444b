#include "kiosk/shell/screen_reader.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "content/text/sentences.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"

namespace kiosk {

ReaderKey reader_key(SDL_Keycode key, bool rtl) {
    switch (key) {
        case SDLK_DOWN:
        case SDLK_KP_2:
        case SDLK_TAB: return ReaderKey::Next;
        case SDLK_UP:
        case SDLK_KP_8: return ReaderKey::Previous;
        case SDLK_RIGHT:
        case SDLK_KP_6: return rtl ? ReaderKey::Previous : ReaderKey::Next;
        case SDLK_LEFT:
        case SDLK_KP_4: return rtl ? ReaderKey::Next : ReaderKey::Previous;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_KP_5:
        case SDLK_SPACE: return ReaderKey::Activate;
        case SDLK_ESCAPE:
        case SDLK_BACKSPACE:
        case SDLK_AC_BACK: return ReaderKey::Back;
        case SDLK_F1:
        case SDLK_HELP:
        case SDLK_QUESTION:
        case SDLK_h: return ReaderKey::Help;
        case SDLK_KP_0:
        case SDLK_r: return ReaderKey::Repeat;
        case SDLK_VOLUMEUP:
        case SDLK_KP_PLUS:
        case SDLK_PLUS: return ReaderKey::Louder;
        case SDLK_VOLUMEDOWN:
        case SDLK_KP_MINUS:
        case SDLK_MINUS: return ReaderKey::Quieter;
        case SDLK_KP_MULTIPLY: return ReaderKey::Faster;
        case SDLK_KP_DIVIDE: return ReaderKey::Slower;
        default: return ReaderKey::None;
    }
}

namespace {

// The words to say, with the bundle's recording of them when it has one.
Utterance utterance(const std::string& drawn, const std::string& lang, int index, const App& app) {
    // A range in the language's own words; in a language without them, the dash stays.
    const content::Localized range = app.bundle().ui("speech.range", lang);
    const std::string variant = app.bundle().spoken_variant(lang, drawn);  // Arabic with its vowels
    Utterance u{spoken_text(variant.empty() ? drawn : variant, range.lang == lang ? range.text : "{from}\u2013{to}"), lang, index};
    if (auto recorded = app.bundle().recording(lang, drawn); !recorded.empty())
        u.recording = std::make_shared<const std::vector<unsigned char>>(std::move(recorded));
    return u;
}

bool is_digit(char32_t c);

// A text that is a number alone: a step's.
bool is_number(const std::string& text) {
    const std::u32string chars = fonts::decode_utf8(text);
    return !chars.empty() && chars.size() <= 3 && std::all_of(chars.begin(), chars.end(), is_digit);
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\n") == std::string::npos; }

bool whole_screen(const std::string& id) { return id == "attract:start" || id == "idle:continue" || id == "map:area"; }

// What a control is, said after its name.
content::Localized role(const std::string& id, const App& app) {
    const auto& b = app.bundle();
    if (id.starts_with("lang:")) return b.ui("speech.role.language", app.lang());
    if (id.starts_with("link:") || id.starts_with("inline:")) return b.ui("speech.role.link", app.lang());
    return b.ui("speech.role.button", app.lang());
}

}  // namespace

std::vector<ReadingItem> reading_items(const DrawnText& drawn) {
    std::vector<ReadingItem> items;
    int texts = 0;
    for (const int entry : drawn.order) {
        if (entry < 0) {
            const int control = -1 - entry;
            if (!whole_screen(drawn.controls[static_cast<size_t>(control)].id))
                items.push_back({drawn.controls[static_cast<size_t>(control)].id, control, -1, -1});
        } else if (drawn.label_of[static_cast<size_t>(entry)] < 0 && drawn.block_in_page[static_cast<size_t>(entry)]) {
            // A step's number and its text are one item: "2. Say which language you speak."
            if (!items.empty() && items.back().block >= 0 && items.back().then < 0 &&
                is_number(drawn.blocks[static_cast<size_t>(items.back().block)])) {
                items.back().then = entry;
                continue;
            }
            items.push_back({"text:" + std::to_string(texts++), -1, entry, -1});
        }
    }
    return items;
}

namespace {

// A digit's value in the scripts the kiosk's languages write numbers in: ASCII, Arabic-Indic,
// Persian, Devanagari and Bengali; -1 for anything else.
int digit_value(char32_t c) {
    for (const char32_t zero : {U'0', U'\u0660', U'\u06F0', U'\u0966', U'\u09E6'})
        if (c >= zero && c <= zero + 9) return static_cast<int>(c - zero);
    return -1;
}

bool is_digit(char32_t c) { return digit_value(c) >= 0; }

bool ends_token(char32_t c) { return c == U' ' || c == U',' || c == U';' || c == U':' || c == U'.' || c == U')' || c == U'\u060C'; }

// The digits of a phone number in their groups when `text` has one at `i` (an optional +, groups
// split by single spaces or dashes, six digits or more in all, at least two groups, not inside a
// time or a decimal); `end` is set past it.
std::optional<std::u32string> phone_at(const std::u32string& text, size_t i, size_t& end) {
    const bool plus = text[i] == U'+';
    if (!(is_digit(text[i]) || (plus && i + 1 < text.size() && is_digit(text[i + 1])))) return std::nullopt;
    if (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == U':' || text[i - 1] == U'.')) return std::nullopt;
    std::vector<std::u32string> groups;
    size_t j = plus ? i + 1 : i, digits = 0;
    while (j < text.size() && is_digit(text[j])) {
        std::u32string group;
        while (j < text.size() && is_digit(text[j])) group += text[j++];
        digits += group.size();
        groups.push_back(group);
        if (j + 1 < text.size() && (text[j] == U' ' || text[j] == U'-') && is_digit(text[j + 1])) ++j;
        else break;
    }
    const bool then_number = j + 1 < text.size() && (text[j] == U':' || text[j] == U'.' || text[j] == U'/') && is_digit(text[j + 1]);
    if (groups.size() < 2 || digits < 6 || then_number) return std::nullopt;
    std::u32string said = plus ? U"+ " : U"";
    for (size_t g = 0; g < groups.size(); ++g) {
        if (g > 0) said += U", ";
        for (size_t d = 0; d < groups[g].size(); ++d) (said += d > 0 ? U" " : U"") += groups[g][d];
    }
    end = j;
    return said;
}

// "Monday–Friday" and "9–17" with the range in words: `range` is "{from} to {to}".
std::u32string ranges_in_words(const std::u32string& text, const std::u32string& range) {
    std::u32string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const bool dash = text[i] == U'\u2013' && !out.empty() && out.back() != U' ' && i + 1 < text.size() && !ends_token(text[i + 1]);
        if (!dash) {
            out += text[i];
            continue;
        }
        const size_t left_start = out.find_last_of(U" ,;:(") == std::u32string::npos ? 0 : out.find_last_of(U" ,;:(") + 1;
        const std::u32string left = out.substr(left_start);
        out.erase(left_start);
        size_t end = i + 1;
        while (end < text.size() && !ends_token(text[end])) ++end;
        std::u32string said = range;
        if (const auto at = said.find(U"{from}"); at != std::u32string::npos) said.replace(at, 6, left);
        if (const auto at = said.find(U"{to}"); at != std::u32string::npos) said.replace(at, 4, text.substr(i + 1, end - i - 1));
        out += said;
        i = end - 1;
    }
    return out;
}

}  // namespace

std::string spoken_text(const std::string& text, const std::string& range) {
    const std::u32string in = fonts::decode_utf8(text);
    std::u32string out;
    for (size_t i = 0; i < in.size();) {
        const char32_t c = in[i];
        if ((c >= U'\u2066' && c <= U'\u2069') || c == U'\u200E' || c == U'\u200F') {  // isolates and marks
            ++i;
            continue;
        }
        // A time on the hour is said as its hour: "9:00" and "09:00" as "9", so a voice says "from
        // 9 to 17", not "nine hundred" or "zero nine zero zero".
        if (is_digit(c) && (i == 0 || !is_digit(in[i - 1]))) {
            size_t j = i;
            while (j < in.size() && is_digit(in[j])) ++j;
            if (j - i <= 2 && j + 2 < in.size() && in[j] == U':' && digit_value(in[j + 1]) == 0 && digit_value(in[j + 2]) == 0 &&
                (j + 3 >= in.size() || !is_digit(in[j + 3]))) {
                const size_t from = j - i == 2 && digit_value(in[i]) == 0 ? i + 1 : i;
                out.append(in, from, j - from);
                i = j + 3;
                continue;
            }
        }
        size_t end = 0;
        if (const auto phone = phone_at(in, i, end)) {
            out += *phone;
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return fonts::encode_utf8(ranges_in_words(out, fonts::decode_utf8(range)));
}

std::vector<Utterance> speak_item(const DrawnText& drawn, const ReadingItem& item, const App& app, int index) {
    if (item.block >= 0) {
        const auto b = static_cast<size_t>(item.block);
        const std::string& lang = drawn.langs[b].empty() ? app.lang() : drawn.langs[b];
        const auto words = [&](size_t block) -> const std::string& { return drawn.said[block].empty() ? drawn.blocks[block] : drawn.said[block]; };
        Utterance u = utterance(item.then < 0 ? words(b) : words(b) + ". " + words(static_cast<size_t>(item.then)), lang, index, app);
        if (item.then >= 0 && !u.recording) {  // the step's text alone may be recorded
            Utterance step = utterance(words(static_cast<size_t>(item.then)), lang, index, app);
            if (step.recording) return {utterance(words(b), lang, index, app), std::move(step)};
        }
        if (blank(u.text)) return {};
        if (item.then >= 0 || u.recording || !drawn.said[b].empty() || !app.bundle().spoken_variant(lang, drawn.blocks[b]).empty())
            return {std::move(u)};
        // A paragraph is said a sentence at a time, so the sentence being heard can be highlighted;
        // one recorded or given a spoken variant as a whole is said whole.
        const std::u32string chars = fonts::decode_utf8(drawn.blocks[b]);
        std::vector<Utterance> said;
        for (const auto& [from, to] : content::sentences(chars, lang)) {
            Utterance sentence = utterance(fonts::encode_utf8(chars.substr(from, to - from)), lang, index, app);
            if (blank(sentence.text)) continue;
            sentence.from = static_cast<int>(from);
            sentence.to = static_cast<int>(to);
            said.push_back(std::move(sentence));
        }
        return said;
    }
    const DrawnControl& c = drawn.controls[static_cast<size_t>(item.control)];
    const content::Localized what = role(c.id, app);
    const std::string lang = c.lang.empty() ? app.lang() : c.lang;
    Utterance name = utterance(c.label, lang, index, app);
    if (lang == what.lang && !name.recording) {
        name.text += ", " + what.text;
        return {std::move(name)};
    }
    // A language's name in its own voice (or a recording of it), then what it is in the visitor's.
    return {std::move(name), utterance(what.text, what.lang, index, app)};
}

std::vector<Utterance> speak_page(const DrawnText& drawn, const content::Localized& title, const App& app, size_t from) {
    std::vector<Utterance> said;
    if (from == 0 && !title.text.empty()) said.push_back(utterance(title.text, title.lang.empty() ? app.lang() : title.lang, -1, app));
    const auto items = reading_items(drawn);
    bool first = from == 0;
    for (size_t i = from; i < items.size(); ++i) {
        const bool in_page = items[i].block >= 0 ? drawn.block_in_page[static_cast<size_t>(items[i].block)]
                                                 : drawn.controls[static_cast<size_t>(items[i].control)].in_page;
        if (!in_page) continue;
        // A page that begins with its title (a place's name) does not say it twice.
        const bool repeats_title = first && items[i].block >= 0 && drawn.blocks[static_cast<size_t>(items[i].block)] == title.text;
        first = false;
        if (repeats_title) continue;
        for (auto& u : speak_item(drawn, items[i], app, static_cast<int>(i))) said.push_back(std::move(u));
    }
    return said;
}

}  // namespace kiosk
