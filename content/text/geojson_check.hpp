#pragma once
// A GeoJSON text checked before GEOS reads it: GEOS 3.11's reader reads past the end of a
// position with no numbers (`[]` among a line's points) and crashes, which
// tests/fuzz/geojson_fuzz found. Here, with the JSON reader the diagnostics already use.
#include <optional>
#include <string>
#include <string_view>

namespace content {

/// What makes the geometries of a GeoJSON text unreadable for GEOS — a position with fewer
/// than two numbers — in a content manager's words; nullopt when there is none, and when the
/// text is not JSON at all (GEOS says where it breaks, with the line).
std::optional<std::string> geojson_position_problem(std::string_view text);

}  // namespace content
