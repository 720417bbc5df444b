#include "content/model/search_index.hpp"

#include <algorithm>
#include <cstdint>

#include "content/model/sqlite.hpp"
#include "content/text/markup.hpp"
#include "content/text/pinyin.hpp"
#include "content/text/search_text.hpp"

namespace content {

namespace {

// The languages tried for `lang`, as Bundle::chain_for walks them with the bundle's own fallback.
std::vector<std::string> chain_for(const Content& c, const std::string& lang) {
    std::vector<std::string> chain{lang};
    for (const auto& code : c.meta.fallback)
        if (std::find(chain.begin(), chain.end(), code) == chain.end()) chain.push_back(code);
    return chain;
}

// A guide's title, summary and body all come from one language, as the reader shows them.
const GuideText* guide_text(const Content& c, const std::vector<std::string>& chain, const std::string& id) {
    for (const auto& code : chain)
        if (auto texts = c.texts.find(code); texts != c.texts.end())
            if (auto g = texts->second.guides.find(id); g != texts->second.guides.end()) return &g->second;
    return nullptr;
}

std::string place_note(const Content& c, const std::vector<std::string>& chain, const std::string& id) {
    for (const auto& code : chain)
        if (auto texts = c.texts.find(code); texts != c.texts.end())
            if (auto note = texts->second.strings.find("place." + id + ".note"); note != texts->second.strings.end())
                return note->second;
    return {};
}

// What the guide screen shows below the title, without markup.
std::string guide_body(const GuideText& g) {
    std::string out = g.summary;
    for (const auto& block : parse_markup(g.body).blocks) out += "\n" + plain_text(block);
    return out;
}

}  // namespace

void write_search_index(sql::Database& db, const Content& c) {
    auto doc = db.prepare("INSERT INTO search_doc(doc, kind, item_id, lang) VALUES(?, ?, ?, ?)");
    auto index = db.prepare("INSERT INTO search(rowid, title, body) VALUES(?, ?, ?)");
    for (size_t position = 0; position < c.languages.size(); ++position) {
        const std::string& lang = c.languages[position].code;
        const auto chain = chain_for(c, lang);
        std::int64_t rowid = static_cast<std::int64_t>(position) << 32;
        // Chinese readers type pinyin: after the characters, so 居留 stays a phrase of two.
        const bool pinyin = lang == "zh" || lang.starts_with("zh-");
        auto key = [&](const std::string& text) { return pinyin ? search_key(text) + " " + pinyin_key(text) : search_key(text); };
        auto add = [&](std::string_view kind, const std::string& id, const std::string& title, const std::string& body) {
            doc.bind(1, rowid).bind(2, kind).bind(3, id).bind(4, lang).run();
            index.bind(1, rowid).bind(2, key(title)).bind(3, key(body)).run();
            ++rowid;
        };
        for (const auto& g : c.guides)
            if (const GuideText* text = guide_text(c, chain, g.id)) add("guide", g.id, text->title, guide_body(*text));
        for (const auto& p : c.places)
            add("place", p.id, p.name, p.address + "\n" + place_note(c, chain, p.id) + "\n" + p.phone);
    }
    // One b-tree per index instead of the many segments the inserts left: fewer pages per query.
    db.exec("INSERT INTO search(search) VALUES('optimize')");
}

}  // namespace content
