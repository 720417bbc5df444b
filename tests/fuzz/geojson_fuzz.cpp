// Fuzzes the reading of a map layer's GeoJSON (content/map: GEOS's reader, then the source
// loader's checks of what a layer can draw and how far it reaches) and, for what they accept,
// the basemap's build: projected, simplified, cut into 1 km squares, triangulated. A source's
// map/*.geojson files go this way, in `kiosk-bundle build` and the kiosk's preview.
#include "content/map/map_build.hpp"
#include "content/map/map_geometry.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    geos::Context geos;
    geos::Geometry geometry;
    try {
        geometry = read_geojson(geos, fuzz::text_of(data, size));
    } catch (const geos::Error&) {
        return 0;
    }
    for (const MapLayerKind kind : {MapLayerKind::Polygon, MapLayerKind::Line}) {
        if (layer_geometry_problem(geos, geometry.get(), kind) || layer_extent_problem(geos, geometry.get())) continue;
        MapSource source;
        source.attribution = "fuzz";
        MapLayerSource layer;
        layer.style.id = "layer";
        layer.style.kind = kind;
        layer.style.stroke_width_px = 2;
        layer.file = "map/layer.geojson";
        layer.geojson = std::string(fuzz::text_of(data, size));
        source.layers.push_back(std::move(layer));
        try {
            const BuiltMap map = build_map(source);
            for (const auto& chunk : map.chunks)
                for (const auto index : chunk.triangle_indices) fuzz::require(index < chunk.triangle_xy.size() / 2);
        } catch (const geos::Error&) {
        }
    }
    return 0;
}
