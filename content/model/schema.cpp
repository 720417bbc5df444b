#include "content/model/schema.hpp"

#include <string>

#include "content/model/sqlite.hpp"

namespace content {

namespace {
// Text in the visitor's language lives in *_text tables keyed by (item, lang), so a missing
// translation is a missing row and the reader can fall back per item.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE language(
  code TEXT PRIMARY KEY, native_name TEXT NOT NULL,
  direction TEXT NOT NULL CHECK(direction IN ('ltr','rtl')), position INTEGER NOT NULL);
CREATE TABLE ui_string(
  key TEXT NOT NULL, lang TEXT NOT NULL REFERENCES language(code), text TEXT NOT NULL,
  PRIMARY KEY(key, lang));
CREATE TABLE category(id TEXT PRIMARY KEY, icon TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE category_text(
  category_id TEXT NOT NULL REFERENCES category(id), lang TEXT NOT NULL REFERENCES language(code),
  title TEXT, summary TEXT, PRIMARY KEY(category_id, lang), CHECK(title IS NOT NULL OR summary IS NOT NULL));
-- shown_from and shown_until (guide, place, link, notice): the first and last day shown,
-- YYYY-MM-DD on the kiosk's calendar in Torino, '' for no limit (model.hpp ShownDays).
CREATE TABLE guide(
  id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES category(id), position INTEGER NOT NULL,
  shown_from TEXT NOT NULL, shown_until TEXT NOT NULL);
CREATE TABLE guide_text(
  guide_id TEXT NOT NULL REFERENCES guide(id), lang TEXT NOT NULL REFERENCES language(code),
  title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
  outdated INTEGER NOT NULL CHECK(outdated IN (0, 1)), PRIMARY KEY(guide_id, lang));
CREATE TABLE place(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, address TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL, approximate INTEGER NOT NULL,
  opening_hours TEXT NOT NULL, phone TEXT NOT NULL, shown_from TEXT NOT NULL, shown_until TEXT NOT NULL);
CREATE TABLE place_text(
  place_id TEXT NOT NULL REFERENCES place(id), lang TEXT NOT NULL REFERENCES language(code),
  note TEXT NOT NULL, PRIMARY KEY(place_id, lang));
CREATE TABLE place_access(
  place_id TEXT NOT NULL REFERENCES place(id), lang TEXT NOT NULL REFERENCES language(code),
  access TEXT NOT NULL, PRIMARY KEY(place_id, lang));
-- A place's services in the source's order; their labels are the ui_string rows service.<id>.
CREATE TABLE place_service(
  place_id TEXT NOT NULL REFERENCES place(id), service_id TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY(place_id, service_id));
-- A mobile unit's stops: date YYYY-MM-DD and minutes after midnight, Europe/Rome wall clock.
CREATE TABLE unit_stop(
  unit_id TEXT NOT NULL REFERENCES place(id), date TEXT NOT NULL,
  from_minute INTEGER NOT NULL CHECK(from_minute >= 0), to_minute INTEGER NOT NULL CHECK(to_minute > from_minute AND to_minute < 1440),
  name TEXT NOT NULL, address TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, approximate INTEGER NOT NULL,
  example INTEGER NOT NULL, PRIMARY KEY(unit_id, date, from_minute));
CREATE TABLE link(
  id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('booking','web','tel','directions')),
  target TEXT NOT NULL, approximate INTEGER NOT NULL, shown_from TEXT NOT NULL, shown_until TEXT NOT NULL);
-- Dated banners; target is home, guide:<id> or place:<id>; the text is ui_string notice.<id>.
CREATE TABLE notice(
  id TEXT PRIMARY KEY, target TEXT NOT NULL, shown_from TEXT NOT NULL, shown_until TEXT NOT NULL,
  position INTEGER NOT NULL);
CREATE TABLE link_text(
  link_id TEXT NOT NULL REFERENCES link(id), lang TEXT NOT NULL REFERENCES language(code),
  label TEXT NOT NULL, PRIMARY KEY(link_id, lang));
CREATE TABLE guide_place(
  guide_id TEXT NOT NULL REFERENCES guide(id), place_id TEXT NOT NULL REFERENCES place(id),
  position INTEGER NOT NULL, PRIMARY KEY(guide_id, place_id));
CREATE TABLE guide_link(
  guide_id TEXT NOT NULL REFERENCES guide(id), link_id TEXT NOT NULL REFERENCES link(id),
  position INTEGER NOT NULL, PRIMARY KEY(guide_id, link_id));
-- Texts read aloud by a person, Ogg Vorbis, found by the letters, marks and digits of the text
-- they read (spoken_key.hpp) in their language.
CREATE TABLE recording(lang TEXT NOT NULL REFERENCES language(code), key TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY(lang, key));
-- What the voice reads instead of a text (Arabic with its short vowels), found as a recording is.
CREATE TABLE spoken_variant(lang TEXT NOT NULL REFERENCES language(code), key TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY(lang, key));
-- Fonts in fallback order; languages space-separated, empty when the family serves any text.
CREATE TABLE font(
  position INTEGER PRIMARY KEY, family TEXT NOT NULL, style TEXT NOT NULL CHECK(style IN ('regular','bold')),
  scale REAL NOT NULL, line_height REAL NOT NULL, languages TEXT NOT NULL, data BLOB NOT NULL);
-- Full-text search (search_index.cpp). Contentless: the texts are in the tables above, the index
-- holds only their folded form (search_text.hpp). unicode61 just splits on what folding left:
-- M* keeps Bengali vowel signs inside words. A document's rowid is its language's position << 32
-- | its number, so one language is one rowid range the reader filters on.
CREATE VIRTUAL TABLE search USING fts5(
  title, body, content='', prefix='1 2 3',
  tokenize="unicode61 remove_diacritics 0 categories 'L* M* N* Co'");
CREATE TABLE search_doc(
  doc INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK(kind IN ('guide','place')), item_id TEXT NOT NULL,
  lang TEXT NOT NULL REFERENCES language(code));
-- On-screen keyboards: languages space-separated, rows one per line with keys space-separated;
-- forms likewise, a line per key that has them, the key first.
CREATE TABLE keyboard(
  id TEXT PRIMARY KEY, label TEXT NOT NULL, languages TEXT NOT NULL, rows TEXT NOT NULL, forms TEXT NOT NULL,
  position INTEGER NOT NULL);
-- The offline basemap (map_index.hpp), no rows when the bundle has none. Coordinates are metres
-- east and north of the origin (map_projection.hpp); colours are 0xRRGGBB. Chunks hold BLOBs of
-- little-endian float32 x,y pairs, uint16 triangle indices and uint32 polyline lengths; the
-- R*Tree map_chunk_box has each chunk's box under the chunk's id.
CREATE TABLE map(
  id INTEGER PRIMARY KEY CHECK(id = 1), origin_lat REAL NOT NULL, origin_lon REAL NOT NULL, attribution TEXT NOT NULL,
  min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL);
CREATE TABLE map_layer(
  position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK(kind IN ('polygon','line')),
  fill INTEGER NOT NULL, stroke INTEGER NOT NULL, stroke_width_px REAL NOT NULL);
CREATE TABLE map_chunk(
  id INTEGER PRIMARY KEY, layer INTEGER NOT NULL REFERENCES map_layer(position),
  triangle_xy BLOB NOT NULL, triangle_indices BLOB NOT NULL, line_xy BLOB NOT NULL, line_lengths BLOB NOT NULL);
CREATE VIRTUAL TABLE map_chunk_box USING rtree(id, min_x, max_x, min_y, max_y);
)sql";

constexpr const char* kTables[] = {"meta", "language", "ui_string", "category", "category_text", "guide",
                                   "guide_text", "place", "place_text", "place_access", "place_service", "unit_stop", "link", "link_text", "notice", "guide_place",
                                   "guide_link", "recording", "spoken_variant", "font", "search", "search_doc", "keyboard", "map", "map_layer",
                                   "map_chunk", "map_chunk_box"};
}  // namespace

void create_schema(sql::Database& db) {
    db.exec(kSchema);
    db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
}

void check_schema(const sql::Database& db) {
    const int version = db.user_version();
    if (version != kSchemaVersion)
        throw sql::Error("bundle schema version " + std::to_string(version) + ", this kiosk reads version " +
                         std::to_string(kSchemaVersion) + "; rebuild the bundle with a matching kiosk-bundle");
    auto stmt = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    for (const char* table : kTables) {
        stmt.bind(1, std::string_view(table));
        const bool found = stmt.step();
        stmt.reset();
        if (!found) throw sql::Error(std::string("bundle has no table \"") + table + "\"; rebuild it with kiosk-bundle build");
    }
}

}  // namespace content
