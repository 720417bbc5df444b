#include "content/translate/po_export.hpp"

#include <algorithm>
#include <ctime>

#include "content/build/translation_items.hpp"
#include "content/model/text_slots.hpp"
#include "content/text/body_blocks.hpp"
#include "content/translate/po_file.hpp"

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

// Where a text shows and how long it may be, as the translator's note says it.
std::string where(const TranslationItem& item) {
    switch (item.kind) {
        case ItemKind::String:
            for (const TextSlot* slot : {&header_button_slot(), &action_button_slot()})
                for (const auto& key : slot->keys)
                    if (key == item.name) {
                        // An average Latin letter is about half an em wide.
                        const int letters = static_cast<int>(slot->room() / (0.55f * slot->text_size));
                        return "On " + std::string(slot->name) + " (" + item.file + "): it must fit on one line of the button, about " +
                               std::to_string(letters) + " Latin letters; kiosk-bundle validate measures it.";
                    }
            if (item.name.starts_with("notice."))
                return "A dated notice (notices.csv), a banner at the top of the screen it is on, shown only on its days (" + item.file +
                       ", one line). Keep its dates and times as the source gives them.";
            return "A text of the kiosk's screens (" + item.file + ", one line).";
        case ItemKind::GuideTitle: return "The guide's title, on its button and at the top of its page (" + item.file + ", the title: line). Keep it short: one line.";
        case ItemKind::GuideSummary: return "The line under the guide's title in lists (" + item.file + ", the summary: line): one sentence.";
        case ItemKind::GuideBody: break;
    }
    const BodyPlace& p = item.place;
    std::string out = "The guide's text, " + std::string(block_kind_name(p.kind)) + " " + std::to_string(p.number) + " of " +
                      std::to_string(p.count) + " blocks";
    if (!p.heading.empty()) out += ", under \"" + p.heading + "\"";
    out += " (" + item.file + ", below the --- line). One line; **bold** and [words](link:id) may be used: keep each (link:id) as it is.";
    if (p.kind == BlockKind::Heading || p.kind == BlockKind::Subheading) out += " A heading: keep it short.";
    return out;
}

// What a translator needs beside the text: where it goes, what the kiosk fills in.
std::string notes(const TranslationItem& item, const std::string& source_language) {
    std::string out = where(item);
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
        e.msgctxt = item.po_context;
        e.msgid = item.reference_text;
        e.msgstr = item.translated() ? item.text : "";
        // msgfmt -c and Poedit then refuse a translation that drops or renames a {placeholder}.
        // Only for plain {names}: a fact's {place.<id>.phone}, with its dashes, is no Python format.
        const auto names = placeholders(item.reference_text);
        if (!names.empty() && std::all_of(names.begin(), names.end(), [](const std::string& n) { return n.find_first_of(".-") == std::string::npos; }))
            e.format = "python-brace-format";
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
