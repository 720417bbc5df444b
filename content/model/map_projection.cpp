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

}  // namespace content
