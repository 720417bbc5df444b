#include "content/build/translation_items.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "content/build/body_alignment.hpp"
#include "content/build/facts.hpp"
#include "content/text/body_blocks.hpp"
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
    item.record_key = item.context;
    const auto r = t->translated_from.find(item.context);
    if (r == t->translated_from.end()) return;
    item.translated_from = r->second;
    if (const auto text = c.source_texts.find(r->second); text != c.source_texts.end()) item.previous_text = text->second;
}

// An item with what every kind has; the record and the body's place are added after.
TranslationItem item_of(std::string context, ItemKind kind, std::string name, std::string ref, std::string ref_text, std::string ref_file,
                        int ref_line, std::string text, std::string file, int line) {
    TranslationItem item;
    item.context = std::move(context);
    item.po_context = item.context;
    item.kind = kind;
    item.name = std::move(name);
    item.reference_lang = std::move(ref);
    item.reference_text = std::move(ref_text);
    item.reference_file = std::move(ref_file);
    item.reference_line = ref_line;
    item.text = std::move(text);
    item.file = std::move(file);
    item.line = line;
    return item;
}

std::string body_key(const std::string& id, size_t block) { return "guide:" + id + ":body:" + std::to_string(block + 1); }

// What each block of the language's body was translated from, by its record. A record written
// before bodies were split names the whole body: its blocks then stand for the blocks of that
// body (`texts` gets their texts, for the translator's `#| msgid`).
std::vector<std::optional<std::string>> body_records(const Content& c, const LanguageText& t, const std::string& id, size_t blocks,
                                                     const std::string& reference_body, std::map<std::string, std::string>& texts) {
    std::vector<std::optional<std::string>> recorded(blocks);
    bool any = false;
    for (size_t k = 0; k < blocks; ++k)
        if (const auto r = t.translated_from.find(body_key(id, k)); r != t.translated_from.end()) {
            recorded[k] = r->second;
            any = true;
        }
    const auto whole = t.translated_from.find("guide:" + id + ":body");
    if (any || whole == t.translated_from.end()) return recorded;
    std::optional<std::string> before;
    if (whole->second == text_fingerprint(reference_body)) before = reference_body;
    else if (const auto text = c.source_texts.find(whole->second); text != c.source_texts.end()) before = text->second;
    const auto before_blocks = before ? split_body(*before) : std::vector<BodyBlock>();
    for (size_t k = 0; k < blocks; ++k) {
        recorded[k] = whole->second;  // unknown text: outdated, with no old text to show
        if (k < before_blocks.size()) {
            recorded[k] = text_fingerprint(before_blocks[k].text);
            texts.emplace(*recorded[k], before_blocks[k].text);
        }
    }
    return recorded;
}

std::string heading_text(const std::string& markup) {
    const Markup parsed = parse_markup(markup);
    return parsed.blocks.empty() ? markup : plain_text(parsed.blocks.front());
}

// One item per block of the reference body, each paired with the language's block that
// translates it (body_alignment.hpp); `own` is null for the reference language itself.
void add_body_blocks(const Content& c, const std::string& lang, const std::string& id, const std::string& ref, const GuideText& reference,
                     const GuideText* own, std::vector<TranslationItem>& items) {
    const auto source = split_body(reference.body);
    const auto translation = own ? split_body(own->body) : std::vector<BodyBlock>();
    const LanguageText* t = own ? language_text(c, lang) : nullptr;
    std::map<std::string, std::string> old_texts;
    const auto recorded = t ? body_records(c, *t, id, translation.size(), reference.body, old_texts) : std::vector<std::optional<std::string>>();
    const bool tracked = std::any_of(recorded.begin(), recorded.end(), [](const auto& r) { return r.has_value(); });
    const auto pairs = align_body(source, translation, recorded);
    const size_t paired = static_cast<size_t>(std::count_if(pairs.begin(), pairs.end(), [](const auto& p) { return p.has_value(); }));
    const bool reshaped = tracked && (paired < source.size() || paired < translation.size());
    std::string heading;
    std::map<std::string, int> seen;  // block text -> how many times so far
    for (size_t i = 0; i < source.size(); ++i) {
        const BodyBlock& b = source[i];
        const bool is_heading = b.kind == BlockKind::Heading || b.kind == BlockKind::Subheading;
        if (is_heading) heading = heading_text(b.text);
        TranslationItem item = item_of(body_key(id, i), ItemKind::GuideBody, id, ref, b.text, "lang/" + ref + "/guides/" + id + ".md",
                                       reference.body_line > 0 ? reference.body_line + b.line - 1 : 0, "", "lang/" + lang + "/guides/" + id + ".md", 0);
        item.place = {b.kind, static_cast<int>(i + 1), static_cast<int>(source.size()), is_heading ? "" : heading, b.blank_before};
        item.body_reshaped = reshaped;
        const int repeat = ++seen[b.text];
        item.po_context = "guide:" + id + ":body" + (repeat > 1 ? "#" + std::to_string(repeat) : "");
        if (ref == lang) item.text = b.text;  // its own reference
        else if (const auto k = pairs[i]) {
            item.text = translation[*k].text;
            item.line = own->body_line > 0 ? own->body_line + translation[*k].line - 1 : 0;
            item.record_key = body_key(id, *k);
            item.translated_from = recorded[*k];
            item.copied = tracked && !recorded[*k] && item.text == b.text;
            if (item.translated_from) {
                if (const auto text = c.source_texts.find(*item.translated_from); text != c.source_texts.end()) item.previous_text = text->second;
                else if (const auto derived = old_texts.find(*item.translated_from); derived != old_texts.end()) item.previous_text = derived->second;
            }
        }
        items.push_back(std::move(item));
    }
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
            items.push_back(item_of(key, ItemKind::String, key, ref, ref_text, ref_file, source_line(c, ref_file, key), string_text(c, lang, key),
                                    strings_file, source_line(c, strings_file, key)));
            add_record(c, lang, items.back());
            break;
        }
    }

    // Guides: title and summary, each from the first language that has it, then the body's blocks.
    struct Field {
        ItemKind kind;
        const char* suffix;
        std::string GuideText::*member;
    };
    const Field fields[] = {{ItemKind::GuideTitle, "title", &GuideText::title}, {ItemKind::GuideSummary, "summary", &GuideText::summary}};
    for (const auto& guide : c.guides) {
        const GuideText* own = guide_text(c, lang, guide.id);
        const std::string file = "lang/" + lang + "/guides/" + guide.id + ".md";
        for (const auto& field : fields) {
            for (const auto& ref : languages) {
                const GuideText* g = guide_text(c, ref, guide.id);
                if (g == nullptr || (g->*field.member).empty()) continue;
                items.push_back(item_of("guide:" + guide.id + ":" + field.suffix, field.kind, guide.id, ref, g->*field.member,
                                        "lang/" + ref + "/guides/" + guide.id + ".md", 0, own ? own->*field.member : std::string(), file, 0));
                add_record(c, lang, items.back());
                break;
            }
        }
        for (const auto& ref : languages)
            if (const GuideText* g = guide_text(c, ref, guide.id); g != nullptr && !g->body.empty()) {
                add_body_blocks(c, lang, guide.id, ref, *g, ref == lang ? nullptr : own, items);
                break;
            }
    }
    return items;
}

std::vector<std::string> placeholders(const std::string& text) {
    std::vector<std::string> found;
    const auto add = [&](std::string name) {
        if (std::find(found.begin(), found.end(), name) == found.end()) found.push_back(std::move(name));
    };
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open, close - open + 1);
        const bool word = close > open + 1 && std::all_of(name.begin() + 1, name.end() - 1, [](char ch) {
            return (ch >= 'a' && ch <= 'z') || ch == '_';
        });
        if (word) add(name);
    }
    for (const auto& ref : fact_references(text)) add(text.substr(ref.begin, ref.end - ref.begin));
    return found;
}

}  // namespace content
