#include "content/model/map_projection.hpp"

#include <cmath>
#include <numbers>

namespace content {

MapProjection::MapProjection(double origin_lat, double origin_lon)
    : origin_{origin_lat, origin_lon},
      metres_per_degree_lat_(kEarthRadiusMetres * std::numbers::pi / 180),
      metres_per_degree_lon_(metres_per_degree_lat_ * std::cos(origin_lat * std::numbers::pi / 180)) {}

MapPoint MapProjection::project(double lat, double lon) const {
    return {(lon - origin_.lon) * metres_per_degree_lon_, (lat - origin_.lat) * metres_per_degree_lat_};
}

LatLon MapProjection::unproject(MapPoint p) const {
    return {origin_.lat + p.y / metres_per_degree_lat_, origin_.lon + p.x / metres_per_degree_lon_};
}

double distance_metres(MapPoint a, MapPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

CompassPoint compass_point(MapPoint from, MapPoint to) {
    // The bearing, clockwise from north, in eighths of a turn, rounded to the nearest.
    const double bearing = std::atan2(to.x - from.x, to.y - from.y);  // east of north, -π to π
    const long eighth = std::lround(bearing / (std::numbers::pi / 4));
    return static_cast<CompassPoint>((eighth + 8) % 8);
}

}  // namespace content
