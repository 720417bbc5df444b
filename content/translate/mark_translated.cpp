#include "content/translate/mark_translated.hpp"

#include <algorithm>
#include <map>

#include "content/text/text_files.hpp"
#include "content/text/translation_record.hpp"

namespace content {

bool mark_translated(const std::filesystem::path& source, const Content& content, const std::string& lang,
                     const std::vector<TranslationItem>& items, const std::vector<std::string>& contexts) {
    const auto texts = content.texts.find(lang);
    const std::map<std::string, std::string> before = texts == content.texts.end() ? std::map<std::string, std::string>() : texts->second.translated_from;
    std::map<std::string, std::string> after;                 // item -> fingerprint
    std::map<std::string, std::string> known = content.source_texts;  // fingerprint -> text
    for (const auto& item : items) {
        if (item.reference_lang == lang) continue;
        // A marked item is translated now (import-po may just have written it); the others keep
        // their record while the source has them, so an import changes no file it need not.
        if (item.record_key.empty()) continue;  // a body block the language's body has none for
        if (std::find(contexts.begin(), contexts.end(), item.context) != contexts.end()) {
            after[item.record_key] = text_fingerprint(item.reference_text);
            known.emplace(after[item.record_key], item.reference_text);
        } else if (item.translated_from) {
            after[item.record_key] = *item.translated_from;
        }
    }
    if (after == before) return false;

    // The shared texts: those some language's record still names, this one's as it is now.
    std::vector<std::string> kept;
    const auto keep = [&](const std::map<std::string, std::string>& record) {
        for (const auto& [item, fingerprint] : record)
            if (const auto text = known.find(fingerprint); text != known.end()) kept.push_back(text->second);
    };
    keep(after);
    for (const auto& [code, other] : content.texts)
        if (code != lang) keep(other.translated_from);

    const auto lang_folder = source / "lang";
    std::filesystem::create_directories(lang_folder / lang);
    write_file_atomically(lang_folder / kSourceTextsName, format_source_texts(kept), 0644);
    write_file_atomically(lang_folder / lang / kTranslationRecordName, format_translation_record(after, lang), 0644);
    return true;
}

}  // namespace content
