#include "content/build/source_outdated.hpp"

#include <vector>

#include "content/build/translation_items.hpp"

namespace content {

namespace {

// A text as a message quotes it: one line, cut after 60 characters (whole UTF-8 sequences).
std::string quoted(const std::string& text) {
    std::string out;
    size_t i = 0;
    for (; i < text.size() && out.size() < 60; ++i) out += text[i] == '\n' ? ' ' : text[i];
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out += text[i++];
    return "\"" + out + (i < text.size() ? "…" : "") + "\"";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) lines.push_back(text.substr(start, end - start));
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

// What changed, as a content manager can find it: for a guide body, its first changed line.
std::string change(const TranslationItem& item) {
    if (!item.previous_text) return "translated from an earlier " + item.reference_lang + " text, which is now " + quoted(item.reference_text);
    const auto before = lines_of(*item.previous_text), after = lines_of(item.reference_text);
    size_t line = 0;
    while (line < before.size() && line < after.size() && before[line] == after[line]) ++line;
    if (before.size() <= 1 && after.size() <= 1)
        return "translated from the " + item.reference_lang + " text " + quoted(*item.previous_text) + ", which is now " + quoted(item.reference_text);
    const auto at = [](const std::vector<std::string>& lines, size_t i) { return i < lines.size() ? quoted(lines[i]) : std::string("nothing"); };
    return "translated from an earlier " + item.reference_lang + " text: its line " + std::to_string(line + 1) + " was " + at(before, line) +
           " and is now " + at(after, line);
}

}  // namespace

void check_outdated_translations(const Content& c, const std::string& source, Diagnostics& d) {
    for (const auto& language : c.languages) {
        for (const auto& item : translation_items(c, language.code)) {
            if (!item.outdated()) continue;
            const bool string = item.kind == ItemKind::String;
            const auto line = string ? c.source_lines.find({item.file, item.name}) : c.source_lines.end();
            d.warning(item.file, line == c.source_lines.end() ? 0 : line->second, string ? "key \"" + item.name + "\"" : item.context,
                      "outdated: " + change(item) + " (" + item.reference_file + ")",
                      "translate it again from the new text (kiosk-bundle export-po marks it fuzzy, with the old text beside it), or, "
                      "if the translation still says the same, record that: kiosk-bundle mark-translated " + source + " " + language.code + " " + item.context);
        }
    }
}

}  // namespace content
