#include "content/translate/po_export.hpp"

#include <ctime>

#include "content/build/translation_items.hpp"
#include "content/translate/po_file.hpp"
#include "content/build/translation_items.hpp"

namespace content {

namespace {

std::string now_for_po() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M%z", &local);
    return text;
}

// What a translator needs beside the text: where it goes, what the kiosk fills in, the markup.
std::string notes(const TranslationItem& item, const std::string& source_language) {
    std::string out;
    if (item.kind == ItemKind::String) out = "In " + item.file + ", one line.";
    else if (item.kind == ItemKind::GuideBody)
        out = "In " + item.file + ", below the --- line. Markup: # Heading, ## Smaller heading, 1. step, - list item, "
              "**bold**, [text](target); keep each (target) as it is, and a blank line between paragraphs.";
    else out = "In " + item.file + ", the " + (item.kind == ItemKind::GuideTitle ? "title:" : "summary:") + " line.";
    const auto names = placeholders(item.reference_text);
    if (!names.empty()) {
        std::string list;
        for (const auto& p : names) list += (list.empty() ? "" : " ") + p;
        out += "\nKeep " + list + " exactly as written: the kiosk puts a value there.";
    }
    if (item.reference_lang != source_language)
        out += "\nThe text to translate is in " + item.reference_lang + ": " + source_language + " has none.";
    if (item.outdated())
        out += "\nOutdated: the text to translate changed since this translation was made (the old text is the #| msgid line). "
               "Bring the translation up to date, then clear the fuzzy flag (Poedit: untick Needs work).";
    return out;
}

}  // namespace

std::string export_po(const Content& content, const std::string& lang) {
    std::string team;
    for (const auto& l : content.languages)
        if (l.code == lang) team = l.native_name;
    const std::string now = now_for_po();
    const PoHeader header = {
        {"Project-Id-Version", content.meta.title + " " + std::to_string(content.meta.version)},
        {"POT-Creation-Date", now},
        {"PO-Revision-Date", now},
        {"Last-Translator", ""},
        {"Language-Team", team},
        {"Language", lang},
        {"MIME-Version", "1.0"},
        {"Content-Type", "text/plain; charset=UTF-8"},
        {"Content-Transfer-Encoding", "8bit"},
        {"X-Generator", "kiosk-bundle export-po"},
    };
    std::vector<PoEntry> entries;
    for (const auto& item : translation_items(content, lang)) {
        PoEntry e;
        e.has_msgctxt = true;
        e.msgctxt = item.context;
        e.msgid = item.reference_text;
        e.msgstr = item.text;
        // An outdated translation goes out as gettext marks one after msgmerge: fuzzy, with the
        // text it was made from, so Poedit and msgmerge show the translator what changed.
        if (item.outdated()) {
            e.fuzzy = true;
            e.previous_msgid = item.previous_text.value_or("");
        }
        e.extracted_comments = notes(item, content.meta.source_language);
        e.reference_file = item.reference_file;
        e.reference_line = item.reference_line;
        entries.push_back(std::move(e));
    }
    return write_po(header, entries);
}

}  // namespace content
