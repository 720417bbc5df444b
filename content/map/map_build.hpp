#pragma once
// Builds the offline basemap at `kiosk-bundle build` time, so the kiosk only draws: each layer's
// GeoJSON is projected to metres (map_projection.hpp), simplified, polygons triangulated, their
// outlines and the line layers turned into polylines, and everything cut by a square grid into
// chunks the kiosk fetches by their bounding boxes (map_index.hpp).
#include <vector>

#include "content/model/map_data.hpp"

namespace content {

/// The grid that cuts layers into chunks. At city zoom a 1080p view (about 10 × 5.4 km) touches
/// some 70 cells per layer; zoomed in to streets, a handful.
inline constexpr double kChunkSizeMetres = 1000;

/// A chunk has at most this many triangle vertices, so 16-bit indices reach them all.
inline constexpr size_t kMaxChunkVertices = 65536;

/// The map's projection: centred on the layers' extent in longitude/latitude, rounded to
/// 0.0001° (about 10 m) so the origin in the bundle reads as a plain number.
MapProjection projection_centred_on(const MapBox& lon_lat_extent);

/// Builds every layer of the source. The source loader (map_source.hpp) has checked the files,
/// so a failure here is GEOS's: it throws geos::Error naming the layer.
BuiltMap build_map(const MapSource& source);

}  // namespace content
