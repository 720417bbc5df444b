// The offline basemap: projection, geometry (simplification, triangulation), the built bundle's
// chunks and their R*Tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <random>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/map/map_build.hpp"
#include "content/map/map_geometry.hpp"
#include "content/model/bundle.hpp"
#include "content/model/sqlite.hpp"
#include "tests/map_synthetic.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

namespace {

constexpr LatLon kPortaNuova{45.0621, 7.6784};     // the station's front on Piazza Carlo Felice
constexpr LatLon kPiazzaCastello{45.0711, 7.6857};  // the middle of the square

// Great-circle distance, the reference the flat projection is measured against.
double haversine_metres(LatLon a, LatLon b) {
    const double rad = std::numbers::pi / 180;
    const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
    const double h = std::pow(std::sin(dlat / 2), 2) + std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::pow(std::sin(dlon / 2), 2);
    return 2 * kEarthRadiusMetres * std::asin(std::sqrt(h));
}

double triangle_area(MapPoint a, MapPoint b, MapPoint c) { return std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2; }

std::string municipalities_geojson() { return test::read(test::demo_source() / "map" / "municipalities.geojson"); }

// The demo's municipalities, projected as the build projects them.
struct Municipalities {
    geos::Context geos;
    geos::Geometry lon_lat = read_geojson(geos, municipalities_geojson());
    MapProjection projection = projection_centred_on(extent_of(geos, lon_lat.get()));
    geos::Geometry metres = project(geos, lon_lat.get(), projection);
    geos::Geometry simplified = simplify(geos, metres.get());
};

std::vector<float> floats(const std::vector<unsigned char>& blob) {
    std::vector<float> out(blob.size() / sizeof(float));
    if (!out.empty()) std::memcpy(out.data(), blob.data(), blob.size());
    return out;
}

// Every chunk's id and the extent of its vertices, read straight from the table: no R*Tree.
std::vector<std::pair<std::int64_t, MapBox>> all_chunk_boxes(const fs::path& bundle) {
    sql::Database db(bundle, sql::Database::Mode::ReadOnly);
    std::vector<std::pair<std::int64_t, MapBox>> out;
    for (auto s = db.prepare("SELECT id, triangle_xy, line_xy FROM map_chunk ORDER BY id"); s.step();) {
        MapBox box{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (const auto& xy : {floats(s.blob(1)), floats(s.blob(2))})
            for (size_t i = 0; i + 1 < xy.size(); i += 2) {
                box = {std::min<double>(box.min_x, xy[i]), std::min<double>(box.min_y, xy[i + 1]),
                       std::max<double>(box.max_x, xy[i]), std::max<double>(box.max_y, xy[i + 1])};
            }
        out.emplace_back(s.integer(0), box);
    }
    return out;
}

// Compares Bundle::chunks_in with a scan of every chunk for many boxes, some random.
void check_rtree_against_scan(const fs::path& path) {
    const Bundle bundle(path);
    REQUIRE(bundle.map());
    const auto all = all_chunk_boxes(path);
    REQUIRE(all.size() > 10);
    const MapBox b = bundle.map()->bounds;
    std::vector<MapBox> views = {b, {b.min_x - 1e5, b.min_y - 1e5, b.min_x - 1e4, b.min_y - 1e4}, {0, 0, 0, 0},
                                 {-960 * 5, -540 * 5, 960 * 5, 540 * 5}};
    // A view edge exactly on a chunk's edge still touches it.
    views.push_back({all[all.size() / 2].second.max_x, all[all.size() / 2].second.max_y, all[all.size() / 2].second.max_x + 10,
                     all[all.size() / 2].second.max_y + 10});
    std::mt19937 random(11);
    std::uniform_real_distribution<double> x(b.min_x, b.max_x), y(b.min_y, b.max_y), size(1, 8000);
    for (int i = 0; i < 40; ++i) {
        const double x0 = x(random), y0 = y(random);
        views.push_back({x0, y0, x0 + size(random), y0 + size(random)});
    }
    for (const MapBox& view : views) {
        std::vector<std::int64_t> expected;
        for (const auto& [id, box] : all)
            if (box.intersects(view)) expected.push_back(id);
        const auto chunks = bundle.chunks_in(view.min_x, view.min_y, view.max_x, view.max_y);
        std::vector<std::int64_t> found;
        for (const auto& c : chunks) found.push_back(c.id);
        const auto ids = bundle.chunk_ids_in(view.min_x, view.min_y, view.max_x, view.max_y);
        INFO("view " << view.min_x << " " << view.min_y << " " << view.max_x << " " << view.max_y);
        CHECK(ids == found);
        std::sort(found.begin(), found.end());
        CHECK(found == expected);
        // Drawing order: layer by layer.
        CHECK(std::is_sorted(chunks.begin(), chunks.end(), [](const MapChunk& a, const MapChunk& c) { return a.layer < c.layer; }));
    }
}

}  // namespace

TEST_CASE("the map projection goes to metres and back, with true distances across a city") {
    const MapProjection torino(45.0703, 7.6869);
    const MapPoint origin = torino.project(45.0703, 7.6869);
    CHECK(origin.x == doctest::Approx(0).epsilon(1e-9));
    CHECK(origin.y == doctest::Approx(0).epsilon(1e-9));
    for (const LatLon p : {kPortaNuova, kPiazzaCastello, LatLon{45.2, 7.5}, LatLon{44.9, 7.85}}) {
        const LatLon back = torino.unproject(torino.project(p.lat, p.lon));
        CHECK(std::abs(back.lat - p.lat) < 1e-12);
        CHECK(std::abs(back.lon - p.lon) < 1e-12);
    }
    // x grows east, y north.
    CHECK(torino.project(45.0703, 7.70).x > 0);
    CHECK(torino.project(45.08, 7.6869).y > 0);
    // Porta Nuova to Piazza Castello, straight down Via Roma: about 1.15 km.
    const double flat = distance_metres(torino.project(kPortaNuova.lat, kPortaNuova.lon), torino.project(kPiazzaCastello.lat, kPiazzaCastello.lon));
    const double truth = haversine_metres(kPortaNuova, kPiazzaCastello);
    CHECK(truth == doctest::Approx(1150).epsilon(0.05));
    CHECK(flat == doctest::Approx(truth).epsilon(0.01));
    // 15 km out, at the edge of the metropolitan map, still within 1 %.
    const LatLon rivoli{45.0713, 7.5160}, chieri{45.0116, 7.8250};
    const double far = distance_metres(torino.project(rivoli.lat, rivoli.lon), torino.project(chieri.lat, chieri.lon));
    CHECK(far == doctest::Approx(haversine_metres(rivoli, chieri)).epsilon(0.01));
}

TEST_CASE("simplification keeps far fewer vertices, each within the tolerance of the source's outline") {
    Municipalities m;
    const auto h = m.geos.handle();
    const int source_vertices = GEOSGetNumCoordinates_r(h, m.metres.get());
    const int simplified_vertices = GEOSGetNumCoordinates_r(h, m.simplified.get());
    INFO(source_vertices << " -> " << simplified_vertices);
    CHECK(source_vertices == 1984);
    CHECK(simplified_vertices < source_vertices * 7 / 10);
    const auto original = parts_of(m.geos, m.metres.get(), GEOS_POLYGON);
    const auto simple = parts_of(m.geos, m.simplified.get(), GEOS_POLYGON);
    REQUIRE(original.size() == simple.size());
    REQUIRE(original.size() == 21);  // 19 polygons and a multipolygon of 2
    // Simplified vertices are source vertices; every source vertex is within the tolerance of
    // the simplified outline, so nothing moved further than that.
    auto farthest = [&](const GEOSGeometry* from, const GEOSGeometry* to) {
        auto outline = outline_of(m.geos, to);
        double worst = 0;
        for (const MapPoint& p : points_of(m.geos, GEOSGetExteriorRing_r(h, from))) {
            auto point = m.geos.check(GEOSGeom_createPointFromXY_r(h, p.x, p.y), "point");
            double d = 0;
            REQUIRE(GEOSDistance_r(h, point.get(), outline.get(), &d) == 1);
            worst = std::max(worst, d);
        }
        return worst;
    };
    double kept = 0, dropped = 0;
    for (size_t i = 0; i < simple.size(); ++i) {
        CHECK(GEOSisValid_r(h, simple[i]) == 1);
        kept = std::max(kept, farthest(simple[i], original[i]));
        dropped = std::max(dropped, farthest(original[i], simple[i]));
    }
    INFO("farthest source vertex from the simplified outline: " << dropped << " m");
    CHECK(kept < 1e-6);
    CHECK(dropped <= kSimplifyToleranceMetres + 1e-6);
    CHECK(dropped > kSimplifyToleranceMetres / 2);  // it did simplify up to about the tolerance
}

TEST_CASE("the triangles of each polygon cover exactly its area") {
    Municipalities m;
    const auto h = m.geos.handle();
    double total = 0;
    for (const GEOSGeometry* polygon : parts_of(m.geos, m.simplified.get(), GEOS_POLYGON)) {
        double area = 0;
        REQUIRE(GEOSArea_r(h, polygon, &area) == 1);
        double covered = 0;
        const auto triangles = triangulate(m.geos, polygon);
        for (const Triangle& t : triangles) covered += triangle_area(t.a, t.b, t.c);
        CHECK_FALSE(triangles.empty());
        CHECK(covered == doctest::Approx(area).epsilon(0.005));
        total += area;
    }
    // And once cut into chunks and stored as float32 in the demo bundle, still the same area.
    const Bundle bundle(KIOSK_DEMO_BUNDLE);
    REQUIRE(bundle.map());
    const MapBox b = bundle.map()->bounds;
    double stored = 0;
    for (const MapChunk& c : bundle.chunks_in(b.min_x, b.min_y, b.max_x, b.max_y)) {
        REQUIRE(c.triangle_indices.size() % 3 == 0);
        auto at = [&](size_t i) { return MapPoint{c.triangle_xy[2 * c.triangle_indices[i]], c.triangle_xy[2 * c.triangle_indices[i] + 1]}; };
        for (size_t i = 0; i < c.triangle_indices.size(); i += 3) {
            REQUIRE(c.triangle_indices[i + 2] < c.triangle_xy.size() / 2);
            stored += triangle_area(at(i), at(i + 1), at(i + 2));
        }
    }
    CHECK(stored == doctest::Approx(total).epsilon(0.005));
    CHECK(total > 400e6);  // Torino alone is 130 km²
}

TEST_CASE("the demo bundle has the municipalities map, its attribution, and chunks where Torino is") {
    const Bundle bundle(KIOSK_DEMO_BUNDLE);
    REQUIRE(bundle.map());
    const MapInfo& map = *bundle.map();
    CHECK(map.attribution == "Confini amministrativi © ISTAT (CC BY 4.0)");
    REQUIRE(map.layers.size() == 1);
    CHECK(map.layers[0].id == "municipalities");
    CHECK(map.layers[0].kind == MapLayerKind::Polygon);
    CHECK(map.layers[0].fill == 0xefebe3);
    CHECK(map.layers[0].stroke == 0xb4a79a);
    CHECK(map.layers[0].stroke_width_px == 2);
    // The origin is the middle of the data, near Torino's centre.
    CHECK(map.projection.origin().lat == doctest::Approx(45.063).epsilon(1e-4));
    CHECK(map.projection.origin().lon == doctest::Approx(7.6526).epsilon(1e-4));
    CHECK(map.bounds.max_x - map.bounds.min_x == doctest::Approx(28500).epsilon(0.02));
    // Around Piazza Castello: a view of 1 km has triangles to fill and outlines to stroke nearby.
    const MapPoint castello = map.projection.project(kPiazzaCastello.lat, kPiazzaCastello.lon);
    const auto chunks = bundle.chunks_in(castello.x - 500, castello.y - 500, castello.x + 500, castello.y + 500);
    REQUIRE_FALSE(chunks.empty());
    CHECK(chunks.size() <= 4);
    for (const auto& c : chunks) {
        CHECK(c.layer == 0);
        CHECK_FALSE(c.triangle_indices.empty());
        CHECK(c.box.intersects({castello.x - 500, castello.y - 500, castello.x + 500, castello.y + 500}));
    }
    // The whole map: every chunk, every polyline's length agreeing with its points.
    const auto all = bundle.chunks_in(map.bounds.min_x, map.bounds.min_y, map.bounds.max_x, map.bounds.max_y);
    size_t outline_points = 0, listed = 0;
    for (const auto& c : all) {
        outline_points += c.line_xy.size() / 2;
        for (auto n : c.line_lengths) listed += n;
    }
    CHECK(outline_points > 1000);
    CHECK(listed == outline_points);
    // The attribution is text the bundle's fonts must draw.
    CHECK(bundle.all_text().find("© ISTAT") != std::string::npos);
}

TEST_CASE("the R*Tree returns exactly the chunks whose boxes intersect a view") {
    SUBCASE("the demo map") { check_rtree_against_scan(KIOSK_DEMO_BUNDLE); }
    SUBCASE("a synthetic map of 50,000 vertices") {
        test::TempDir dir;
        write_synthetic_map_bundle(dir / "synthetic.kbundle", 50000);
        check_rtree_against_scan(dir / "synthetic.kbundle");
        // Simplification kept the stars' points: about 50,000 vertices to draw, a few more where the grid cut them.
        const Bundle bundle(dir / "synthetic.kbundle");
        const MapBox b = bundle.map()->bounds;
        size_t vertices = 0;
        for (const auto& c : bundle.chunks_in(b.min_x, b.min_y, b.max_x, b.max_y)) vertices += c.triangle_xy.size() / 2;
        CHECK(vertices >= 50000);
        CHECK(vertices <= 60000);
    }
}

TEST_CASE("a bundle with a map passes sqlite3's integrity and R*Tree checks") {
    const std::string bundle = KIOSK_DEMO_BUNDLE;
    const auto check = test::run("sqlite3 -readonly " + bundle +
                                 " \"PRAGMA integrity_check; PRAGMA foreign_key_check; SELECT rtreecheck('map_chunk_box');"
                                 " SELECT count(*) > 100 FROM map_chunk_box;\"");
    CHECK(check.status == 0);
    CHECK(check.output == "ok\nok\n1\n");
}

TEST_CASE("a source without a map folder builds a bundle without a map") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    fs::remove_all(src / "map");
    Diagnostics d;
    const Content c = load_source(src, d);
    CHECK_FALSE(d.has_errors());
    CHECK(c.map.layers.empty());
    CHECK(c.map.attribution.empty());
    write_bundle(c, dir / "no-map.kbundle");
    const Bundle bundle(dir / "no-map.kbundle");
    CHECK_FALSE(bundle.map());
    CHECK(bundle.chunks_in(-1e6, -1e6, 1e6, 1e6).empty());
}

TEST_CASE("a line layer is drawn above the polygons, as polylines without triangles") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    // Via Roma, from Porta Nuova to Piazza Castello.
    test::write(src / "map" / "via-roma.geojson",
                R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[7.6784,45.0621],[7.6822,45.0667],[7.6857,45.0711]]}})");
    test::write(src / "map" / "layers.txt",
                test::read(src / "map" / "layers.txt") + "\nid = streets\nfile = via-roma.geojson\nkind = line\nstroke = #ffffff\nstroke_width_px = 6\n");
    Diagnostics d;
    const Content c = load_source(src, d);
    REQUIRE_FALSE(d.has_errors());
    write_bundle(c, dir / "lines.kbundle");
    const Bundle bundle(dir / "lines.kbundle");
    REQUIRE(bundle.map()->layers.size() == 2);
    CHECK(bundle.map()->layers[1].id == "streets");
    CHECK(bundle.map()->layers[1].kind == MapLayerKind::Line);
    CHECK(bundle.map()->layers[1].stroke_width_px == 6);
    const MapProjection& p = bundle.map()->projection;
    const MapPoint a = p.project(kPortaNuova.lat, kPortaNuova.lon), b = p.project(kPiazzaCastello.lat, kPiazzaCastello.lon);
    const auto chunks = bundle.chunks_in(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y));
    double street_length = 0;
    int last_layer = 0;
    for (const auto& chunk : chunks) {
        CHECK(chunk.layer >= last_layer);
        last_layer = chunk.layer;
        if (chunk.layer != 1) continue;
        CHECK(chunk.triangle_xy.empty());
        size_t first = 0;
        for (auto n : chunk.line_lengths) {
            for (size_t i = first + 1; i < first + n; ++i)
                street_length += std::hypot(chunk.line_xy[2 * i] - chunk.line_xy[2 * i - 2], chunk.line_xy[2 * i + 1] - chunk.line_xy[2 * i - 1]);
            first += n;
        }
    }
    CHECK(last_layer == 1);
    // Cut by the grid into pieces, the street is still as long as it is.
    CHECK(street_length == doctest::Approx(haversine_metres(kPortaNuova, {45.0667, 7.6822}) + haversine_metres({45.0667, 7.6822}, kPiazzaCastello)).epsilon(0.01));
}

TEST_CASE("the way to a place is the nearest of the eight compass points") {
    const MapPoint here{0, 0};
    CHECK(compass_point(here, {0, 100}) == CompassPoint::North);
    CHECK(compass_point(here, {30, 100}) == CompassPoint::North);  // 17° east of north
    CHECK(compass_point(here, {50, 100}) == CompassPoint::NorthEast);  // 27°
    CHECK(compass_point(here, {100, 0}) == CompassPoint::East);
    CHECK(compass_point(here, {100, -100}) == CompassPoint::SouthEast);
    CHECK(compass_point(here, {-10, -100}) == CompassPoint::South);
    CHECK(compass_point(here, {-100, -100}) == CompassPoint::SouthWest);
    CHECK(compass_point(here, {-100, 10}) == CompassPoint::West);
    CHECK(compass_point(here, {-100, 100}) == CompassPoint::NorthWest);
    CHECK(compass_point({5, 5}, {5, 105}) == CompassPoint::North);  // from anywhere, not only the origin
}
