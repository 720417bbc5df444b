#pragma once
// From WGS84 latitude/longitude to the basemap's flat metres and back.
//
// The projection is equirectangular around a fixed origin stored in the bundle: x metres east and
// y metres north of it, x = R·cos(lat0)·Δlon, y = R·Δlat (angles in radians, R the mean Earth
// radius). Why this one: a kiosk's map covers one city, ±20 km around the origin, where the
// east-west scale drifts from the truth by tan(lat0)·Δlat — at Torino's 45° about 0.3 % 20 km
// north or south of the origin, less than a pixel at any zoom the kiosk shows, and well inside
// the accuracy anyone reads a walking distance with. Spherical Web Mercator scaled by cos(lat0)
// drifts by the same amount; equirectangular is simpler and its inverse exact and cheap, which
// matters because the kiosk projects its places and its own position with it.
namespace content {

inline constexpr double kEarthRadiusMetres = 6371008.8;  // mean radius (IUGG)

/// Metres east (x) and north (y) of the map's origin.
struct MapPoint {
    double x = 0, y = 0;
};

struct LatLon {
    double lat = 0, lon = 0;
};

class MapProjection {
public:
    MapProjection() : MapProjection(0, 0) {}
    MapProjection(double origin_lat, double origin_lon);

    LatLon origin() const { return origin_; }
    MapPoint project(double lat, double lon) const;
    LatLon unproject(MapPoint p) const;

private:
    LatLon origin_;
    double metres_per_degree_lat_ = 0, metres_per_degree_lon_ = 0;
};

/// Straight-line distance in metres between two projected points.
double distance_metres(MapPoint a, MapPoint b);

/// The eight compass points, clockwise from north, and their names in the bundle's strings
/// (`direction.<name>`).
enum class CompassPoint { North, NorthEast, East, SouthEast, South, SouthWest, West, NorthWest };
inline constexpr const char* kCompassPointNames[] = {"north", "north_east", "east", "south_east", "south", "south_west", "west", "north_west"};
/// The compass point nearest the way from `from` to `to` (two different points).
CompassPoint compass_point(MapPoint from, MapPoint to);

}  // namespace content
