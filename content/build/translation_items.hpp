#pragma once
// What a translator translates into one language: every UI string any language has (as
// coverage.hpp counts them), each guide's title and summary, and each block of its body (a
// heading, paragraph, step or list item: body_blocks.hpp), with the text to translate from,
// the language's current text, and the text it was translated from (its translated-from.txt
// record), which says whether the translation is outdated. The PO export and import,
// coverage, validate and the build all work from this list, so they agree on what an item is.
#include <optional>
#include <string>
#include <vector>

#include "content/model/model.hpp"
#include "content/text/markup.hpp"

namespace content {

enum class ItemKind { String, GuideTitle, GuideSummary, GuideBody };

/// Where a body block stands in the body to translate from, for the translator's note.
struct BodyPlace {
    BlockKind kind = BlockKind::Paragraph;
    int number = 0, count = 0;  // 1-based block number, of `count` blocks
    std::string heading;        // the heading above it, without markup; empty: none
    bool blank_before = false;  // after a blank line, as a translation written whole lays it out
};

struct TranslationItem {
    // What validate, coverage and mark-translated call it: `nav.home`, `guide:food-help:title`,
    // `guide:food-help:body:3` (the third block of the body to translate from).
    std::string context;
    // The PO msgctxt: the context, but `guide:food-help:body` for every block of a body (with
    // msgid, unique; `#2` marks a second block of the same text), so that a block added or
    // removed above moves no other entry and msgmerge keeps every translation where it was.
    std::string po_context;
    ItemKind kind = ItemKind::String;
    std::string name;  // the strings.txt key, or the guide's id
    std::string reference_lang, reference_text;  // what to translate from: the PO msgid
    std::string reference_file;                  // where that text is, relative to the source
    int reference_line = 0;                      // 0: unknown
    std::string text;                            // the language's current text, empty when none
    std::string file;                            // where the language's text goes
    int line = 0;                                // the language's text's line there; 0: none or unknown
    // The item in the language's record: the context, but for a body block the language's own
    // block it is paired with (`guide:food-help:body:5`); empty when it has none.
    std::string record_key;
    std::optional<std::string> translated_from;  // the fingerprint of the text it was made from; none: not recorded
    std::optional<std::string> previous_text;    // that text, when the source's record has it
    BodyPlace place;                             // body blocks only
    // A body block that holds the text to translate itself, unrecorded, in a body whose other
    // blocks are recorded: import-po kept it there while the rest of the body was translated.
    bool copied = false;
    // The language's body has blocks the body to translate no longer has, or lacks some.
    bool body_reshaped = false;

    bool translated() const { return !text.empty() && !copied; }
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

/// `{name}` placeholders of a text, in order of appearance, each once, then its facts written
/// once (`{place.<id>.phone}`, facts.hpp): a translation keeps them all.
std::vector<std::string> placeholders(const std::string& text);

}  // namespace content
