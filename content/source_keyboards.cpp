#include "source_keyboards.hpp"

#include <unicase.h>

#include <algorithm>
#include <map>
#include <set>

#include "text_files.hpp"
#include "utf8.hpp"

namespace content {

namespace {

constexpr const char* kFile = "keyboards.txt";

std::string q(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

struct Line {
    int number = 0;
    std::string key, value;
};

// One layout: the `key = value` lines between blank lines.
struct Block {
    int first_line = 0;
    std::vector<Line> lines;
};

// Splits the file at blank lines; comment lines neither end a layout nor belong to one.
std::vector<Block> read_blocks(std::string_view text, Diagnostics& d) {
    std::vector<Block> blocks;
    bool in_block = false;
    for_each_line(text, [&](int number, const std::string& line) {
        if (line.empty()) {
            in_block = false;
            return;
        }
        if (line[0] == '#') return;
        if (!in_block) blocks.push_back({number, {}});
        in_block = true;
        const auto eq = line.find('=');
        if (eq == std::string::npos || trim(line.substr(0, eq)).empty()) {
            d.error(kFile, number, "", "this line is not `key = value`",
                    "write it as key = value, or start it with # to make it a comment");
            return;
        }
        blocks.back().lines.push_back({number, trim(line.substr(0, eq)), trim(line.substr(eq + 1))});
    });
    return blocks;
}

class KeyboardLoader {
public:
    KeyboardLoader(Content& c, Diagnostics& d) : c_(c), d_(d) {}

    void load(const Block& block) {
        if (block.lines.empty()) return;  // only malformed lines, already reported
        Keyboard k;
        const Line *id = nullptr, *label = nullptr, *languages = nullptr;
        std::vector<const Line*> rows;
        // The id first, so every other message can name the layout.
        for (const auto& line : block.lines)
            if (line.key == "id" && !id) id = &line;
        const std::string item = id ? "keyboard " + q(id->value) : "keyboard";
        for (const auto& line : block.lines) {
            const Line** single = line.key == "id" ? &id : line.key == "label" ? &label : line.key == "languages" ? &languages : nullptr;
            if (line.key == "row") {
                rows.push_back(&line);
            } else if (!single) {
                d_.error(kFile, line.number, item, "unknown key " + q(line.key), "use id, label, languages or row");
            } else if (*single && *single != &line) {
                d_.error(kFile, line.number, item, q(line.key) + " is given twice in one layout",
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
                d_.error(kFile, id->number, item, "the id may only use a-z, 0-9 and -", "rename it, e.g. id = latin");
            else if (!ids_.insert(k.id).second)
                d_.error(kFile, id->number, item, "duplicate id: an earlier layout already uses it", "give each layout its own id");
        }
        if (label) {
            k.label = label->value;
            if (k.label.empty()) d_.error(kFile, label->number, item, "the label is empty", "write the text of the key that switches to it, e.g. label = ABC");
        }
        if (languages) check_languages(*languages, item, k);
        for (const Line* row : rows) check_row(*row, item, k);
        c_.keyboards.push_back(std::move(k));
    }

private:
    void check_languages(const Line& line, const std::string& item, Keyboard& k) {
        for (const auto& code : split_words(line.value)) {
            if (std::none_of(c_.languages.begin(), c_.languages.end(), [&](const Language& l) { return l.code == code; })) {
                d_.error(kFile, line.number, item, "language " + q(code) + " is not in languages.csv",
                         "list codes from languages.csv, e.g. languages = it en fr");
                continue;
            }
            if (auto [it, added] = owner_.emplace(code, k.id); !added) {
                d_.error(kFile, line.number, item, "language " + q(code) + " already has the layout " + q(it->second),
                         "list each language in one layout only");
                continue;
            }
            k.languages.push_back(code);
        }
    }

    void check_row(const Line& line, const std::string& item, Keyboard& k) {
        const auto keys = split_words(line.value);
        if (keys.empty()) d_.error(kFile, line.number, item, "the row has no keys", "write the keys separated by spaces, or delete the line");
        for (const auto& key : keys) {
            const std::u32string chars = fonts::decode_utf8(key);
            if (chars.size() != 1)
                d_.error(kFile, line.number, item, "key " + q(key) + " is more than one character",
                         "separate keys with spaces; each key is one character, e.g. row = q w e r t y");
            else if (uc_tolower(chars[0]) != chars[0])
                d_.error(kFile, line.number, item, "key " + q(key) + " is upper case",
                         "write it in lower case, " + q(fonts::encode_utf8(std::u32string(1, uc_tolower(chars[0])))) +
                             ": search ignores case");
        }
        k.rows.push_back(keys);
    }

    Content& c_;
    Diagnostics& d_;
    std::set<std::string> ids_;
    std::map<std::string, std::string> owner_;  // language code -> layout id
};

}  // namespace

void load_keyboards(const std::filesystem::path& source, Content& c, Diagnostics& d) {
    if (!std::filesystem::exists(source / kFile)) return;  // allowed: the kiosk offers no search keyboard
    auto text = read_file(source / kFile);
    if (!text) {
        d.error(kFile, 0, "", "the file cannot be read", "check that it is a readable file");
        return;
    }
    if (auto bad = find_invalid_utf8(*text)) {
        d.error(kFile, line_of_offset(*text, *bad), "", "the file is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")",
                "save the file as UTF-8 in your editor");
        return;
    }
    if (text->starts_with("\xEF\xBB\xBF")) text->erase(0, 3);
    KeyboardLoader loader(c, d);
    for (const auto& block : read_blocks(*text, d)) loader.load(block);
}

}  // namespace content
