#include "content/build/source_keyboards.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "content/text/diagnostics.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/search_text.hpp"
#include "content/text/source_file.hpp"
#include "content/text/text_files.hpp"
#include "fonts/utf8.hpp"

namespace content {

namespace {

constexpr const char* kFile = "keyboards.txt";

class KeyboardLoader {
public:
    KeyboardLoader(Content& c, Diagnostics& d) : c_(c), d_(d) {}

    void load(const KeyValueBlock& block) {
        if (block.entries.empty()) return;  // only malformed lines, already reported
        Keyboard k;
        const KeyValue *id = nullptr, *label = nullptr, *languages = nullptr;
        std::vector<const KeyValue*> rows, forms;
        // The id first, so every other message can name the layout.
        for (const auto& line : block.entries)
            if (line.key == "id" && !id) id = &line;
        const std::string item = id ? "keyboard " + in_quotes(id->value) : "keyboard";
        for (const auto& line : block.entries) {
            const KeyValue** single = line.key == "id" ? &id : line.key == "label" ? &label : line.key == "languages" ? &languages : nullptr;
            if (line.key == "row" || line.key == "forms") {
                (line.key == "row" ? rows : forms).push_back(&line);
            } else if (!single) {
                d_.error(kFile, line.line, item, "unknown key " + in_quotes(line.key), "use id, label, languages, row or forms");
            } else if (*single && *single != &line) {
                d_.error(kFile, line.line, item, in_quotes(line.key) + " is given twice in one layout",
                         "separate layouts with a blank line, or keep one " + line.key + " line per layout");
            } else {
                *single = &line;
            }
        }
        if (!id) d_.error(kFile, block.first_line, item, "the layout has no id", "add a line like: id = latin");
        if (!label) d_.error(kFile, block.first_line, item, "the layout has no label", "add the text of the key that switches to it, e.g. label = ABC");
        if (rows.empty()) d_.error(kFile, block.first_line, item, "the layout has no keys", "add one line per row of keys, e.g. row = q w e r t y");
        if (id) {
            k.id = id->value;
            if (!valid_id(k.id))
                d_.error(kFile, id->line, item, "the id may only use a-z, 0-9 and -", "rename it, e.g. id = latin");
            else if (!ids_.insert(k.id).second)
                d_.error(kFile, id->line, item, "duplicate id: an earlier layout already uses it", "give each layout its own id");
        }
        if (label) {
            k.label = label->value;
            if (k.label.empty()) d_.error(kFile, label->line, item, "the label is empty", "write the text of the key that switches to it, e.g. label = ABC");
        }
        if (languages) check_languages(*languages, item, k);
        for (const KeyValue* row : rows) k.rows.push_back(check_keys(*row, item));
        for (const KeyValue* line : forms) check_forms(*line, item, k);
        c_.keyboards.push_back(std::move(k));
    }

private:
    void check_languages(const KeyValue& line, const std::string& item, Keyboard& k) {
        for (const auto& code : split_words(line.value)) {
            if (std::none_of(c_.languages.begin(), c_.languages.end(), [&](const Language& l) { return l.code == code; })) {
                d_.error(kFile, line.line, item, "language " + in_quotes(code) + " is not in languages.csv",
                         "list codes from languages.csv, e.g. languages = it en fr");
                continue;
            }
            if (auto [it, added] = owner_.emplace(code, k.id); !added) {
                d_.error(kFile, line.line, item, "language " + in_quotes(code) + " already has the layout " + in_quotes(it->second),
                         "list each language in one layout only");
                continue;
            }
            k.languages.push_back(code);
        }
    }

    std::vector<std::string> check_keys(const KeyValue& line, const std::string& item) {
        const auto keys = split_words(line.value);
        if (keys.empty() && line.key == "row")
            d_.error(kFile, line.line, item, "the row has no keys", "write the keys separated by spaces, or delete the line");
        for (const auto& key : keys) {
            const std::u32string chars = fonts::decode_utf8(key);
            if (chars.size() != 1)
                d_.error(kFile, line.line, item, "key " + in_quotes(key) + " is more than one character",
                         "separate keys with spaces; each key is one character, e.g. row = q w e r t y");
            else if (lower_case(chars[0]) != chars[0])
                d_.error(kFile, line.line, item, "key " + in_quotes(key) + " is upper case",
                         "write it in lower case, " + in_quotes(fonts::encode_utf8(std::u32string(1, lower_case(chars[0])))) +
                             ": search ignores case");
        }
        return keys;
    }

    // A forms line: a key of the layout's rows, then what tapping it offers in its place.
    void check_forms(const KeyValue& line, const std::string& item, Keyboard& k) {
        auto keys = check_keys(line, item);
        if (keys.size() < 2) {
            d_.error(kFile, line.line, item, "a forms line needs a key and the forms it offers",
                     "write the key, then its forms, separated by spaces, e.g. forms = ለ ሉ ሊ ላ ሌ ል ሎ");
            return;
        }
        const std::string& key = keys.front();
        const auto in_row = [&](const std::vector<std::string>& row) { return std::find(row.begin(), row.end(), key) != row.end(); };
        if (std::none_of(k.rows.begin(), k.rows.end(), in_row)) {
            d_.error(kFile, line.line, item, "the forms of " + in_quotes(key) + " are for a key that no row of the layout has",
                     "start the line with a key of a row, or add " + in_quotes(key) + " to a row");
            return;
        }
        if (std::any_of(k.forms.begin(), k.forms.end(), [&](const auto& f) { return f.front() == key; })) {
            d_.error(kFile, line.line, item, "key " + in_quotes(key) + " has its forms given twice", "keep one forms line per key");
            return;
        }
        k.forms.push_back(std::move(keys));
    }

    Content& c_;
    Diagnostics& d_;
    std::set<std::string> ids_;
    std::map<std::string, std::string> owner_;  // language code -> layout id
};

}  // namespace

void load_keyboards(const std::filesystem::path& source, Content& c, Diagnostics& d) {
    if (!anything_at(source / kFile)) return;  // allowed: the kiosk offers no search keyboard
    auto text = read_source_file(source / kFile, kFile, d, {"", "the file cannot be read", "check that it is a readable file"});
    if (!text) return;
    KeyboardLoader loader(c, d);
    const auto parsed = parse_key_value_blocks(*text);
    for (const int line : parsed.malformed_lines)
        d.error(kFile, line, "", "this line is not `key = value`", "write it as key = value, or start it with # to make it a comment");
    for (const auto& block : parsed.blocks) loader.load(block);
}

void check_keyboard_scripts(const Content& c, Diagnostics& d) {
    if (c.keyboards.empty()) return;
    const Keyboard& first = c.keyboards.front();
    std::set<char32_t> keys;  // folded, as search compares them
    for (const auto& row : first.rows)
        for (const auto& key : row)
            for (const char32_t ch : fonts::decode_utf8(search_key(key))) keys.insert(ch);
    for (const auto& lang : c.languages) {
        const bool listed = std::any_of(c.keyboards.begin(), c.keyboards.end(), [&](const Keyboard& k) {
            return std::find(k.languages.begin(), k.languages.end(), lang.code) != k.languages.end();
        });
        if (listed) continue;
        // Its letters, in the folded form a visitor's typing is compared in.
        std::string sample = lang.native_name;
        if (const auto texts = c.texts.find(lang.code); texts != c.texts.end())
            for (const auto& [key, text] : texts->second.strings) sample += " " + text;
        size_t letters = 0;
        std::set<char32_t> missing;
        for (const char32_t ch : fonts::decode_utf8(search_key(sample))) {
            if (ch == U' ' || (ch >= U'0' && ch <= U'9')) continue;
            ++letters;
            if (!keys.contains(ch)) missing.insert(ch);
        }
        size_t untypeable = 0;
        for (const char32_t ch : fonts::decode_utf8(search_key(sample)))
            untypeable += missing.contains(ch);
        if (letters == 0 || untypeable * 2 < letters) continue;  // mostly typeable: a few foreign names are fine
        std::string shown;
        for (const char32_t ch : missing) {
            if (shown.size() > 40) {
                shown += " …";
                break;
            }
            shown += (shown.empty() ? "" : " ") + fonts::encode_utf8(std::u32string(1, ch));
        }
        const auto line = c.source_lines.find({"languages.csv", lang.code});
        d.error("languages.csv", line == c.source_lines.end() ? 0 : line->second, "language " + in_quotes(lang.code),
                "no layout of keyboards.txt lists it, and the first one (" + in_quotes(first.id) + ") has no keys for its letters " + shown +
                    ": a visitor could not type a search",
                "add " + lang.code + " to the languages of the layout for its script in keyboards.txt, or add a layout for it");
    }
}

}  // namespace content
