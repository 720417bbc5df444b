#pragma once
// A built basemap as plain data, shared by the builder (map_build.hpp), the bundle writer and
// the reader (map_index.hpp, Bundle::map). Coordinates are metres of map_projection.hpp.
#include <cstdint>
#include <string>
#include <vector>

#include "content/model/map_projection.hpp"
#include "content/model/model.hpp"

namespace content {

/// An axis-aligned box in map metres; a point box when min == max.
struct MapBox {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;

    bool intersects(const MapBox& o) const { return min_x <= o.max_x && o.min_x <= max_x && min_y <= o.max_y && o.min_y <= max_y; }
};

/// A piece of one layer inside one grid cell (map_build.hpp): what the kiosk draws, as is.
/// Vertices are x, y pairs; triangle_indices index triangle_xy's pairs, three per triangle; the
/// polylines follow each other in line_xy, line_lengths giving each one's number of points.
struct MapChunk {
    std::int64_t id = 0;
    int layer = 0;  // index into MapInfo::layers
    MapBox box;     // exactly the extent of the chunk's vertices
    std::vector<float> triangle_xy;
    std::vector<std::uint16_t> triangle_indices;
    std::vector<float> line_xy;
    std::vector<std::uint32_t> line_lengths;
};

/// Everything about the map but its chunks: small, read once when a bundle opens.
struct MapInfo {
    MapProjection projection;
    std::string attribution;
    std::vector<MapLayerStyle> layers;  // drawing order, the first at the bottom
    MapBox bounds;                      // of every chunk
};

/// A whole built map, as the bundle writer stores it (map_index.hpp).
struct BuiltMap {
    MapInfo info;
    std::vector<MapChunk> chunks;  // ids from 1, by layer, then grid row and column
};

}  // namespace content
