#pragma once
// A synthetic basemap for benchmarks and tests: a grid of star-shaped polygons over Torino's
// extent with a chosen number of vertices, built through the same path as a real map
// (load-free: the GeoJSON goes straight into a MapSource, then build_map and write_bundle).
// Stars, because their points stand 70 m off their neighbours: simplification keeps them all.
#include <filesystem>
#include <string>

#include "content/model/model.hpp"

namespace content {

/// A FeatureCollection of stars, 20 vertices each, about `vertices` vertices in all.
std::string synthetic_map_geojson(int vertices);

/// A minimal content (one language, no guides) whose map is one polygon layer of
/// synthetic_map_geojson(vertices), outlined. Add places to it before writing if needed.
Content synthetic_map_content(int vertices);

/// Adds `count` places spread over the map in a jittered grid, every kind, a third of them
/// approximate (with their halos), as the busiest city would have.
void add_synthetic_places(Content& content, int count);

/// Writes synthetic_map_content(vertices) to `out` with write_bundle.
void write_synthetic_map_bundle(const std::filesystem::path& out, int vertices = 50000);

}  // namespace content
