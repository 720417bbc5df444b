#include "content/model/map_index.hpp"

#include <bit>
#include <cstring>

#include "content/model/sqlite.hpp"

namespace content {

static_assert(std::endian::native == std::endian::little, "map BLOBs are little-endian, as the Pi and PCs are");

namespace {

template <typename T>
std::vector<unsigned char> to_blob(const std::vector<T>& values) {
    std::vector<unsigned char> bytes(values.size() * sizeof(T));
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

template <typename T>
std::vector<T> from_blob(const std::vector<unsigned char>& bytes) {
    std::vector<T> values(bytes.size() / sizeof(T));
    if (!values.empty()) std::memcpy(values.data(), bytes.data(), values.size() * sizeof(T));
    return values;
}

const char* kind_name(MapLayerKind kind) { return kind == MapLayerKind::Polygon ? "polygon" : "line"; }

// The R*Tree finds the boxes; the join fetches their chunks by rowid.
constexpr const char* kIntersecting =
    " FROM map_chunk_box AS b JOIN map_chunk AS c ON c.id = b.id"
    " WHERE b.max_x >= ?1 AND b.min_x <= ?3 AND b.max_y >= ?2 AND b.min_y <= ?4 ORDER BY c.layer, c.id";

void bind_view(sql::Statement& s, const MapBox& view) { s.bind(1, view.min_x).bind(2, view.min_y).bind(3, view.max_x).bind(4, view.max_y); }

}  // namespace

void write_map(sql::Database& db, const BuiltMap& map) {
    if (map.info.layers.empty()) return;
    const MapInfo& info = map.info;
    db.prepare("INSERT INTO map(id, origin_lat, origin_lon, attribution, min_x, min_y, max_x, max_y) VALUES(1, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, info.projection.origin().lat).bind(2, info.projection.origin().lon).bind(3, info.attribution)
        .bind(4, info.bounds.min_x).bind(5, info.bounds.min_y).bind(6, info.bounds.max_x).bind(7, info.bounds.max_y).run();
    auto layer = db.prepare("INSERT INTO map_layer(position, id, kind, fill, stroke, stroke_width_px) VALUES(?, ?, ?, ?, ?, ?)");
    std::int64_t position = 0;
    for (const auto& l : info.layers)
        layer.bind(1, position++).bind(2, l.id).bind(3, std::string_view(kind_name(l.kind))).bind(4, std::int64_t{l.fill})
            .bind(5, std::int64_t{l.stroke}).bind(6, double{l.stroke_width_px}).run();
    auto chunk = db.prepare(
        "INSERT INTO map_chunk(id, layer, triangle_xy, triangle_indices, line_xy, line_lengths) VALUES(?, ?, ?, ?, ?, ?)");
    auto box = db.prepare("INSERT INTO map_chunk_box(id, min_x, max_x, min_y, max_y) VALUES(?, ?, ?, ?, ?)");
    for (const auto& c : map.chunks) {
        chunk.bind(1, c.id).bind(2, std::int64_t{c.layer}).bind_blob(3, to_blob(c.triangle_xy)).bind_blob(4, to_blob(c.triangle_indices))
            .bind_blob(5, to_blob(c.line_xy)).bind_blob(6, to_blob(c.line_lengths)).run();
        box.bind(1, c.id).bind(2, c.box.min_x).bind(3, c.box.max_x).bind(4, c.box.min_y).bind(5, c.box.max_y).run();
    }
}

std::optional<MapInfo> read_map_info(const sql::Database& db) {
    auto map = db.prepare("SELECT origin_lat, origin_lon, attribution, min_x, min_y, max_x, max_y FROM map");
    if (!map.step()) return std::nullopt;
    MapInfo info{MapProjection(map.real(0), map.real(1)), map.text(2), {}, {map.real(3), map.real(4), map.real(5), map.real(6)}};
    for (auto s = db.prepare("SELECT id, kind, fill, stroke, stroke_width_px FROM map_layer ORDER BY position"); s.step();)
        info.layers.push_back({s.text(0), s.text(1) == "line" ? MapLayerKind::Line : MapLayerKind::Polygon, static_cast<std::uint32_t>(s.integer(2)),
                               static_cast<std::uint32_t>(s.integer(3)), static_cast<float>(s.real(4))});
    return info;
}

std::vector<MapChunk> read_chunks_in(const sql::Database& db, const MapBox& view) {
    auto s = db.prepare(std::string("SELECT c.id, c.layer, b.min_x, b.min_y, b.max_x, b.max_y,"
                                    " c.triangle_xy, c.triangle_indices, c.line_xy, c.line_lengths") + kIntersecting);
    bind_view(s, view);
    std::vector<MapChunk> chunks;
    while (s.step())
        chunks.push_back({s.integer(0), static_cast<int>(s.integer(1)), {s.real(2), s.real(3), s.real(4), s.real(5)},
                          from_blob<float>(s.blob(6)), from_blob<std::uint16_t>(s.blob(7)), from_blob<float>(s.blob(8)),
                          from_blob<std::uint32_t>(s.blob(9))});
    return chunks;
}

std::vector<std::int64_t> read_chunk_ids_in(const sql::Database& db, const MapBox& view) {
    auto s = db.prepare(std::string("SELECT c.id") + kIntersecting);
    bind_view(s, view);
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.integer(0));
    return ids;
}

}  // namespace content
