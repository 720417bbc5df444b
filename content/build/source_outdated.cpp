#include "content/build/source_outdated.hpp"

#include <set>
#include <vector>

#include "content/build/translation_items.hpp"

namespace content {

namespace {

// A text as a message quotes it: one line, from `from` (a "…" before when not the start), cut
// after 60 characters; both ends on whole UTF-8 sequences.
std::string quoted(const std::string& text, size_t from = 0) {
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    std::string out;
    size_t i = from;
    for (; i < text.size() && out.size() < 60; ++i) out += text[i] == '\n' ? ' ' : text[i];
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out += text[i++];
    return "\"" + std::string(from > 0 ? "…" : "") + out + (i < text.size() ? "…" : "") + "\"";
}

// What changed, in the words of the text to translate then and now: quoted from a little before
// their first difference, so that two long texts alike at the start do not look the same.
std::string change(const TranslationItem& item) {
    if (!item.previous_text) return "translated from an earlier " + item.reference_lang + " text, which is now " + quoted(item.reference_text);
    const std::string &before = *item.previous_text, &after = item.reference_text;
    size_t same = 0;
    while (same < before.size() && same < after.size() && before[same] == after[same]) ++same;
    const size_t from = same > 40 ? same - 20 : 0;
    return "translated from the " + item.reference_lang + " text " + quoted(before, from) + ", which is now " + quoted(after, from);
}

}  // namespace

void check_outdated_translations(const Content& c, const std::string& source, Diagnostics& d) {
    for (const auto& language : c.languages) {
        std::set<std::string> reshaped;
        for (const auto& item : translation_items(c, language.code)) {
            if (item.body_reshaped && reshaped.insert(item.name).second)
                d.warning(item.file, 0, "guide:" + item.name,
                          "outdated: the " + item.reference_lang + " text of the guide (" + item.reference_file +
                              ") has gained or lost paragraphs, steps or list items since this translation was made",
                          "kiosk-bundle export-po " + source + " " + language.code + " lists each block: translate the empty ones; import-po then writes the body in the new shape");
            if (!item.outdated()) continue;
            d.warning(item.file, item.line, item.kind == ItemKind::String ? "key \"" + item.name + "\"" : item.context,
                      "outdated: " + change(item) + " (" + item.reference_file + ")",
                      "translate it again from the new text (kiosk-bundle export-po marks it fuzzy, with the old text beside it), or, "
                      "if the translation still says the same, record that: kiosk-bundle mark-translated " + source + " " + language.code + " " + item.context);
        }
    }
}

}  // namespace content
