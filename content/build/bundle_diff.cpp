#include "content/build/bundle_diff.hpp"

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "content/model/bundle.hpp"
#include "content/model/map_projection.hpp"
#include "content/model/sqlite.hpp"

namespace content {

namespace {

// A table read as rows by key: `sql` selects the key columns first, then the value columns.
using Key = std::vector<std::string>;
using Rows = std::map<Key, std::vector<std::string>>;

Rows read_rows(const sql::Database& db, const std::string& sql, size_t key_columns, size_t value_columns) {
    Rows rows;
    auto st = db.prepare(sql);
    while (st.step()) {
        Key key;
        std::vector<std::string> value;
        for (size_t i = 0; i < key_columns; ++i) key.push_back(st.text(int(i)));
        for (size_t i = 0; i < value_columns; ++i) value.push_back(st.text(int(key_columns + i)));
        rows[key] = value;
    }
    return rows;
}

// One table the bundle holds, as a content manager names its rows. Every table of the schema is
// here except what the build derives from these: the fonts cut to the texts, the search index.
struct Table {
    std::string sql;                          // the key columns, then one column per field
    size_t keys;
    std::vector<std::string> fields;          // the value columns' names, "" for a row's one value
    std::function<std::string(const Key&)> subject;
    bool positions = false;  // places: also how far each one moved
};

std::vector<Table> tables() {
    const auto item = [](const char* what) { return [what](const Key& k) { return std::string(what) + " " + k[0]; }; };
    const auto in_language = [](const char* what) { return [what](const Key& k) { return std::string(what) + " " + k[0] + ", in " + k[1]; }; };
    const auto member = [](const char* owner, const char* what) {
        return [owner, what](const Key& k) { return std::string(owner) + " " + k[0] + ", " + what + " " + k[1]; };
    };
    return {
        {"SELECT key, value FROM meta", 1, {""}, item("bundle.ini")},
        {"SELECT code, native_name, direction, position FROM language", 1, {"name", "direction", "position"}, item("language")},
        {"SELECT id, icon, position FROM category", 1, {"icon", "position"}, item("category")},
        {"SELECT category_id, lang, ifnull(title, '(fallback)'), ifnull(summary, '(fallback)') FROM category_text", 2,
         {"title", "summary"}, in_language("category")},
        {"SELECT id, category_id, position, shown_from, shown_until FROM guide", 1, {"category", "position", "from", "until"}, item("guide")},
        {"SELECT guide_id, lang, title, summary, body, outdated FROM guide_text", 2, {"title", "summary", "body", "outdated"}, in_language("guide")},
        {"SELECT guide_id, place_id, position FROM guide_place", 2, {"position"}, member("guide", "place")},
        {"SELECT guide_id, link_id, position FROM guide_link", 2, {"position"}, member("guide", "link")},
        {"SELECT key, lang, text FROM ui_string", 2, {""}, in_language("string")},
        // lat and lon are compared as a distance (below), not here.
        {"SELECT id, kind, name, address, approximate, opening_hours, phone, shown_from, shown_until FROM place", 1,
         {"kind", "name", "address", "approximate", "hours", "phone", "from", "until"}, item("place"), true},
        {"SELECT place_id, lang, note FROM place_text", 2, {"note"}, in_language("place")},
        {"SELECT place_id, lang, access FROM place_access", 2, {"access"}, in_language("place")},
        {"SELECT place_id, service_id, position FROM place_service", 2, {"position"}, member("place", "service")},
        {"SELECT unit_id, date, printf('%02d:%02d', from_minute / 60, from_minute % 60), "
         "printf('%02d:%02d', to_minute / 60, to_minute % 60), name, address, lat, lon, approximate, example FROM unit_stop",
         3, {"until", "name", "address", "lat", "lon", "approximate", "example"},
         [](const Key& k) { return "stop of " + k[0] + " on " + k[1] + " at " + k[2]; }},
        {"SELECT id, kind, target, approximate, shown_from, shown_until FROM link", 1, {"kind", "target", "approximate", "from", "until"},
         item("link")},
        {"SELECT id, target, shown_from, shown_until, position FROM notice", 1, {"on", "from", "until", "position"}, item("notice")},
        {"SELECT link_id, lang, label FROM link_text", 2, {"label"}, in_language("link")},
        {"SELECT id, label, languages, rows, forms, position FROM keyboard", 1, {"label", "languages", "keys", "forms", "position"},
         item("keyboard")},
        {"SELECT 'map', attribution FROM map", 1, {"attribution"}, [](const Key&) { return std::string("map"); }},
        {"SELECT id, kind, fill, stroke, stroke_width_px, position FROM map_layer", 1, {"kind", "fill", "stroke", "width", "position"},
         item("map layer")},
    };
}

// A value as the line shows it: quoted, and shortened when long unless the whole is wanted.
std::string quoted(const std::string& text, bool whole) {
    constexpr size_t kMost = 160;
    if (whole || text.size() <= kMost) return "\"" + text + "\"";
    size_t cut = kMost;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return "\"" + text.substr(0, cut) + "…\"";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at <= text.size()) {
        const size_t end = text.find('\n', at);
        out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return out;
}

// A change of a field: old and new wording. A text of several lines (a guide's body) shows only
// the lines that differ, joined by " / ", with the line number where they start.
std::string change(const std::string& field, const std::string& was, const std::string& now, bool whole) {
    const std::string name = field.empty() ? "" : field + " ";
    if (was.find('\n') == std::string::npos && now.find('\n') == std::string::npos) return name + quoted(was, whole) + " → " + quoted(now, whole);
    const auto a = lines_of(was), b = lines_of(now);
    size_t first = 0;
    while (first < a.size() && first < b.size() && a[first] == b[first]) ++first;
    size_t tail = 0;
    while (tail < a.size() - first && tail < b.size() - first && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    const auto middle = [&](const std::vector<std::string>& lines) {
        std::string out;
        for (size_t i = first; i < lines.size() - tail; ++i) out += (out.empty() ? "" : " / ") + lines[i];
        return out;
    };
    return name + "line " + std::to_string(first + 1) + " " + quoted(middle(a), whole) + " → " + quoted(middle(b), whole);
}

void compare(const Table& t, const Rows& before, const Rows& after, bool whole, std::vector<std::string>& out) {
    for (const auto& [key, value] : after) {
        const auto old = before.find(key);
        if (old == before.end()) {
            out.push_back(t.subject(key) + ": added");
            continue;
        }
        for (size_t i = 0; i < t.fields.size(); ++i)
            if (value[i] != old->second[i])
                out.push_back(t.subject(key) + ": " + change(t.fields[i], old->second[i], value[i], whole));
    }
    for (const auto& [key, value] : before)
        if (!after.contains(key)) out.push_back(t.subject(key) + ": removed");
}

// Places moved, in metres on the ground (the projection the map uses: exact enough for a city).
void compare_positions(const sql::Database& old_db, const sql::Database& new_db, std::vector<std::string>& out) {
    const std::string sql = "SELECT id, lat, lon FROM place";
    const auto before = read_rows(old_db, sql, 1, 2), after = read_rows(new_db, sql, 1, 2);
    for (const auto& [key, value] : after) {
        const auto old = before.find(key);
        if (old == before.end()) continue;
        const MapProjection around(std::stod(old->second[0]), std::stod(old->second[1]));
        const double moved = distance_metres({0, 0}, around.project(std::stod(value[0]), std::stod(value[1])));
        if (moved < 1) continue;
        char line[160];
        std::snprintf(line, sizeof line, ": moved %.0f m (%s, %s → %s, %s)", moved, old->second[0].c_str(), old->second[1].c_str(),
                      value[0].c_str(), value[1].c_str());
        out.push_back("place " + key[0] + line);
    }
}

// A map layer's shapes, piece by piece (every piece's geometry), so that any change to a map
// file shows: one line a layer.
void compare_shapes(const sql::Database& old_db, const sql::Database& new_db, std::vector<std::string>& out) {
    const std::string sql = "SELECT l.id, c.id, hex(c.triangle_xy) || hex(c.triangle_indices) || hex(c.line_xy) || hex(c.line_lengths) "
                            "FROM map_chunk c JOIN map_layer l ON l.position = c.layer";
    const auto before = read_rows(old_db, sql, 2, 1), after = read_rows(new_db, sql, 2, 1);
    std::set<std::string> changed;
    for (const auto& [key, value] : after)
        if (const auto old = before.find(key); old == before.end() || old->second != value) changed.insert(key[0]);
    for (const auto& [key, value] : before)
        if (!after.contains(key)) changed.insert(key[0]);
    for (const auto& layer : changed) out.push_back("map layer " + layer + ": shapes changed");
}

}  // namespace

std::vector<std::string> diff_bundles(const std::filesystem::path& old_bundle, const std::filesystem::path& new_bundle, bool whole_texts) {
    // Opened as the kiosk opens them, so a file that is no bundle is refused the same way.
    const Bundle old_check(old_bundle), new_check(new_bundle);
    const sql::Database old_db(old_bundle, sql::Database::Mode::ReadOnly), new_db(new_bundle, sql::Database::Mode::ReadOnly);
    std::vector<std::string> out;
    for (const auto& t : tables()) {
        const size_t values = t.fields.size();
        compare(t, read_rows(old_db, t.sql, t.keys, values), read_rows(new_db, t.sql, t.keys, values), whole_texts, out);
        if (t.positions) compare_positions(old_db, new_db, out);
    }
    compare_shapes(old_db, new_db, out);
    return out;
}

}  // namespace content
