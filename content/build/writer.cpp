#include "content/build/writer.hpp"

#include <unistd.h>

#include <set>

#include "content/build/facts.hpp"
#include "content/build/source_recordings.hpp"
#include "content/build/translation_items.hpp"
#include "content/map/map_build.hpp"
#include "content/model/map_index.hpp"
#include "content/model/schema.hpp"
#include "content/model/search_index.hpp"
#include "content/model/sqlite.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/spoken_key.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// A ShownDays end as the bundle stores it: YYYY-MM-DD, or '' for none.
std::string day_text(const std::optional<CivilDate>& day) { return day ? format_date(*day) : std::string(); }

// Texts that belong to one category, place or link rather than to the interface. `place.access`
// itself is the interface's label: a place's own texts have an id between the dots.
bool is_item_string(const std::string& key) {
    const auto place_text = [&](std::string_view suffix) {
        return key.starts_with("place.") && key.ends_with(suffix) && key.size() > 6 + suffix.size();
    };
    return key.starts_with("category.") || key.starts_with("link.") || place_text(".note") || place_text(".access");
}

// `c` with its facts filled in (facts.hpp); `written`, the texts as the source writes them,
// which the translation records are about.
void insert_all(sql::Database& db, const Content& c, const Content& written) {
    auto meta = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
    const std::pair<const char*, std::string> meta_rows[] = {
        {"title", c.meta.title},
        {"version", std::to_string(c.meta.version)},
        {"based_on", std::to_string(c.meta.based_on)},
        {"channel", c.meta.channel},
        {"created", c.meta.created},
        {"expires", c.meta.expires},
        {"min_kiosk_version", c.meta.min_kiosk_version},
        {"fallback", join_codes(c.meta.fallback)},
        {"source_language", c.meta.source_language},
        {"demo", c.meta.demo ? "yes" : "no"},
        {"directions_url", c.meta.directions_url},
        {"home_links", join_codes(c.meta.home_links)},
    };
    for (const auto& [key, value] : meta_rows) meta.bind(1, std::string_view(key)).bind(2, value).run();

    auto language = db.prepare("INSERT INTO language(code, native_name, direction, position) VALUES(?, ?, ?, ?)");
    std::int64_t pos = 0;
    for (const auto& l : c.languages)
        language.bind(1, l.code).bind(2, l.native_name)
            .bind(3, std::string_view(l.direction == Direction::RightToLeft ? "rtl" : "ltr")).bind(4, pos++).run();

    auto category = db.prepare("INSERT INTO category(id, icon, position) VALUES(?, ?, ?)");
    pos = 0;
    for (const auto& cat : c.categories) category.bind(1, cat.id).bind(2, cat.icon).bind(3, pos++).run();

    auto place = db.prepare(
        "INSERT INTO place(id, kind, name, address, lat, lon, approximate, opening_hours, phone, shown_from, shown_until) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& p : c.places)
        place.bind(1, p.id).bind(2, p.kind).bind(3, p.name).bind(4, p.address).bind(5, p.lat).bind(6, p.lon)
            .bind(7, std::int64_t{p.approximate}).bind(8, p.opening_hours).bind(9, p.phone)
            .bind(10, day_text(p.shown.from)).bind(11, day_text(p.shown.until)).run();
    auto place_service = db.prepare("INSERT INTO place_service(place_id, service_id, position) VALUES(?, ?, ?)");
    for (const auto& p : c.places) {
        std::int64_t i = 0;
        for (const auto& service : p.services) place_service.bind(1, p.id).bind(2, service).bind(3, i++).run();
    }
    auto stop = db.prepare(
        "INSERT INTO unit_stop(unit_id, date, from_minute, to_minute, name, address, lat, lon, approximate, example) "
        "VALUES(?,?,?,?,?,?,?,?,?,?)");
    for (const auto& st : c.stops)
        stop.bind(1, st.unit).bind(2, format_date(st.date)).bind(3, std::int64_t{st.from_minute}).bind(4, std::int64_t{st.to_minute})
            .bind(5, st.name).bind(6, st.address).bind(7, st.lat).bind(8, st.lon).bind(9, std::int64_t{st.approximate})
            .bind(10, std::int64_t{st.example}).run();

    auto link = db.prepare("INSERT INTO link(id, kind, target, approximate, shown_from, shown_until) VALUES(?, ?, ?, ?, ?, ?)");
    for (const auto& l : c.links)
        link.bind(1, l.id).bind(2, l.kind).bind(3, l.target).bind(4, std::int64_t{l.approximate})
            .bind(5, day_text(l.shown.from)).bind(6, day_text(l.shown.until)).run();

    auto notice = db.prepare("INSERT INTO notice(id, target, shown_from, shown_until, position) VALUES(?, ?, ?, ?, ?)");
    pos = 0;
    for (const auto& n : c.notices)
        notice.bind(1, n.id).bind(2, n.on).bind(3, day_text(n.shown.from)).bind(4, day_text(n.shown.until)).bind(5, pos++).run();

    auto guide = db.prepare("INSERT INTO guide(id, category_id, position, shown_from, shown_until) VALUES(?, ?, ?, ?, ?)");
    auto guide_place = db.prepare("INSERT INTO guide_place(guide_id, place_id, position) VALUES(?, ?, ?)");
    auto guide_link = db.prepare("INSERT INTO guide_link(guide_id, link_id, position) VALUES(?, ?, ?)");
    pos = 0;
    for (const auto& g : c.guides) {
        guide.bind(1, g.id).bind(2, g.category).bind(3, pos++).bind(4, day_text(g.shown.from)).bind(5, day_text(g.shown.until)).run();
        std::int64_t i = 0;
        for (const auto& p : g.places) guide_place.bind(1, g.id).bind(2, p).bind(3, i++).run();
        i = 0;
        for (const auto& l : g.links) guide_link.bind(1, g.id).bind(2, l).bind(3, i++).run();
    }

    // Short strings with a structural meaning go to their own tables; the rest are UI strings.
    auto ui = db.prepare("INSERT INTO ui_string(key, lang, text) VALUES(?, ?, ?)");
    auto category_text = db.prepare(
        "INSERT INTO category_text(category_id, lang, title, summary) VALUES(?, ?, ?, ?)");
    auto place_text = db.prepare("INSERT INTO place_text(place_id, lang, note) VALUES(?, ?, ?)");
    auto place_access = db.prepare("INSERT INTO place_access(place_id, lang, access) VALUES(?, ?, ?)");
    auto link_text = db.prepare("INSERT INTO link_text(link_id, lang, label) VALUES(?, ?, ?)");
    auto guide_text = db.prepare("INSERT INTO guide_text(guide_id, lang, title, summary, body, outdated) VALUES(?, ?, ?, ?, ?, ?)");
    for (const auto& [lang, texts] : c.texts) {
        // A guide whose title, summary or body was translated from a source text that has
        // changed since: the kiosk shows it marked, as it marks a fallback. A body still part
        // in the language to translate from is not this language's: the kiosk shows the guide
        // whole in a fallback language instead of mixing two.
        std::set<std::string> outdated, half_translated;
        for (const auto& item : translation_items(written, lang)) {
            if (item.kind != ItemKind::String && (item.outdated() || item.body_reshaped)) outdated.insert(item.name);
            if (item.copied) half_translated.insert(item.name);
        }
        const auto& s = texts.strings;
        for (const auto& [key, text] : s)
            if (!is_item_string(key)) ui.bind(1, key).bind(2, lang).bind(3, text).run();
        // A language may have a category's title and not its summary, or the other way round:
        // the missing one is NULL, and the kiosk shows that text alone in a fallback language.
        for (const auto& cat : c.categories) {
            const auto title = s.find("category." + cat.id + ".title"), summary = s.find("category." + cat.id + ".summary");
            if (title == s.end() && summary == s.end()) continue;
            category_text.bind(1, cat.id).bind(2, lang);
            if (title != s.end()) category_text.bind(3, title->second);
            else category_text.bind_null(3);
            if (summary != s.end()) category_text.bind(4, summary->second);
            else category_text.bind_null(4);
            category_text.run();
        }
        for (const auto& p : c.places)
            if (auto note = s.find("place." + p.id + ".note"); note != s.end())
                place_text.bind(1, p.id).bind(2, lang).bind(3, note->second).run();
        for (const auto& p : c.places)
            if (auto access = s.find("place." + p.id + ".access"); access != s.end())
                place_access.bind(1, p.id).bind(2, lang).bind(3, access->second).run();
        for (const auto& l : c.links)
            if (auto label = s.find("link." + l.id + ".label"); label != s.end())
                link_text.bind(1, l.id).bind(2, lang).bind(3, label->second).run();
        for (const auto& [id, g] : texts.guides)
            if (!half_translated.contains(id))
                guide_text.bind(1, id).bind(2, lang).bind(3, g.title).bind(4, g.summary).bind(5, g.body).bind(6, std::int64_t{outdated.contains(id)}).run();
    }
    auto keyboard = db.prepare("INSERT INTO keyboard(id, label, languages, rows, forms, position) VALUES(?, ?, ?, ?, ?, ?)");
    pos = 0;
    const auto lines = [](const std::vector<std::vector<std::string>>& keys) {
        std::string out;
        for (size_t i = 0; i < keys.size(); ++i) out += (i ? "\n" : "") + join_words(keys[i]);
        return out;
    };
    for (const auto& k : c.keyboards)
        keyboard.bind(1, k.id).bind(2, k.label).bind(3, join_words(k.languages)).bind(4, lines(k.rows)).bind(5, lines(k.forms)).bind(6, pos++).run();
    auto font = db.prepare("INSERT INTO font(position, family, style, scale, line_height, languages, data) VALUES(?, ?, ?, ?, ?, ?, ?)");
    pos = 0;
    auto recording = db.prepare("INSERT OR REPLACE INTO recording(lang, key, data) VALUES(?, ?, ?)");
    for (const auto& r : c.recordings)
        if (const auto text = recording_text(c, r)) recording.bind(1, r.lang).bind(2, spoken_key(*text)).bind_blob(3, r.ogg).run();
    auto variant = db.prepare("INSERT OR REPLACE INTO spoken_variant(lang, key, text) VALUES(?, ?, ?)");
    for (const auto& v : c.spoken_variants)
        if (const auto text = recording_text(c, {v.lang, v.item, {}})) variant.bind(1, v.lang).bind(2, spoken_key(*text)).bind(3, v.text).run();
    for (const auto& f : c.fonts)
        font.bind(1, pos++).bind(2, f.family).bind(3, f.style).bind(4, f.scale).bind(5, f.line_height).bind(6, join_words(f.languages)).bind_blob(7, f.data).run();
}

}  // namespace

void write_bundle(const Content& content, const fs::path& out) {
    const fs::path partial = fs::path(out).concat(".partial-" + std::to_string(getpid()));
    fs::remove(partial);
    try {
        {
            sql::Database db(partial, sql::Database::Mode::Create);
            db.exec("PRAGMA journal_mode = OFF; PRAGMA foreign_keys = ON; BEGIN");
            create_schema(db);
            const Content shown = with_facts_filled(content);
            insert_all(db, shown, content);
            write_search_index(db, shown);
            write_map(db, build_map(content.map));
            db.exec("COMMIT; VACUUM");
        }
        fs::rename(partial, out);
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw;
    }
}

}  // namespace content
