#include "tests/map_synthetic.hpp"

#include <cmath>
#include <cstdio>
#include <numbers>

#include "content/build/writer.hpp"
#include "content/model/map_projection.hpp"

namespace content {

namespace {

// Torino's municipality, roughly: where the stars go.
constexpr LatLon kSouthWest{45.01, 7.58}, kNorthEast{45.14, 7.77};
constexpr int kStarPoints = 10;  // 20 vertices: outer and inner in turn
constexpr double kOuterRadius = 120, kInnerRadius = 50;

std::string star(const MapProjection& projection, MapPoint centre) {
    std::string ring;
    for (int i = 0; i <= 2 * kStarPoints; ++i) {  // the last closes the ring
        const double angle = std::numbers::pi * (i % (2 * kStarPoints)) / kStarPoints;
        const double r = i % 2 == 0 ? kOuterRadius : kInnerRadius;
        const LatLon p = projection.unproject({centre.x + r * std::cos(angle), centre.y + r * std::sin(angle)});
        char point[64];
        std::snprintf(point, sizeof point, "%s[%.7f,%.7f]", i ? "," : "", p.lon, p.lat);
        ring += point;
    }
    return R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[)" + ring + "]]}}";
}

}  // namespace

std::string synthetic_map_geojson(int vertices) {
    const MapProjection projection(kSouthWest.lat, kSouthWest.lon);
    const MapPoint far = projection.project(kNorthEast.lat, kNorthEast.lon);
    const int stars = std::max(1, vertices / (2 * kStarPoints));
    // Columns and rows in the extent's proportions, stars + a few.
    const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(stars * far.x / far.y))));
    const int rows = (stars + columns - 1) / columns;
    std::string features;
    for (int n = 0; n < stars; ++n) {
        const MapPoint centre{far.x * (n % columns + 0.5) / columns, far.y * (n / columns + 0.5) / rows};
        features += (n ? "," : "") + star(projection, centre);
    }
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

Content synthetic_map_content(int vertices) {
    Content c;
    c.meta = {"Synthetic map", 1, 0, "bench", "2026-01-01", "2027-01-01", "0.1.0", {"en"}, true, {}, {}, "en"};
    c.languages = {{"en", "English", Direction::LeftToRight}};
    c.map.attribution = "Synthetic data";
    c.map.layers.push_back({{"stars", MapLayerKind::Polygon, 0xefebe3, 0xb4a79a, 2}, "map/stars.geojson", synthetic_map_geojson(vertices)});
    return c;
}

void add_synthetic_places(Content& c, int count) {
    for (int i = 0; i < count; ++i) {
        Place p;
        p.id = "p" + std::to_string(i);
        p.kind = kPlaceKinds[static_cast<size_t>(i) % std::size(kPlaceKinds)];
        p.name = "Place " + std::to_string(i);
        p.lat = 45.015 + 0.12 * ((i / 50) + 0.5 * std::sin(i)) / 40.0;
        p.lon = 7.585 + 0.18 * ((i % 50) + 0.5 * std::cos(i)) / 50.0;
        p.approximate = i % 3 == 0;
        c.places.push_back(p);
    }
}

void write_synthetic_map_bundle(const std::filesystem::path& out, int vertices) { write_bundle(synthetic_map_content(vertices), out); }

}  // namespace content
