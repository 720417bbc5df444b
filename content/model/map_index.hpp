#pragma once
// The basemap in the bundle (tables map, map_layer, map_chunk and the R*Tree map_chunk_box,
// schema.cpp): writing a built map, and reading it back — the small MapInfo once, and the chunks
// a view needs through the R*Tree. Vertex data are BLOBs of little-endian float32 x, y pairs,
// uint16 triangle indices and uint32 polyline lengths, so reading is a copy, not a parse.
#include <optional>
#include <vector>

#include "content/model/map_data.hpp"

namespace content::sql { class Database; }

namespace content {

void write_map(sql::Database& db, const BuiltMap& map);

/// The map's projection, attribution, layers and bounds; nullopt when the bundle has no map.
std::optional<MapInfo> read_map_info(const sql::Database& db);

/// The chunks whose boxes intersect `view`, in drawing order (layer, then id).
std::vector<MapChunk> read_chunks_in(const sql::Database& db, const MapBox& view);

/// Only their ids, in the same order: for a kiosk that keeps the chunks it has already read.
std::vector<std::int64_t> read_chunk_ids_in(const sql::Database& db, const MapBox& view);

}  // namespace content
