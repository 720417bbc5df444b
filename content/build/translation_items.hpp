#pragma once
// What a translator translates into one language: every UI string any language has (as
// coverage.hpp counts them) and each guide's title, summary and body, with the text to
// translate from, the language's current text, and the text it was translated from (its
// translated-from.txt record), which says whether the translation is outdated. The PO export
// and import, coverage and validate all work from this list, so they agree on what an item is.
#include <optional>
#include <string>
#include <vector>

#include "content/model/model.hpp"

namespace content {

enum class ItemKind { String, GuideTitle, GuideSummary, GuideBody };

struct TranslationItem {
    std::string context;  // the PO msgctxt and the record's item: `nav.home`, `guide:food-help:title`
    ItemKind kind = ItemKind::String;
    std::string name;  // the strings.txt key, or the guide's id
    std::string reference_lang, reference_text;  // what to translate from: the PO msgid
    std::string reference_file;                  // where that text is, relative to the source
    int reference_line = 0;                      // 0: not one line (guide fields)
    std::string text;                            // the language's current text, empty when none
    std::string file;                            // where the language's text goes
    std::optional<std::string> translated_from;  // the fingerprint of the text it was made from; none: not recorded
    std::optional<std::string> previous_text;    // that text, when the source's record has it

    bool one_line() const { return kind != ItemKind::GuideBody; }
    bool translated() const { return !text.empty(); }
    /// Translated from a text that has changed since: it may no longer say what the source says.
    bool outdated() const;
};

/// The items of `lang`, UI strings in the order of the source language's strings.txt (then any
/// others, sorted), then the guides in guides.csv's order. The text to translate from is taken
/// from the source language, then the fallback languages in order, then the other languages in
/// languages.csv order; an item no language has is not listed, and for the language the text
/// is taken from, an item is its own reference (never outdated). `content` must have loaded
/// without errors.
std::vector<TranslationItem> translation_items(const Content& content, const std::string& lang);

/// `{name}` placeholders of a text, in order of appearance, each once.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace content
