#include "content/translate/po_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "content/build/source.hpp"
#include "content/build/translation_items.hpp"
#include "content/text/body_blocks.hpp"
#include "content/text/markup.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/diagnostics.hpp"
#include "content/text/text_files.hpp"
#include "content/text/translation_record.hpp"
#include "content/translate/mark_translated.hpp"
#include "content/translate/po_file.hpp"
#include "content/translate/source_edits.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (auto& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

class Importer {
public:
    Importer(fs::path source, fs::path po, Diagnostics& d) : source_(std::move(source)), po_(std::move(po)), file_(po_.string()), d_(d) {}

    std::optional<PoImport> run() {
        const int errors_before = d_.error_count();
        // Only an ordinary file: a named pipe would hold the import for ever, a link loop would throw.
        const FileRead po_file = read_regular_file(po_);
        if (!po_file.text) {
            d_.error(file_, 0, "", "the PO file cannot be read: " + po_file.problem,
                     po_file.missing ? "give the path of the PO file, e.g. fr.po as kiosk-bundle export-po wrote it" : po_file.fix);
            return std::nullopt;
        }
        po_text_ = *po_file.text;
        const PoRead read = read_po(po_);
        for (const auto& p : read.problems)
            d_.error(file_, p.line, "", "not a readable PO file: " + p.message,
                     p.message.starts_with("duplicate message definition")
                         ? "keep one of the two entries with this msgctxt and delete the other"
                         : "correct the file at that line (each text in \"double quotes\", a line break inside one written \\n), "
                           "or export it again and redo the edits");
        if (!read.problems.empty()) return std::nullopt;

        Diagnostics source_problems;
        content_ = load_source(source_, source_problems);
        if (source_problems.has_errors()) {
            d_.error(source_.string(), 0, "", "the source has " + std::to_string(source_problems.error_count()) + " error(s)",
                     "`kiosk-bundle validate " + source_.string() + "` lists them; fix them, then import again");
            return std::nullopt;
        }
        if (!check_header(read.header)) return std::nullopt;

        items_ = translation_items(content_, result_.lang);
        for (const auto& item : items_) by_context_.emplace(item.po_context, &item);
        for (const auto& entry : read.entries) {
            if (entry.obsolete) check_set_aside(entry);
            else check_entry(entry);
        }
        check_new_guides();
        if (d_.error_count() > errors_before) return std::nullopt;
        write_changes();
        return result_;
    }

private:
    struct GuideChange {
        GuideEdit edit;
        std::map<std::string, std::string> blocks;  // body block context -> new text
        int line = 0;      // the last entry that changes it, for messages
        std::string item;
    };

    bool check_header(const std::map<std::string, std::string>& header) {
        const int line = line_starting("\"Language:");
        std::string codes;
        for (const auto& l : content_.languages) codes += (codes.empty() ? "" : " ") + l.code;
        const auto language = header.find("Language");
        if (language == header.end() || language->second.empty()) {
            d_.error(file_, 1, "header", "no Language field: which language the file translates into is not said",
                     "add the line \"Language: fr\\n\" to the header entry (msgid \"\"), with one of: " + codes);
            return false;
        }
        const bool known = std::any_of(content_.languages.begin(), content_.languages.end(),
                                       [&](const Language& l) { return l.code == language->second; });
        if (!known) {
            d_.error(file_, line, "header", "Language " + in_quotes(language->second) + " is not a language of languages.csv",
                     "set Language to the code this file translates into, one of: " + codes +
                         " (Poedit: Translation > Properties), or add the language to languages.csv");
            return false;
        }
        result_.lang = language->second;
        const auto type = header.find("Content-Type");
        if (type == header.end() || lower(type->second).find("charset=utf-8") == std::string::npos) {
            d_.error(file_, line_starting("\"Content-Type:"), "header", "the file is not declared UTF-8",
                     "save it as UTF-8 with the header line \"Content-Type: text/plain; charset=UTF-8\\n\"");
            return false;
        }
        return true;
    }

    void check_entry(const PoEntry& e) {
        const int line = e.has_msgctxt ? line_starting("msgctxt " + in_quotes(e.msgctxt)) : line_starting("msgid " + in_quotes(e.msgid));
        std::string item = e.has_msgctxt ? "msgctxt " + in_quotes(e.msgctxt) : "msgid " + in_quotes(e.msgid.substr(0, 40));
        // An empty translation is not imported: nothing in it can be wrong or out of date.
        const bool translated = !trim(e.msgstr).empty();
        if (!translated) {
            ++result_.empty;
            return;
        }
        if (!e.has_msgctxt) {
            d_.error(file_, line, item, "an entry without msgctxt: there is no telling where its text goes",
                     "export the file again (kiosk-bundle export-po) and put the translation into the entry with the same msgid");
            return;
        }
        if (e.has_plural) {
            d_.error(file_, line, item, "a plural entry (msgid_plural): the kiosk's texts have no plural forms", "delete the entry");
            return;
        }
        const TranslationItem* found = find_item(e);
        // Entries that no longer match the source are left out, each said, and the rest imported:
        // one changed source text must not cost a translator the whole file.
        if (found == nullptr) {
            ++result_.skipped;
            d_.warning(file_, line, item, "not imported: no such item in the source any more (its key or guide was removed or renamed since the export)",
                       "export again (kiosk-bundle export-po " + source_.string() + " " + result_.lang +
                           ") and put the translation into the entry that replaced it, or delete this entry");
            return;
        }
        const TranslationItem& it = *found;
        if (it.kind == ItemKind::GuideBody) item += " (" + it.context + ")";
        if (e.msgid != it.reference_text) {
            ++result_.skipped;
            d_.warning(file_, line, item,
                       "not imported: stale, the text to translate (msgid) is no longer the source's " + it.reference_lang + " text in " +
                           it.reference_file + "; it changed since the export, so this translation may say something else",
                       "export again (kiosk-bundle export-po " + source_.string() + " " + result_.lang +
                           "): the entry comes back marked fuzzy with the old and new texts; translate it from the new one");
            return;
        }
        if (e.fuzzy) {
            ++result_.skipped;
            d_.warning(file_, line, item, "not imported: marked fuzzy (Poedit: \"Needs work\"), a translation nobody has confirmed",
                       "review the translation and clear the fuzzy flag (in Poedit, untick Needs work), then import again");
            return;
        }
        const int before = d_.error_count();
        if (find_invalid_utf8(e.msgstr))
            d_.error(file_, line, item, "the translation is not valid UTF-8", "save the PO file as UTF-8");
        const std::string text = trim(e.msgstr);
        if (text.find('\n') != std::string::npos)
            d_.error(file_, line, item, "the translation has a line break, and this text is one line",
                     it.kind == ItemKind::GuideBody ? "write it on one line: each paragraph, step and list item is an entry of its own"
                                                    : "write it on one line");
        check_placeholders(it, text, line, item);
        if (it.kind == ItemKind::String && d_.error_count() == before)  // a dropped placeholder is said once
            if (const auto problem = string_problem(it.name, text, result_.lang)) d_.error(file_, line, item, problem->problem, problem->fix);
        if (it.kind == ItemKind::GuideBody) check_block(it, text, line, item);
        if (d_.error_count() > before) return;

        // Taken or confirmed, it is now a translation of the current text: recorded so.
        confirmed_.push_back(it.context);
        if (text == it.text && it.translated()) {
            ++result_.unchanged;
            return;
        }
        ++(it.text.empty() ? result_.added : result_.changed);
        accept(it, text, line, item);
    }

    void check_placeholders(const TranslationItem& it, const std::string& text, int line, const std::string& item) {
        const auto wanted = placeholders(it.reference_text);
        for (const auto& p : wanted)
            if (text.find(p) == std::string::npos)
                d_.error(file_, line, item, "the translation drops " + p + ", which the kiosk replaces with a value (the " + it.reference_lang + " text has it)",
                         "put " + p + " back where the value goes, written exactly so");
        for (const auto& p : placeholders(text))
            if (std::find(wanted.begin(), wanted.end(), p) == wanted.end())
                d_.error(file_, line, item, "the translation has " + p + ", which the kiosk does not replace",
                         wanted.empty() ? "remove it: this text has no placeholders"
                                        : "write only the placeholders of the " + it.reference_lang + " text, exactly as there");
    }

    // msgmerge sets aside (#~) the translation of a text that changed too much for its fuzzy
    // matching, a short one most often, or that went: not imported, but said, so that it is not
    // lost unnoticed.
    void check_set_aside(const PoEntry& e) {
        if (trim(e.msgstr).empty()) return;
        ++result_.skipped;
        const std::string item = e.has_msgctxt ? "msgctxt " + in_quotes(e.msgctxt) : "msgid " + in_quotes(e.msgid.substr(0, 40));
        const int line = line_starting("#~ " + item);
        d_.warning(file_, line, item,
                   "not imported: set aside as obsolete (#~), as msgmerge does with the translation of a text that changed or went; "
                   "it translates " + in_quotes(e.msgid.substr(0, 60)),
                   by_context_.contains(e.msgctxt) ? "translate the entry with this msgctxt again from its new text (copy from this one what still holds), then delete this #~ entry"
                                                   : "delete it: the source no longer has this text");
    }

    // The item an entry translates: the one of its msgctxt and msgid, else (the text to
    // translate changed since the export) one of its msgctxt, to say the entry is stale.
    const TranslationItem* find_item(const PoEntry& e) const {
        const auto [first, last] = by_context_.equal_range(e.msgctxt);
        for (auto it = first; it != last; ++it)
            if (it->second->reference_text == e.msgid) return it->second;
        return first == last ? nullptr : first->second;
    }

    // A block's translation is one block of the same kind: a paragraph that began "1. " or "# "
    // would become a step or a heading when the body is put together.
    void check_block(const TranslationItem& it, const std::string& text, int line, const std::string& item) {
        const LineStart start = line_start(text);
        if (it.place.kind == BlockKind::Paragraph && (start.marker > 0 || start.bad_heading))
            d_.error(file_, line, item, "the translation of a paragraph starts with " + in_quotes(text.substr(0, std::max<size_t>(start.marker, 1))) +
                                            ", which would make it a heading, step or list item",
                     "start the paragraph with a word, as the text to translate does");
        const Markup markup = parse_markup(text);
        for (const auto& err : markup.errors) d_.error(file_, line, item, "in the translation: " + err.problem, err.fix);
        for (const auto& ref : link_references(markup)) {
            const std::string id = ref.target.starts_with("link:") ? ref.target.substr(5) : "";
            const bool exists = std::any_of(content_.links.begin(), content_.links.end(), [&](const Link& l) { return l.id == id; });
            if (ref.target.starts_with("link:") && !exists)
                d_.error(file_, line, item, "in the translation: link " + in_quotes(id) + " does not exist",
                         "keep the (link:...) targets of the text to translate as they are");
        }
    }

    void accept(const TranslationItem& it, const std::string& text, int line, const std::string& item) {
        if (it.kind == ItemKind::String) {
            strings_.emplace_back(it.name, text);
            return;
        }
        auto& guide = guides_[it.name];
        guide.line = line;
        guide.item = item;
        if (it.kind == ItemKind::GuideBody) guide.blocks[it.context] = text;
        else (it.kind == ItemKind::GuideTitle ? guide.edit.title : guide.edit.summary) = text;
    }

    // A changed body is written whole in the shape of the body to translate: each block its new
    // translation, else the one it had, else the text to translate itself (unrecorded, so still
    // untranslated: the kiosk shows the guide in a fallback language until it is translated).
    // Its record then follows the new shape. A block of the old translation that translates
    // nothing in the source any more is left out, and said.
    void put_body_together(const std::string& id, GuideChange& guide) {
        std::vector<BodyBlock> blocks;
        std::set<std::string> kept_keys;
        std::string from_lang;
        for (auto& it : items_) {
            if (it.kind != ItemKind::GuideBody || it.name != id) continue;
            from_lang = it.reference_lang;
            const auto imported = guide.blocks.find(it.context);
            blocks.push_back({it.place.kind, imported != guide.blocks.end() ? imported->second : !it.text.empty() ? it.text : it.reference_text, 0,
                              it.place.blank_before});
            if (!it.record_key.empty()) kept_keys.insert(it.record_key);
            it.record_key = it.context;
        }
        guide.edit.body = join_body(blocks);
        const auto own = content_.texts[result_.lang].guides.find(id);
        if (own == content_.texts[result_.lang].guides.end()) return;
        const auto before = split_body(own->second.body);
        for (size_t k = 0; k < before.size(); ++k)
            if (!kept_keys.contains("guide:" + id + ":body:" + std::to_string(k + 1)))
                d_.warning(guide_file(id), own->second.body_line + before[k].line - 1, "guide:" + id,
                           "left out of the body import-po wrote: this " + std::string(block_kind_name(before[k].kind)) + " " +
                               in_quotes(before[k].text.substr(0, 60)) + " translates nothing in the " + from_lang + " text any more",
                           "if it is still needed, translate the block that replaced it; the old file is in the last published source");
    }

    // A guide file the language lacks is written whole: it needs a title and a body to load.
    void check_new_guides() {
        for (const auto& [id, guide] : guides_) {
            const std::string rel = guide_file(id);
            const bool body = !guide.blocks.empty();
            if (anything_at(source_ / rel) || (guide.edit.title && body)) continue;
            d_.error(file_, guide.line, guide.item,
                     rel + " does not exist yet, and a new guide needs its title and its text; this file does not translate " +
                         (guide.edit.title ? "any of the text" : body ? "the title" : "the title or any of the text"),
                     "translate the entries guide:" + id + ":title and guide:" + id + ":body (its text) too, or empty this translation");
        }
    }

    void write_changes() {
        std::map<std::string, std::string> files;  // relative path -> new text
        if (!strings_.empty()) {
            const std::string rel = "lang/" + result_.lang + "/strings.txt";
            std::string text = read_file(source_ / rel).value_or("");
            for (const auto& [key, value] : strings_) text = set_string(std::move(text), key, value);
            files[rel] = text;
        }
        for (auto& [id, guide] : guides_) {
            if (!guide.blocks.empty()) put_body_together(id, guide);
            const std::string rel = guide_file(id);
            files[rel] = set_guide_fields(read_file(source_ / rel), guide.edit);
        }
        for (const auto& [rel, text] : files) {
            const fs::path path = source_ / rel;
            std::error_code ec;
            const auto status = fs::status(path, ec);
            const unsigned mode = ec || !fs::exists(status) ? 0644u : static_cast<unsigned>(status.permissions()) & 0777u;
            fs::create_directories(path.parent_path());
            write_file_atomically(path, text, mode);
            result_.files_written.push_back(rel);
        }
        if (mark_translated(source_, content_, result_.lang, items_, confirmed_)) {
            result_.files_written.push_back("lang/" + result_.lang + "/" + kTranslationRecordName);
            result_.files_written.push_back(std::string("lang/") + kSourceTextsName);
        }
    }

    std::string guide_file(const std::string& id) const { return "lang/" + result_.lang + "/guides/" + id + ".md"; }

    // The PO file's line that starts with `prefix`, for messages: libgettextpo keeps no lines.
    int line_starting(const std::string& prefix) const {
        int found = 0;
        for_each_line(po_text_, [&](int line, const std::string& text) {
            if (found == 0 && text.starts_with(prefix) && (text.size() == prefix.size() || prefix.back() == ':')) found = line;
        });
        return found;
    }

    static std::string in_quotes(const std::string& s) {
        std::string out = "\"";
        for (const char ch : s) {
            if (ch == '"' || ch == '\\') out += '\\';
            if (ch == '\n') out += "\\n";
            else out += ch;
        }
        return out + "\"";
    }

    fs::path source_, po_;
    std::string file_;  // the PO file as the user named it
    Diagnostics& d_;
    std::string po_text_;
    Content content_;
    std::vector<TranslationItem> items_;
    std::multimap<std::string, const TranslationItem*> by_context_;  // by PO msgctxt
    PoImport result_;
    std::vector<std::pair<std::string, std::string>> strings_;  // key, new text
    std::map<std::string, GuideChange> guides_;                 // by guide id
    std::vector<std::string> confirmed_;                        // contexts imported or confirmed unchanged
};

}  // namespace

std::optional<PoImport> import_po(const fs::path& source, const fs::path& po, Diagnostics& diagnostics) {
    return Importer(source, po, diagnostics).run();
}

std::string import_summary(const PoImport& r) {
    return "lang/" + r.lang + ": " + std::to_string(r.changed) + " changed, " + std::to_string(r.added) + " added, " +
           std::to_string(r.unchanged) + " unchanged, " + std::to_string(r.empty) +
           " empty in the PO file (not imported; existing translations left as they are), " + std::to_string(r.skipped) +
           " left out (stale, fuzzy or unknown: each said above); " + std::to_string(r.files_written.size()) + " file(s) written";
}

}  // namespace content
