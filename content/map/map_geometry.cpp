#include "content/map/map_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "content/text/geojson_check.hpp"

namespace content {

namespace {

bool is_collection(int type) { return type >= GEOS_MULTIPOINT; }

// Calls fn on every non-collection geometry inside g.
void for_each_leaf(GEOSContextHandle_t h, const GEOSGeometry* g, const std::function<void(const GEOSGeometry*)>& fn) {
    if (!is_collection(GEOSGeomTypeId_r(h, g))) {
        fn(g);
        return;
    }
    for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i) for_each_leaf(h, GEOSGetGeometryN_r(h, g, i), fn);
}

std::string type_problem(int type, MapLayerKind kind) {
    const bool polygon_layer = kind == MapLayerKind::Polygon;
    switch (type) {
        case GEOS_POINT:
            return "it has points; a map layer holds polygons or lines (places go in places.csv)";
        case GEOS_LINESTRING:
        case GEOS_LINEARRING:
            return polygon_layer ? "it has lines, but the layer is kind = polygon" : "";
        case GEOS_POLYGON:
            return polygon_layer ? "" : "it has polygons, but the layer is kind = line";
        default:
            return "it has a geometry of an unknown type";
    }
}

}  // namespace

geos::Geometry read_geojson(geos::Context& geos, std::string_view text) {
    if (auto problem = geojson_position_problem(text)) throw geos::Error(*problem);  // GEOS would crash on it
    const auto h = geos.handle();
    GEOSGeoJSONReader* reader = GEOSGeoJSONReader_create_r(h);
    const std::string nul_terminated(text);
    GEOSGeometry* g = GEOSGeoJSONReader_readGeometry_r(h, reader, nul_terminated.c_str());
    GEOSGeoJSONReader_destroy_r(h, reader);
    return geos.check(g, "");
}

std::optional<std::string> layer_geometry_problem(geos::Context& geos, const GEOSGeometry* lon_lat, MapLayerKind kind) {
    const auto h = geos.handle();
    if (GEOSisEmpty_r(h, lon_lat)) return "it has no geometry";
    std::string problem;
    for_each_leaf(h, lon_lat, [&](const GEOSGeometry* part) {
        if (problem.empty()) problem = type_problem(GEOSGeomTypeId_r(h, part), kind);
    });
    if (!problem.empty()) return problem;
    const MapBox e = extent_of(geos, lon_lat);
    if (e.min_x < -180 || e.max_x > 180 || e.min_y < -90 || e.max_y > 90)
        return "its coordinates are not longitude/latitude in degrees (x from " + std::to_string(e.min_x) + " to " +
               std::to_string(e.max_x) + ")";
    for_each_leaf(h, lon_lat, [&](const GEOSGeometry* part) {
        if (!problem.empty() || GEOSGeomTypeId_r(h, part) != GEOS_POLYGON || GEOSisValid_r(h, part) == 1) return;
        char* reason = GEOSisValidReason_r(h, part);
        problem = std::string("a polygon is invalid (GEOS: ") + (reason ? reason : "unknown reason") + ")";
        GEOSFree_r(h, reason);
    });
    if (!problem.empty()) return problem;
    return std::nullopt;
}

std::optional<std::string> layer_extent_problem(geos::Context& geos, const GEOSGeometry* lon_lat) {
    const MapBox e = extent_of(geos, lon_lat);
    const double mid_lat = (e.min_y + e.max_y) / 2, mid_lon = (e.min_x + e.max_x) / 2;
    const MapProjection around(mid_lat, mid_lon);
    const double east_west = around.project(mid_lat, e.max_x).x - around.project(mid_lat, e.min_x).x;
    const double north_south = around.project(e.max_y, mid_lon).y - around.project(e.min_y, mid_lon).y;
    if (east_west <= kMaxLayerSpanMetres && north_south <= kMaxLayerSpanMetres) return std::nullopt;
    const bool wide = east_west >= north_south;
    char where[96];
    std::snprintf(where, sizeof where, "%s %.4f to %.4f", wide ? "longitude" : "latitude", wide ? e.min_x : e.min_y, wide ? e.max_x : e.max_y);
    return "it reaches " + std::to_string(std::lround(std::max(east_west, north_south) / 1000)) + " km from " +
           (wide ? "west to east" : "south to north") + " (" + where + "); a map is for one city, at most " +
           std::to_string(std::lround(kMaxLayerSpanMetres / 1000)) + " km across";
}

MapBox extent_of(geos::Context& geos, const GEOSGeometry* g) {
    MapBox box;
    if (!GEOSGeom_getExtent_r(geos.handle(), g, &box.min_x, &box.min_y, &box.max_x, &box.max_y))
        throw geos::Error("cannot measure the extent of an empty geometry");
    return box;
}

geos::Geometry project(geos::Context& geos, const GEOSGeometry* lon_lat, const MapProjection& projection) {
    auto to_metres = [](double* x, double* y, void* self) {
        const MapPoint p = static_cast<const MapProjection*>(self)->project(*y, *x);
        *x = p.x;
        *y = p.y;
        return 1;
    };
    return geos.check(GEOSGeom_transformXY_r(geos.handle(), lon_lat, to_metres, const_cast<MapProjection*>(&projection)), "projection");
}

geos::Geometry simplify(geos::Context& geos, const GEOSGeometry* metres, double tolerance) {
    return geos.check(GEOSTopologyPreserveSimplify_r(geos.handle(), metres, tolerance), "simplification");
}

std::vector<const GEOSGeometry*> parts_of(geos::Context& geos, const GEOSGeometry* g, int geos_type) {
    std::vector<const GEOSGeometry*> parts;
    for_each_leaf(geos.handle(), g, [&](const GEOSGeometry* part) {
        if (GEOSGeomTypeId_r(geos.handle(), part) == geos_type && !GEOSisEmpty_r(geos.handle(), part)) parts.push_back(part);
    });
    return parts;
}

geos::Geometry clip(geos::Context& geos, const GEOSGeometry* g, const MapBox& box) {
    const auto h = geos.handle();
    if (GEOSGeomTypeId_r(h, g) != GEOS_POLYGON && GEOSGeomTypeId_r(h, g) != GEOS_MULTIPOLYGON)
        return geos.check(GEOSClipByRect_r(h, g, box.min_x, box.min_y, box.max_x, box.max_y), "clipping lines");
    auto rectangle = geos.check(GEOSGeom_createRectangle_r(h, box.min_x, box.min_y, box.max_x, box.max_y), "grid cell");
    return geos.check(GEOSIntersection_r(h, g, rectangle.get()), "clipping polygons");
}

geos::Geometry outline_of(geos::Context& geos, const GEOSGeometry* polygon) {
    return geos.check(GEOSBoundary_r(geos.handle(), polygon), "outline");
}

std::vector<Triangle> triangulate(geos::Context& geos, const GEOSGeometry* polygon) {
    const auto h = geos.handle();
    auto triangles = geos.check(GEOSConstrainedDelaunayTriangulation_r(h, polygon), "triangulation");
    std::vector<Triangle> out;
    out.reserve(static_cast<size_t>(GEOSGetNumGeometries_r(h, triangles.get())));
    for (const GEOSGeometry* t : parts_of(geos, triangles.get(), GEOS_POLYGON)) {
        const auto ring = points_of(geos, GEOSGetExteriorRing_r(h, t));
        if (ring.size() >= 3) out.push_back({ring[0], ring[1], ring[2]});
    }
    return out;
}

std::vector<MapPoint> points_of(geos::Context& geos, const GEOSGeometry* line) {
    const auto h = geos.handle();
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, line);
    unsigned int size = 0;
    if (!sequence || !GEOSCoordSeq_getSize_r(h, sequence, &size)) throw geos::Error("a line without coordinates");
    std::vector<MapPoint> points(size);
    for (unsigned int i = 0; i < size; ++i) GEOSCoordSeq_getXY_r(h, sequence, i, &points[i].x, &points[i].y);
    return points;
}

}  // namespace content
