#include "content/build/translation_items.hpp"

#include <algorithm>
#include <set>

#include "content/text/translation_record.hpp"

namespace content {

namespace {

// The languages to take the text to translate from, best first: the source language, the
// fallback chain, then the rest.
std::vector<std::string> reference_order(const Content& c) {
    std::vector<std::string> order;
    const auto add = [&](const std::string& code) {
        if (!code.empty() && std::find(order.begin(), order.end(), code) == order.end()) order.push_back(code);
    };
    add(c.meta.source_language);
    for (const auto& code : c.meta.fallback) add(code);
    for (const auto& l : c.languages) add(l.code);
    return order;
}

const LanguageText* language_text(const Content& c, const std::string& lang) {
    const auto t = c.texts.find(lang);
    return t == c.texts.end() ? nullptr : &t->second;
}

const GuideText* guide_text(const Content& c, const std::string& lang, const std::string& id) {
    const LanguageText* t = language_text(c, lang);
    if (t == nullptr) return nullptr;
    const auto g = t->guides.find(id);
    return g == t->guides.end() ? nullptr : &g->second;
}

std::string string_text(const Content& c, const std::string& lang, const std::string& key) {
    const LanguageText* t = language_text(c, lang);
    if (t == nullptr) return {};
    const auto s = t->strings.find(key);
    return s == t->strings.end() ? std::string() : s->second;
}

int source_line(const Content& c, const std::string& file, const std::string& key) {
    const auto found = c.source_lines.find({file, key});
    return found == c.source_lines.end() ? 0 : found->second;
}

// The record of what `lang`'s text of the item was translated from, filled into `item`.
void add_record(const Content& c, const std::string& lang, TranslationItem& item) {
    const LanguageText* t = item.reference_lang == lang ? nullptr : language_text(c, lang);
    if (t == nullptr) return;
    const auto r = t->translated_from.find(item.context);
    if (r == t->translated_from.end()) return;
    item.translated_from = r->second;
    if (const auto text = c.source_texts.find(r->second); text != c.source_texts.end()) item.previous_text = text->second;
}

}  // namespace

bool TranslationItem::outdated() const { return translated() && translated_from && *translated_from != text_fingerprint(reference_text); }

std::vector<TranslationItem> translation_items(const Content& c, const std::string& lang) {
    const auto languages = reference_order(c);
    std::vector<TranslationItem> items;
    const std::string strings_file = "lang/" + lang + "/strings.txt";

    // Strings: the source language's file order is the order translators are used to.
    std::vector<std::pair<int, std::string>> first;  // line, key
    std::set<std::string> rest;
    if (const LanguageText* t = languages.empty() ? nullptr : language_text(c, languages.front()))
        for (const auto& [key, value] : t->strings) first.emplace_back(source_line(c, "lang/" + languages.front() + "/strings.txt", key), key);
    std::sort(first.begin(), first.end());
    for (const auto& [code, text] : c.texts)
        for (const auto& [key, value] : text.strings)
            if (!value.empty()) rest.insert(key);
    std::vector<std::string> keys;
    for (const auto& [line, key] : first) {
        keys.push_back(key);
        rest.erase(key);
    }
    keys.insert(keys.end(), rest.begin(), rest.end());
    for (const auto& key : keys) {
        for (const auto& ref : languages) {
            const std::string ref_text = string_text(c, ref, key);
            if (ref_text.empty()) continue;
            const std::string ref_file = "lang/" + ref + "/strings.txt";
            items.push_back({key, ItemKind::String, key, ref, ref_text, ref_file, source_line(c, ref_file, key),
                             string_text(c, lang, key), strings_file, std::nullopt, std::nullopt});
            add_record(c, lang, items.back());
            break;
        }
    }

    // Guides: title, summary and body, each from the first language that has it.
    struct Field {
        ItemKind kind;
        const char* suffix;
        std::string GuideText::*member;
    };
    const Field fields[] = {{ItemKind::GuideTitle, "title", &GuideText::title},
                            {ItemKind::GuideSummary, "summary", &GuideText::summary},
                            {ItemKind::GuideBody, "body", &GuideText::body}};
    for (const auto& guide : c.guides) {
        const GuideText* own = guide_text(c, lang, guide.id);
        for (const auto& field : fields) {
            for (const auto& ref : languages) {
                const GuideText* g = guide_text(c, ref, guide.id);
                if (g == nullptr || (g->*field.member).empty()) continue;
                const std::string context = "guide:" + guide.id + ":" + field.suffix;
                items.push_back({context, field.kind, guide.id, ref, g->*field.member, "lang/" + ref + "/guides/" + guide.id + ".md", 0,
                                 own ? own->*field.member : std::string(), "lang/" + lang + "/guides/" + guide.id + ".md",
                                 std::nullopt, std::nullopt});
                add_record(c, lang, items.back());
                break;
            }
        }
    }
    return items;
}

std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> found;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open, close - open + 1);
        const bool word = close > open + 1 && std::all_of(name.begin() + 1, name.end() - 1, [](char ch) {
            return (ch >= 'a' && ch <= 'z') || ch == '_';
        });
        if (word && std::find(found.begin(), found.end(), name) == found.end()) found.push_back(name);
    }
    return found;
}

}  // namespace content
