#include "content/model/bundle.hpp"

#include <algorithm>
#include <map>

#include "content/model/map_index.hpp"
#include "content/model/schema.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/search_text.hpp"
#include "content/text/spoken_key.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace {
// The rows of guide, place, link or notice shown on a day: `shown_from <= ?A AND (shown_until =
// '' OR shown_until >= ?B)`, with both the day as YYYY-MM-DD, or bounds every date passes.
std::string shown_clause(int from_parameter, int until_parameter) {
    return "shown_from <= ?" + std::to_string(from_parameter) + " AND (shown_until = '' OR shown_until >= ?" +
           std::to_string(until_parameter) + ")";
}
void bind_shown_on(sql::Statement& s, int from_parameter, int until_parameter, const ShownOn& on) {
    s.bind(from_parameter, on ? format_date(*on) : std::string("9999-12-31"));
    s.bind(until_parameter, on ? format_date(*on) : std::string("0000-01-01"));
}

sql::Database open_read_only(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw BundleError(path.string() + ": no bundle file here. Fix: build one with `kiosk-bundle build SRC -o " +
                          path.string() + "` or give the right path with --bundle");
    try {
        return sql::Database(path, sql::Database::Mode::ReadOnly);
    } catch (const sql::Error& e) {
        throw BundleError(path.string() + ": " + e.what());
    }
}
}  // namespace

Bundle::Bundle(const std::filesystem::path& path) : path_(path), db_(open_read_only(path)) {
    try {
        check_schema(db_);
        std::map<std::string, std::string> meta;
        for (auto s = db_.prepare("SELECT key, value FROM meta"); s.step();) meta[s.text(0)] = s.text(1);
        meta_.title = meta["title"];
        meta_.version = std::atoll(meta["version"].c_str());
        meta_.based_on = std::atoll(meta["based_on"].c_str());
        meta_.channel = meta["channel"];
        meta_.created = meta["created"];
        meta_.expires = meta["expires"];
        meta_.min_kiosk_version = meta["min_kiosk_version"];
        std::string list = meta["fallback"];
        std::replace(list.begin(), list.end(), ',', ' ');
        meta_.fallback = split_words(list);
        meta_.source_language = meta["source_language"];
        meta_.demo = meta["demo"] == "yes";
        meta_.directions_url = meta["directions_url"];
        list = meta["home_links"];
        std::replace(list.begin(), list.end(), ',', ' ');
        meta_.home_links = split_words(list);
        for (auto s = db_.prepare("SELECT code, native_name, direction FROM language ORDER BY position"); s.step();)
            languages_.push_back({s.text(0), s.text(1), s.text(2) == "rtl" ? Direction::RightToLeft : Direction::LeftToRight});
        map_ = read_map_info(db_);
    } catch (const sql::Error& e) {
        throw BundleError(path.string() + ": not a readable bundle (" + e.what() + ")");
    }
    if (languages_.empty()) throw BundleError(path.string() + ": the bundle has no languages. Fix: rebuild it from a source with languages.csv");
    fallback_ = meta_.fallback;
}

std::vector<std::string> Bundle::choose_languages(const LanguageChoice& choice) {
    if (!choice.fallback.empty()) set_fallback(choice.fallback);
    std::vector<std::string> missing;
    for (const auto& code : choice.offered)
        if (!language(code)) missing.push_back(code);
    std::vector<Language> offered;
    for (const auto& l : languages_)
        if (std::find(choice.offered.begin(), choice.offered.end(), l.code) != choice.offered.end()) offered.push_back(l);
    if (!offered.empty()) languages_ = std::move(offered);
    return missing;
}

const Language* Bundle::language(std::string_view code) const {
    auto it = std::find_if(languages_.begin(), languages_.end(), [&](const Language& l) { return l.code == code; });
    return it == languages_.end() ? nullptr : &*it;
}

std::vector<std::string> Bundle::chain_for(std::string_view lang) const {
    std::vector<std::string> chain{std::string(lang)};
    for (const auto& code : fallback_)
        if (std::find(chain.begin(), chain.end(), code) == chain.end()) chain.push_back(code);
    return chain;
}

Localized Bundle::pick(sql::Statement& rows, std::string_view lang) const {
    std::map<std::string, std::string> by_lang;
    while (rows.step())
        if (!rows.is_null(1)) by_lang[rows.text(0)] = rows.text(1);  // NULL: not in that language
    for (const auto& code : chain_for(lang))
        if (auto it = by_lang.find(code); it != by_lang.end()) return {it->second, code, code != lang};
    return {};
}

Localized Bundle::pick_one(std::string_view sql_text, std::string_view id, std::string_view lang) const {
    auto s = db_.prepare(sql_text);
    s.bind(1, id);
    return pick(s, lang);
}

Localized Bundle::ui(std::string_view key, std::string_view lang) const {
    return pick_one("SELECT lang, text FROM ui_string WHERE key = ?", key, lang);
}

std::vector<CategoryView> Bundle::categories(std::string_view lang) const {
    std::vector<CategoryView> out;
    for (auto s = db_.prepare("SELECT id FROM category ORDER BY position"); s.step();)
        if (auto c = category(s.text(0), lang)) out.push_back(std::move(*c));
    return out;
}

std::optional<CategoryView> Bundle::category(std::string_view id, std::string_view lang) const {
    auto s = db_.prepare("SELECT icon FROM category WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return CategoryView{std::string(id), s.text(0),
                        pick_one("SELECT lang, title FROM category_text WHERE category_id = ?", id, lang),
                        pick_one("SELECT lang, summary FROM category_text WHERE category_id = ?", id, lang)};
}

std::vector<GuideSummary> Bundle::guides_in(std::string_view category_id, std::string_view lang, ShownOn on) const {
    std::vector<GuideSummary> out;
    auto s = db_.prepare("SELECT id FROM guide WHERE category_id = ?1 AND " + shown_clause(2, 3) + " ORDER BY position");
    s.bind(1, category_id);
    bind_shown_on(s, 2, 3, on);
    while (s.step())
        if (auto g = guide_summary(s.text(0), lang)) out.push_back(std::move(*g));
    return out;
}

std::optional<GuideSummary> Bundle::guide_summary(std::string_view id, std::string_view lang) const {
    auto s = db_.prepare("SELECT category_id FROM guide WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return GuideSummary{std::string(id), s.text(0), pick_one("SELECT lang, title FROM guide_text WHERE guide_id = ?", id, lang),
                        pick_one("SELECT lang, summary FROM guide_text WHERE guide_id = ?", id, lang)};
}

std::vector<std::string> Bundle::guide_ids() const {
    std::vector<std::string> ids;
    for (auto s = db_.prepare("SELECT id FROM guide ORDER BY position"); s.step();) ids.push_back(s.text(0));
    return ids;
}

bool Bundle::has_category(std::string_view id) const {
    auto s = db_.prepare("SELECT 1 FROM category WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

bool Bundle::has_guide(std::string_view id) const {
    auto s = db_.prepare("SELECT 1 FROM guide WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

std::string Bundle::all_text() const {
    std::string out;
    for (auto s = db_.prepare(
             "SELECT native_name FROM language UNION ALL SELECT text FROM ui_string "
             "UNION ALL SELECT coalesce(title, '') || ' ' || coalesce(summary, '') FROM category_text "
             "UNION ALL SELECT title || ' ' || summary || ' ' || body FROM guide_text "
             "UNION ALL SELECT name || ' ' || address || ' ' || opening_hours || ' ' || phone FROM place "
             "UNION ALL SELECT note FROM place_text UNION ALL SELECT access FROM place_access "
             "UNION ALL SELECT name || ' ' || address FROM unit_stop UNION ALL SELECT label FROM link_text UNION ALL SELECT target FROM link "
             "UNION ALL SELECT label || ' ' || rows || ' ' || forms FROM keyboard UNION ALL SELECT attribution FROM map");
         s.step();)
        out += s.text(0) + "\n";
    return out;
}

std::vector<FontFile> Bundle::fonts() const {
    std::vector<FontFile> out;
    for (auto s = db_.prepare("SELECT family, style, scale, line_height, languages, data FROM font ORDER BY position"); s.step();)
        out.push_back({s.text(0), s.text(1), s.real(2), s.real(3), split_words(s.text(4)), s.blob(5)});
    return out;
}

bool Bundle::shown(std::string_view kind, std::string_view id, const CivilDate& day) const {
    const char* table = kind == "guide" ? "guide" : kind == "place" ? "place" : kind == "link" ? "link" : nullptr;
    if (!table) return false;
    auto s = db_.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = ?1 AND " + shown_clause(2, 3));
    s.bind(1, id);
    bind_shown_on(s, 2, 3, day);
    return s.step();
}

std::vector<Localized> Bundle::notices(std::string_view target, std::string_view lang, const CivilDate& day) const {
    std::vector<Localized> out;
    auto s = db_.prepare("SELECT id FROM notice WHERE target = ?1 AND " + shown_clause(2, 3) + " ORDER BY position");
    s.bind(1, target);
    bind_shown_on(s, 2, 3, day);
    while (s.step())
        if (auto text = ui("notice." + s.text(0), lang); text.found()) out.push_back(std::move(text));
    return out;
}

std::vector<SearchHit> Bundle::search(std::string_view query, std::string_view lang, int limit, ShownOn on) const {
    const std::string match = match_expression(query);
    if (match.empty() || limit <= 0) return {};
    auto position = db_.prepare("SELECT position FROM language WHERE code = ?");
    position.bind(1, lang);
    if (!position.step()) return {};
    // The language's documents are one rowid range (search_index.cpp), which FTS5 seeks to
    // instead of ranking every language's matches (tests/bench/search_bench.cpp compares).
    const std::int64_t first = position.integer(0) << 32, last = first | 0xFFFFFFFF;
    auto s = db_.prepare(
        "SELECT d.kind, d.item_id FROM (SELECT rowid, bm25(search, 10.0, 1.0) AS score FROM search "
        "WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3 ORDER BY score LIMIT ?4) AS hit "
        "JOIN search_doc AS d ON d.doc = hit.rowid ORDER BY hit.score");
    s.bind(1, match).bind(2, first).bind(3, last).bind(4, std::int64_t{limit});
    std::vector<SearchHit> out;
    while (s.step())
        if (!on || shown(s.text(0), s.text(1), *on)) out.push_back({s.text(0), s.text(1)});
    return out;
}

std::vector<Keyboard> Bundle::keyboards() const {
    std::vector<Keyboard> out;
    for (auto s = db_.prepare("SELECT id, label, languages, rows, forms FROM keyboard ORDER BY position"); s.step();) {
        Keyboard k{s.text(0), s.text(1), split_words(s.text(2)), {}, {}};
        for_each_line(s.text(3), [&](int, const std::string& row) { k.rows.push_back(split_words(row)); });
        for_each_line(s.text(4), [&](int, const std::string& forms) {
            if (!forms.empty()) k.forms.push_back(split_words(forms));  // no forms: one empty line
        });
        out.push_back(std::move(k));
    }
    return out;
}

std::vector<MapChunk> Bundle::chunks_in(double min_x, double min_y, double max_x, double max_y) const {
    if (!map_) return {};
    return read_chunks_in(db_, {min_x, min_y, max_x, max_y});
}

std::vector<std::int64_t> Bundle::chunk_ids_in(double min_x, double min_y, double max_x, double max_y) const {
    if (!map_) return {};
    return read_chunk_ids_in(db_, {min_x, min_y, max_x, max_y});
}

std::optional<GuideView> Bundle::guide(std::string_view id, std::string_view lang, ShownOn on) const {
    auto g = db_.prepare("SELECT category_id FROM guide WHERE id = ?");
    g.bind(1, id);
    if (!g.step()) return std::nullopt;
    GuideView view;
    view.id = id;
    view.category_id = g.text(0);

    // Title, summary and body must come from one language, so the chain is walked per guide.
    auto text = db_.prepare("SELECT title, summary, body, outdated FROM guide_text WHERE guide_id = ? AND lang = ?");
    for (const auto& code : chain_for(lang)) {
        text.bind(1, id).bind(2, code);
        if (text.step()) {
            view.lang = code;
            view.is_fallback = code != lang;
            view.title = text.text(0);
            view.summary = text.text(1);
            view.body = parse_markup(text.text(2));
            view.is_outdated = text.integer(3) != 0;
            break;
        }
        text.reset();
    }
    // A link leads to its QR screen by id; one this bundle lacks (or an address written in
    // the text, which the build refuses) is shown as plain words, not a dead underline.
    auto known = db_.prepare("SELECT 1 FROM link WHERE id = ?");
    for (auto& block : view.body.blocks)
        for (auto& span : block.spans) {
            if (!span.target.starts_with("link:")) {
                span.target.clear();
                continue;
            }
            known.bind(1, std::string_view(span.target).substr(5));
            if (!known.step()) span.target.clear();
            known.reset();
        }

    auto places = db_.prepare("SELECT place_id FROM guide_place WHERE guide_id = ? ORDER BY position");
    places.bind(1, id);
    while (places.step())
        if (!on || shown("place", places.text(0), *on))
            if (auto p = place(places.text(0), lang)) view.places.push_back(std::move(*p));
    auto links = db_.prepare("SELECT link_id FROM guide_link WHERE guide_id = ? ORDER BY position");
    links.bind(1, id);
    while (links.step())
        if (!on || shown("link", links.text(0), *on))
            if (auto l = link(links.text(0), lang)) view.links.push_back(std::move(*l));
    return view;
}

std::optional<LinkView> Bundle::link(std::string_view id, std::string_view lang) const {
    auto s = db_.prepare("SELECT kind, target, approximate FROM link WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return LinkView{std::string(id), s.text(0), s.text(1), s.integer(2) != 0,
                    pick_one("SELECT lang, label FROM link_text WHERE link_id = ?", id, lang)};
}

std::vector<unsigned char> Bundle::recording(std::string_view lang, std::string_view text) const {
    auto s = db_.prepare("SELECT data FROM recording WHERE lang = ? AND key = ?");
    s.bind(1, lang).bind(2, spoken_key(text));
    return s.step() ? s.blob(0) : std::vector<unsigned char>{};
}

std::string Bundle::spoken_variant(std::string_view lang, std::string_view text) const {
    auto s = db_.prepare("SELECT text FROM spoken_variant WHERE lang = ? AND key = ?");
    s.bind(1, lang).bind(2, spoken_key(text));
    return s.step() ? s.text(0) : std::string();
}

bool Bundle::has_recordings(std::string_view lang) const {
    auto s = db_.prepare("SELECT 1 FROM recording WHERE lang = ? LIMIT 1");
    s.bind(1, lang);
    return s.step();
}

std::vector<std::string> Bundle::link_ids() const {
    std::vector<std::string> ids;
    for (auto s = db_.prepare("SELECT id FROM link ORDER BY rowid"); s.step();) ids.push_back(s.text(0));
    return ids;
}

std::vector<PlaceView> Bundle::places(std::string_view lang, ShownOn on) const {
    std::vector<PlaceView> out;
    auto s = db_.prepare("SELECT id FROM place WHERE " + shown_clause(1, 2) + " ORDER BY rowid");
    bind_shown_on(s, 1, 2, on);
    while (s.step())
        if (auto p = place(s.text(0), lang)) out.push_back(std::move(*p));
    return out;
}

bool Bundle::has_places() const { return db_.prepare("SELECT 1 FROM place LIMIT 1").step(); }

std::optional<PlaceView> Bundle::place(std::string_view id, std::string_view lang) const {
    auto s = db_.prepare(
        "SELECT kind, name, address, lat, lon, approximate, opening_hours, phone, shown_from, shown_until FROM place WHERE id = ?");
    s.bind(1, id);
    PlaceView view;
    if (!s.step()) return std::nullopt;
    view.place = {std::string(id), s.text(0), s.text(1), s.text(2), s.real(3), s.real(4), s.integer(5) != 0, s.text(6), s.text(7), {},
                  {parse_date(s.text(8)), parse_date(s.text(9))}};
    view.note = pick_one("SELECT lang, note FROM place_text WHERE place_id = ?", id, lang);
    view.access = pick_one("SELECT lang, access FROM place_access WHERE place_id = ?", id, lang);
    auto services = db_.prepare("SELECT service_id FROM place_service WHERE place_id = ? ORDER BY position");
    services.bind(1, id);
    while (services.step()) {
        view.place.services.push_back(services.text(0));
        view.services.push_back({services.text(0), ui("service." + services.text(0), lang)});
    }
    return view;
}

namespace {
std::vector<Stop> read_stops(sql::Statement& s) {
    std::vector<Stop> out;
    while (s.step())
        if (const auto date = parse_date(s.text(1)))
            out.push_back({s.text(0), *date, int(s.integer(2)), int(s.integer(3)), s.text(4), s.text(5), s.real(6), s.real(7),
                           s.integer(8) != 0, s.integer(9) != 0});
    return out;
}
constexpr const char* kStopColumns = "SELECT unit_id, date, from_minute, to_minute, name, address, lat, lon, approximate, example FROM unit_stop ";
}  // namespace

std::vector<Stop> Bundle::stops(std::string_view unit_id) const {
    auto s = db_.prepare(std::string(kStopColumns) + "WHERE unit_id = ? ORDER BY date, from_minute");
    s.bind(1, unit_id);
    return read_stops(s);
}

std::vector<Stop> Bundle::upcoming_stops(std::string_view unit_id, Instant now, int limit) const {
    if (limit <= 0) return {};
    // A stop ends on its own date, so those of earlier dates are over: the rest are few.
    auto s = db_.prepare(std::string(kStopColumns) + "WHERE unit_id = ? AND date >= ? ORDER BY date, from_minute");
    s.bind(1, unit_id).bind(2, format_date(TimeZone::rome().local(now).date));
    return first_upcoming(read_stops(s), now, static_cast<size_t>(limit));
}

}  // namespace content
