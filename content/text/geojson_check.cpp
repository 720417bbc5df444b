#include "content/text/geojson_check.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace content {

namespace {

using nlohmann::json;

// How deep a geometry's positions lie in its coordinates; -1 for what has none.
int position_depth(const std::string& type) {
    if (type == "Point") return 0;
    if (type == "LineString" || type == "MultiPoint") return 1;
    if (type == "Polygon" || type == "MultiLineString") return 2;
    if (type == "MultiPolygon") return 3;
    return -1;
}

std::optional<std::string> positions_problem(const json& coordinates, int depth, const std::string& type) {
    if (!coordinates.is_array()) return std::nullopt;  // GEOS refuses it with its own words
    if (depth == 0) {
        if (coordinates.size() >= 2) return std::nullopt;
        return "a " + type + " has a position with " + std::to_string(coordinates.size()) +
               " number(s), where GeoJSON writes a longitude and a latitude: [7.68, 45.07]";
    }
    for (const auto& inner : coordinates)
        if (auto problem = positions_problem(inner, depth - 1, type)) return problem;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> geojson_position_problem(std::string_view text) {
    const json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    // Geometries lie in a FeatureCollection's features, a Feature's geometry and a
    // GeometryCollection's geometries, nested as deep as the file likes: walked without recursion.
    std::vector<const json*> todo{&document};
    while (!todo.empty()) {
        const json& value = *todo.back();
        todo.pop_back();
        if (!value.is_object()) continue;
        const auto type = value.find("type"), coordinates = value.find("coordinates");
        if (type != value.end() && type->is_string() && coordinates != value.end())
            if (const int depth = position_depth(type->get<std::string>()); depth >= 0)
                if (auto problem = positions_problem(*coordinates, depth, type->get<std::string>())) return problem;
        for (const char* key : {"features", "geometries", "geometry"}) {
            const auto inner = value.find(key);
            if (inner == value.end()) continue;
            if (inner->is_array())
                for (const auto& item : *inner) todo.push_back(&item);
            else
                todo.push_back(&*inner);
        }
    }
    return std::nullopt;
}

}  // namespace content
