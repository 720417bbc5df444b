#include "content/build/bundle_diff.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "content/model/bundle.hpp"
#include "content/model/map_projection.hpp"
#include "content/model/sqlite.hpp"

namespace content {

namespace {

// A table read as rows by key: `sql` selects the key columns first, then the value columns.
using Rows = std::map<std::vector<std::string>, std::vector<std::string>>;

Rows read_rows(const sql::Database& db, const std::string& sql, int key_columns, int value_columns) {
    Rows rows;
    auto st = db.prepare(sql);
    while (st.step()) {
        std::vector<std::string> key, value;
        for (int i = 0; i < key_columns; ++i) key.push_back(st.text(i));
        for (int i = 0; i < value_columns; ++i) value.push_back(st.text(key_columns + i));
        rows[key] = value;
    }
    return rows;
}

struct Both {
    Rows before, after;
};

Both both(const sql::Database& old_db, const sql::Database& new_db, const std::string& sql, int keys, int values) {
    return {read_rows(old_db, sql, keys, values), read_rows(new_db, sql, keys, values)};
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

// Texts kept per (item, language): per item, the languages where it was added, removed or
// changed (and which fields), as one line.
void per_language(const Both& b, const std::vector<std::string>& fields, const std::string& what, std::vector<std::string>& out) {
    std::map<std::string, std::vector<std::string>> added, removed, changed;
    for (const auto& [key, value] : b.after) {
        const auto old = b.before.find(key);
        if (old == b.before.end()) {
            added[key[0]].push_back(key[1]);
            continue;
        }
        std::vector<std::string> differ;
        for (size_t i = 0; i < fields.size(); ++i)
            if (value[i] != old->second[i]) differ.push_back(fields[i]);
        if (!differ.empty()) changed[key[0]].push_back(key[1] + (fields.size() > 1 ? " (" + join(differ) + ")" : ""));
    }
    for (const auto& [key, value] : b.before)
        if (!b.after.contains(key)) removed[key[0]].push_back(key[1]);
    std::set<std::string> items;
    for (const auto* m : {&added, &removed, &changed})
        for (const auto& [item, langs] : *m) items.insert(item);
    for (const auto& item : items) {
        std::string line = what + " " + item + ":";
        if (changed.contains(item)) line += " changed in " + join(changed[item]) + ";";
        if (added.contains(item)) line += " added in " + join(added[item]) + ";";
        if (removed.contains(item)) line += " removed in " + join(removed[item]) + ";";
        line.pop_back();
        out.push_back(line);
    }
}

// Items with one row each (guides, places, links): added and removed.
void added_removed(const Both& b, const std::string& what, std::vector<std::string>& out) {
    std::vector<std::string> added, removed;
    for (const auto& [key, value] : b.after)
        if (!b.before.contains(key)) added.push_back(key[0]);
    for (const auto& [key, value] : b.before)
        if (!b.after.contains(key)) removed.push_back(key[0]);
    if (!added.empty()) out.push_back(what + " added: " + join(added));
    if (!removed.empty()) out.push_back(what + " removed: " + join(removed));
}

}  // namespace

std::vector<std::string> diff_bundles(const std::filesystem::path& old_bundle, const std::filesystem::path& new_bundle) {
    // Opened as the kiosk opens them, so a file that is no bundle is refused the same way.
    const Bundle old_check(old_bundle), new_check(new_bundle);
    const sql::Database old_db(old_bundle, sql::Database::Mode::ReadOnly), new_db(new_bundle, sql::Database::Mode::ReadOnly);
    std::vector<std::string> out;

    const auto meta = both(old_db, new_db, "SELECT key, value FROM meta", 1, 1);
    for (const auto& [key, value] : meta.after)
        if (const auto old = meta.before.find(key); old != meta.before.end() && old->second != value)
            out.push_back(key[0] + ": " + old->second[0] + " → " + value[0]);
    added_removed(both(old_db, new_db, "SELECT code, native_name FROM language", 1, 1), "languages", out);

    added_removed(both(old_db, new_db, "SELECT id, category_id FROM guide", 1, 1), "guides", out);
    per_language(both(old_db, new_db, "SELECT guide_id, lang, title, summary, body FROM guide_text", 2, 3), {"title", "summary", "body"},
                 "guide", out);
    per_language(both(old_db, new_db, "SELECT key, lang, text FROM ui_string", 2, 1), {"text"}, "string", out);

    const auto places = both(old_db, new_db, "SELECT id, lat, lon, opening_hours, name, address, phone, kind FROM place", 1, 7);
    added_removed(places, "places", out);
    for (const auto& [key, value] : places.after) {
        const auto old = places.before.find(key);
        if (old == places.before.end()) continue;
        const auto& was = old->second;
        // Metres on the ground, with the projection the map uses (exact enough for a city).
        const MapProjection around(std::stod(was[0]), std::stod(was[1]));
        const double moved = distance_metres({0, 0}, around.project(std::stod(value[0]), std::stod(value[1])));
        if (moved >= 1) {
            char metres[32];
            std::snprintf(metres, sizeof metres, "%.0f m", moved);
            out.push_back("place " + key[0] + ": moved " + metres);
        }
        if (value[2] != was[2]) out.push_back("place " + key[0] + ": hours \"" + was[2] + "\" → \"" + value[2] + "\"");
        const char* fields[] = {"name", "address", "phone", "kind"};
        for (int i = 0; i < 4; ++i)
            if (value[3 + i] != was[3 + i]) out.push_back("place " + key[0] + ": " + fields[i] + " \"" + was[3 + i] + "\" → \"" + value[3 + i] + "\"");
    }
    per_language(both(old_db, new_db, "SELECT place_id, lang, note FROM place_text", 2, 1), {"note"}, "place note", out);

    const auto links = both(old_db, new_db, "SELECT id, target FROM link", 1, 1);
    added_removed(links, "links", out);
    for (const auto& [key, value] : links.after)
        if (const auto old = links.before.find(key); old != links.before.end() && old->second != value)
            out.push_back("link " + key[0] + ": " + old->second[0] + " → " + value[0]);
    per_language(both(old_db, new_db, "SELECT link_id, lang, label FROM link_text", 2, 1), {"label"}, "link label", out);
    return out;
}

}  // namespace content
