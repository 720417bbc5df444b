#pragma once
// What a translator translates into one language: every UI string any language has (as
// coverage.hpp counts them) and each guide's title, summary and body, with the text to
// translate from and the language's current text. The PO export and import both work from
// this list, so the two always agree on what an entry is.
#include <filesystem>
#include <string>
#include <vector>

#include "content/model/model.hpp"

namespace content {

enum class ItemKind { String, GuideTitle, GuideSummary, GuideBody };

struct TranslationItem {
    std::string context;  // the PO msgctxt: `nav.home`, `guide:food-help:title`
    ItemKind kind = ItemKind::String;
    std::string name;  // the strings.txt key, or the guide's id
    std::string reference_lang, reference_text;  // what to translate from: the PO msgid
    std::string reference_file;                  // where that text is, relative to the source
    int reference_line = 0;                      // 0: not one line (guide fields)
    std::string text;                            // the language's current text, empty when none
    std::string file;                            // where the language's text goes

    bool one_line() const { return kind != ItemKind::GuideBody; }
};

/// The items of `lang`, UI strings in the order of the first fallback language's strings.txt
/// (then any others, sorted), then the guides in guides.csv's order. The text to translate from
/// is taken from the fallback languages in order, then the other languages in languages.csv
/// order; an item no language has is not listed. `content` must have loaded without errors.
std::vector<TranslationItem> translation_items(const Content& content, const std::filesystem::path& source, const std::string& lang);

/// `{name}` placeholders of a text, in order of appearance, each once.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace content
