#pragma once
// The basemap's geometry steps, one GEOS operation each, in the order map_build.cpp runs them:
// read GeoJSON, check it, project it to metres, simplify it, cut it by a grid cell, triangulate
// polygons and take lines' points. Build-time only: the kiosk never links GEOS code paths.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/map/geos_context.hpp"
#include "content/model/map_data.hpp"

namespace content {

/// How far (metres) a simplified outline may stray from the source's. A 1080p screen at city
/// zoom — a view about 10 km wide on 1920 px — shows about 5 m per pixel, so 5 m is at most one
/// pixel there: the saved vertices are invisible, and zoomed in to streets the error is a few
/// pixels on a boundary drawn 2 px wide.
inline constexpr double kSimplifyToleranceMetres = 5;

/// GeoJSON text — a geometry, a Feature or a FeatureCollection (properties are ignored) — as a
/// geometry in longitude/latitude. Throws geos::Error with GEOS's message, or the problem
/// geojson_position_problem finds before GEOS reads the text.
geos::Geometry read_geojson(geos::Context& geos, std::string_view text);

/// What makes the geometry unusable for a layer of this kind, in a content manager's words (wrong
/// geometry types, an invalid polygon with GEOS's reason, coordinates that are not degrees, no
/// geometry at all); nullopt when it is fine.
std::optional<std::string> layer_geometry_problem(geos::Context& geos, const GEOSGeometry* lon_lat, MapLayerKind kind);

/// How far a layer may reach, east to west and north to south. A map is for one city: the
/// projection is true to 0.3 % within about 30 km of its middle (map_projection.hpp), and the
/// build clips every polygon by each 1 km square of its extent, so one latitude mistyped by 23
/// degrees meant 20 000 squares (41 s in the fuzzing build), a corner far off both ways
/// millions. 60 km holds a city and its neighbours (the demo's map is about 30 km across).
inline constexpr double kMaxLayerSpanMetres = 60'000;

/// What is wrong with where the geometry lies, beyond its coordinates being degrees: wider or
/// taller than kMaxLayerSpanMetres; nullopt when it is fine. The geometry is not empty.
std::optional<std::string> layer_extent_problem(geos::Context& geos, const GEOSGeometry* lon_lat);

/// The geometry's extent: x is longitude, y latitude before projection; metres after.
MapBox extent_of(geos::Context& geos, const GEOSGeometry* g);

geos::Geometry project(geos::Context& geos, const GEOSGeometry* lon_lat, const MapProjection& projection);

/// Douglas-Peucker that keeps rings valid and lines from crossing (GEOSTopologyPreserveSimplify).
geos::Geometry simplify(geos::Context& geos, const GEOSGeometry* metres, double tolerance = kSimplifyToleranceMetres);

/// The polygons (GEOS_POLYGON) or line strings (GEOS_LINESTRING) inside g, collections and
/// multi-geometries flattened. The pointers belong to g.
std::vector<const GEOSGeometry*> parts_of(geos::Context& geos, const GEOSGeometry* g, int geos_type);

/// The part of g inside the box: polygons by overlay (valid results, as triangulation needs),
/// lines by the faster rectangle clipper.
geos::Geometry clip(geos::Context& geos, const GEOSGeometry* g, const MapBox& box);

/// A polygon's rings as line strings: its outline, drawn as the layer's stroke.
geos::Geometry outline_of(geos::Context& geos, const GEOSGeometry* polygon);

struct Triangle {
    MapPoint a, b, c;
};

/// Triangles that exactly cover a polygon, holes left out (constrained Delaunay triangulation).
std::vector<Triangle> triangulate(geos::Context& geos, const GEOSGeometry* polygon);

/// The points of a line string or linear ring, in order.
std::vector<MapPoint> points_of(geos::Context& geos, const GEOSGeometry* line);

}  // namespace content
