#include "kiosk/shell/screen_reader.hpp"

#include <algorithm>
#include <memory>

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
    Utterance u{spoken_text(drawn), lang, index};
    if (auto recorded = app.bundle().recording(lang, drawn); !recorded.empty())
        u.recording = std::make_shared<const std::vector<unsigned char>>(std::move(recorded));
    return u;
}

bool whole_screen(const std::string& id) { return id == "attract:start" || id == "idle:continue" || id == "map:area"; }

// What a control is, said after its name.
content::Localized role(const std::string& id, const App& app) {
    const auto& b = app.bundle();
    if (id.starts_with("lang:")) return b.ui("speech.role.language", app.lang());
    if (id.starts_with("link:") || id.starts_with("inline:")) return b.ui("speech.role.link", app.lang());
    return b.ui("speech.role.button", app.lang());
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<ReadingItem> reading_items(const DrawnText& drawn) {
    std::vector<ReadingItem> items;
    int texts = 0;
    for (const int entry : drawn.order) {
        if (entry < 0) {
            const int control = -1 - entry;
            if (!whole_screen(drawn.controls[static_cast<size_t>(control)].id))
                items.push_back({drawn.controls[static_cast<size_t>(control)].id, control, -1});
        } else if (drawn.label_of[static_cast<size_t>(entry)] < 0 && drawn.block_in_page[static_cast<size_t>(entry)]) {
            items.push_back({"text:" + std::to_string(texts++), -1, entry});
        }
    }
    return items;
}

std::string spoken_text(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        // U+2066..U+2069 (isolates) and U+200E/U+200F (marks): E2 81 A6..A9, E2 80 8E/8F.
        if (text.compare(i, 2, "\xE2\x81") == 0 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 2]) >= 0xA6 &&
            static_cast<unsigned char>(text[i + 2]) <= 0xA9) {
            i += 3;
            continue;
        }
        if (text.compare(i, 3, "\xE2\x80\x8E") == 0 || text.compare(i, 3, "\xE2\x80\x8F") == 0) {
            i += 3;
            continue;
        }
        // A time on the hour is said as its hour: "9:00" and "09:00" as "9", so a voice says "from
        // 9 to 17", not "nine hundred" or "zero nine zero zero".
        if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
            size_t j = i;
            while (j < text.size() && is_digit(text[j])) ++j;
            if (j - i <= 2 && text.compare(j, 3, ":00") == 0 && (j + 3 >= text.size() || !is_digit(text[j + 3]))) {
                const std::string hour = text.substr(i, j - i);
                out += hour.size() == 2 && hour[0] == '0' ? hour.substr(1) : hour;
                i = j + 3;
                continue;
            }
        }
        // A phone number: an optional +, then groups of digits split by single spaces or dashes,
        // six digits or more in all, at least two groups, not inside a word or a time (9:00).
        if ((is_digit(text[i]) || (text[i] == '+' && i + 1 < text.size() && is_digit(text[i + 1]))) &&
            (i == 0 || (!is_digit(text[i - 1]) && text[i - 1] != ':' && text[i - 1] != '.'))) {
            std::vector<std::string> groups;
            size_t j = text[i] == '+' ? i + 1 : i;
            size_t digits = 0;
            while (j < text.size() && is_digit(text[j])) {
                std::string group;
                while (j < text.size() && is_digit(text[j])) group += text[j++];
                digits += group.size();
                groups.push_back(group);
                if (j + 1 < text.size() && (text[j] == ' ' || text[j] == '-') && is_digit(text[j + 1])) ++j;
                else break;
            }
            const bool follows_well = j >= text.size() || (text[j] != ':' && text[j] != '.' && text[j] != '/') ||
                                      (text[j] == '.' && (j + 1 >= text.size() || !is_digit(text[j + 1])));
            if (groups.size() >= 2 && digits >= 6 && follows_well) {
                if (text[i] == '+') out += "+ ";
                for (size_t g = 0; g < groups.size(); ++g) {
                    if (g > 0) out += ", ";
                    for (size_t d = 0; d < groups[g].size(); ++d) out += (d > 0 ? " " : "") + std::string(1, groups[g][d]);
                }
                i = j;
                continue;
            }
            while (i < j) out += text[i++];  // an ordinary number, as it is
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::vector<Utterance> speak_item(const DrawnText& drawn, const ReadingItem& item, const App& app, int index) {
    if (item.block >= 0) {
        const auto b = static_cast<size_t>(item.block);
        Utterance u = utterance(drawn.blocks[b], drawn.langs[b].empty() ? app.lang() : drawn.langs[b], index, app);
        if (u.text.find_first_not_of(" \t\n") == std::string::npos) return {};
        return {std::move(u)};
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
    for (size_t i = from; i < items.size(); ++i) {
        const bool in_page = items[i].block >= 0 ? drawn.block_in_page[static_cast<size_t>(items[i].block)]
                                                 : drawn.controls[static_cast<size_t>(items[i].control)].in_page;
        if (!in_page) continue;
        for (auto& u : speak_item(drawn, items[i], app, static_cast<int>(i))) said.push_back(std::move(u));
    }
    return said;
}

}  // namespace kiosk
