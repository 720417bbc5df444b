#pragma once
// The bundle's SQLite schema. PRAGMA user_version carries kSchemaVersion; a reader refuses any
// other version rather than guessing.
namespace content::sql { class Database; }

namespace content {

// 2: fonts travel in the bundle
// 3: search index and keyboards
// 4: the offline basemap (map, map_layer, map_chunk, map_chunk_box)
// 5: places' services and access notes, mobile units' stops (place_service, place_access, unit_stop)
// 6: example stops and approximate directions links said so (unit_stop.example, link.approximate)
// 7: keyboards' letter forms (keyboard.forms); fonts kept for some languages, with their line
//    height (font.languages, font.line_height)
// 8: a category's title or summary may be missing in a language (NULL): that text alone falls back
// 9: a guide translated from a source text that has changed since is marked (guide_text.outdated)
// 10: guides, places and links shown on some days only, and dated notices (shown_from, shown_until, notice)
// 11: recorded speech and spoken variants of texts (recording, spoken_variant)
inline constexpr int kSchemaVersion = 11;

/// Creates every table in an empty database and sets user_version.
void create_schema(sql::Database& db);

/// Throws when the database is not a bundle of this schema version, saying what is wrong.
void check_schema(const sql::Database& db);

}  // namespace content
