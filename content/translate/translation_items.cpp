#include "content/translate/translation_items.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "content/text/text_files.hpp"

namespace content {

namespace {

// The languages to take the text to translate from, best first: the fallback chain, then the rest.
std::vector<std::string> reference_order(const Content& c) {
    std::vector<std::string> order = c.meta.fallback;
    for (const auto& l : c.languages)
        if (std::find(order.begin(), order.end(), l.code) == order.end()) order.push_back(l.code);
    return order;
}

// Keys in the order a strings.txt file gives them, with their lines.
std::map<std::string, int> key_lines(const std::filesystem::path& file, std::vector<std::string>* order) {
    std::map<std::string, int> lines;
    const auto text = read_file(file);
    if (!text) return lines;
    for (const auto& e : parse_key_values(*text).entries)
        if (lines.emplace(e.key, e.line).second && order) order->push_back(e.key);
    return lines;
}

const GuideText* guide_text(const Content& c, const std::string& lang, const std::string& id) {
    const auto t = c.texts.find(lang);
    if (t == c.texts.end()) return nullptr;
    const auto g = t->second.guides.find(id);
    return g == t->second.guides.end() ? nullptr : &g->second;
}

std::string string_text(const Content& c, const std::string& lang, const std::string& key) {
    const auto t = c.texts.find(lang);
    if (t == c.texts.end()) return {};
    const auto s = t->second.strings.find(key);
    return s == t->second.strings.end() ? std::string() : s->second;
}

}  // namespace

std::vector<TranslationItem> translation_items(const Content& c, const std::filesystem::path& source, const std::string& lang) {
    const auto languages = reference_order(c);
    std::vector<TranslationItem> items;
    const std::string strings_file = "lang/" + lang + "/strings.txt";

    // Strings: the first fallback language's file order is the order translators are used to.
    std::vector<std::string> keys;
    std::map<std::string, std::map<std::string, int>> lines;  // by language, key -> line
    if (!languages.empty()) lines[languages.front()] = key_lines(source / "lang" / languages.front() / "strings.txt", &keys);
    std::set<std::string> rest;
    for (const auto& [code, text] : c.texts)
        for (const auto& [key, value] : text.strings)
            if (!value.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) rest.insert(key);
    keys.insert(keys.end(), rest.begin(), rest.end());
    for (const auto& key : keys) {
        for (const auto& ref : languages) {
            const std::string ref_text = string_text(c, ref, key);
            if (ref_text.empty()) continue;
            const std::string ref_file = "lang/" + ref + "/strings.txt";
            if (!lines.contains(ref)) lines[ref] = key_lines(source / ref_file, nullptr);
            const auto line = lines[ref].find(key);
            items.push_back({key, ItemKind::String, key, ref, ref_text, ref_file, line == lines[ref].end() ? 0 : line->second,
                             string_text(c, lang, key), strings_file});
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
                items.push_back({"guide:" + guide.id + ":" + field.suffix, field.kind, guide.id, ref, g->*field.member,
                                 "lang/" + ref + "/guides/" + guide.id + ".md", 0, own ? own->*field.member : std::string(),
                                 "lang/" + lang + "/guides/" + guide.id + ".md"});
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
