#include "content/map/map_build.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <unordered_map>

#include "content/map/map_geometry.hpp"

namespace content {

namespace {

struct Cell {
    int row = 0, column = 0;
    auto operator<=>(const Cell&) const = default;
};

MapBox box_of(Cell c) {
    return {c.column * kChunkSizeMetres, c.row * kChunkSizeMetres, (c.column + 1) * kChunkSizeMetres, (c.row + 1) * kChunkSizeMetres};
}

// The grid cells an extent touches, and whether it lies inside a single one (no clipping needed).
struct CellRange {
    int first_row, last_row, first_column, last_column;
    bool single() const { return first_row == last_row && first_column == last_column; }
};

CellRange cells_of(const MapBox& e) {
    auto index = [](double metres) { return static_cast<int>(std::floor(metres / kChunkSizeMetres)); };
    return {index(e.min_y), index(e.max_y), index(e.min_x), index(e.max_x)};
}

struct CellContent {
    std::vector<Triangle> triangles;
    std::vector<std::vector<MapPoint>> lines;
};

// Packs one cell's triangles and polylines into chunks of float32 vertices, sharing the vertices
// triangles have in common, starting a new chunk when 16-bit indices would run out.
class ChunkPacker {
public:
    ChunkPacker(int layer, std::int64_t& next_id, std::vector<MapChunk>& out) : layer_(layer), next_id_(next_id), out_(out) {}

    void pack(const CellContent& cell) {
        for (const Triangle& t : cell.triangles) add(t);
        for (const auto& line : cell.lines) add(line);
        flush();
    }

private:
    static std::uint64_t key(float x, float y) {
        return std::uint64_t{std::bit_cast<std::uint32_t>(x)} << 32 | std::bit_cast<std::uint32_t>(y);
    }

    void add(const Triangle& t) {
        const MapPoint corners[] = {t.a, t.b, t.c};
        size_t fresh = 0;
        for (const MapPoint& p : corners) fresh += !index_.contains(key(float(p.x), float(p.y)));
        if (chunk_.triangle_xy.size() / 2 + fresh > kMaxChunkVertices) flush();
        for (const MapPoint& p : corners) {
            const float x = float(p.x), y = float(p.y);
            auto [it, added] = index_.try_emplace(key(x, y), static_cast<std::uint16_t>(chunk_.triangle_xy.size() / 2));
            if (added) chunk_.triangle_xy.insert(chunk_.triangle_xy.end(), {x, y});
            chunk_.triangle_indices.push_back(it->second);
        }
    }

    void add(const std::vector<MapPoint>& line) {
        std::vector<float> xy;
        for (const MapPoint& p : line) {
            const float x = float(p.x), y = float(p.y);
            if (xy.size() >= 2 && xy[xy.size() - 2] == x && xy.back() == y) continue;  // same point once rounded
            xy.insert(xy.end(), {x, y});
        }
        if (xy.size() < 4) return;
        chunk_.line_xy.insert(chunk_.line_xy.end(), xy.begin(), xy.end());
        chunk_.line_lengths.push_back(static_cast<std::uint32_t>(xy.size() / 2));
    }

    void flush() {
        if (chunk_.triangle_xy.empty() && chunk_.line_xy.empty()) return;
        chunk_.id = next_id_++;
        chunk_.layer = layer_;
        chunk_.box = extent_of_vertices();
        out_.push_back(std::move(chunk_));
        chunk_ = {};
        index_.clear();
    }

    // Exact: the float32 vertices are what the kiosk draws and what the R*Tree stores.
    MapBox extent_of_vertices() const {
        MapBox box{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const auto* xy : {&chunk_.triangle_xy, &chunk_.line_xy})
            for (size_t i = 0; i + 1 < xy->size(); i += 2) {
                box.min_x = std::min<double>(box.min_x, (*xy)[i]);
                box.max_x = std::max<double>(box.max_x, (*xy)[i]);
                box.min_y = std::min<double>(box.min_y, (*xy)[i + 1]);
                box.max_y = std::max<double>(box.max_y, (*xy)[i + 1]);
            }
        return box;
    }

    int layer_;
    std::int64_t& next_id_;
    std::vector<MapChunk>& out_;
    MapChunk chunk_;
    std::unordered_map<std::uint64_t, std::uint16_t> index_;
};

// One layer's triangles and polylines, sorted into grid cells.
class LayerCutter {
public:
    explicit LayerCutter(geos::Context& geos) : geos_(geos) {}

    void add_polygons(const GEOSGeometry* simplified, bool with_outline) {
        for (const GEOSGeometry* polygon : geos_parts(simplified, GEOS_POLYGON)) {
            for_each_piece(polygon, GEOS_POLYGON, [&](Cell cell, const GEOSGeometry* piece) {
                auto triangles = triangulate(geos_, piece);
                auto& list = cells_[cell].triangles;
                list.insert(list.end(), triangles.begin(), triangles.end());
            });
            if (with_outline) add_lines(outline_of(geos_, polygon).get());
        }
    }

    void add_lines(const GEOSGeometry* lines) {
        for (const GEOSGeometry* line : geos_parts(lines, GEOS_LINESTRING))
            for_each_piece(line, GEOS_LINESTRING, [&](Cell cell, const GEOSGeometry* piece) {
                cells_[cell].lines.push_back(points_of(geos_, piece));
            });
    }

    const std::map<Cell, CellContent>& cells() const { return cells_; }

private:
    std::vector<const GEOSGeometry*> geos_parts(const GEOSGeometry* g, int type) { return parts_of(geos_, g, type); }

    // Calls fn with each grid cell the geometry reaches and the part of it inside that cell.
    template <typename Fn>
    void for_each_piece(const GEOSGeometry* g, int type, Fn fn) {
        const CellRange range = cells_of(extent_of(geos_, g));
        if (range.single()) {
            fn(Cell{range.first_row, range.first_column}, g);
            return;
        }
        for (int row = range.first_row; row <= range.last_row; ++row)
            for (int column = range.first_column; column <= range.last_column; ++column) {
                const Cell cell{row, column};
                const auto inside = clip(geos_, g, box_of(cell));
                for (const GEOSGeometry* piece : geos_parts(inside.get(), type)) fn(cell, piece);
            }
    }

    geos::Context& geos_;
    std::map<Cell, CellContent> cells_;
};

MapBox union_of(const MapBox& a, const MapBox& b) {
    return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x), std::max(a.max_y, b.max_y)};
}

}  // namespace

MapProjection projection_centred_on(const MapBox& e) {
    auto round = [](double degrees) { return std::round(degrees * 1e4) / 1e4; };
    return MapProjection(round((e.min_y + e.max_y) / 2), round((e.min_x + e.max_x) / 2));
}

BuiltMap build_map(const MapSource& source) {
    BuiltMap map;
    if (source.layers.empty()) return map;
    geos::Context geos;
    std::vector<geos::Geometry> lon_lat;
    MapBox extent;
    for (const auto& layer : source.layers) {
        try {
            lon_lat.push_back(read_geojson(geos, layer.geojson));
        } catch (const geos::Error& e) {
            throw geos::Error("map layer \"" + layer.style.id + "\" (" + layer.file + "): " + e.what());
        }
        const MapBox e = extent_of(geos, lon_lat.back().get());
        extent = lon_lat.size() == 1 ? e : union_of(extent, e);
    }
    map.info.projection = projection_centred_on(extent);
    map.info.attribution = source.attribution;
    std::int64_t next_id = 1;
    for (size_t i = 0; i < source.layers.size(); ++i) {
        const MapLayerStyle& style = source.layers[i].style;
        map.info.layers.push_back(style);
        try {
            const auto simplified = simplify(geos, project(geos, lon_lat[i].get(), map.info.projection).get());
            LayerCutter cutter(geos);
            if (style.kind == MapLayerKind::Polygon) cutter.add_polygons(simplified.get(), style.stroke_width_px > 0);
            else cutter.add_lines(simplified.get());
            ChunkPacker packer(static_cast<int>(i), next_id, map.chunks);
            for (const auto& [cell, content] : cutter.cells()) packer.pack(content);
        } catch (const geos::Error& e) {
            throw geos::Error("map layer \"" + style.id + "\": " + e.what());
        }
    }
    for (size_t i = 0; i < map.chunks.size(); ++i) map.info.bounds = i == 0 ? map.chunks[i].box : union_of(map.info.bounds, map.chunks[i].box);
    return map;
}

}  // namespace content
