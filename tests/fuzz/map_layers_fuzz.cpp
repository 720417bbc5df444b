// Fuzzes map/layers.txt (content/map/map_source.cpp): the layers' blocks, ids, kinds, colours,
// widths and file names, in a source folder that holds a small polygon file and a small line
// file; a layer list that loads without errors is then built as `kiosk-bundle build` would.
#include "content/map/map_build.hpp"
#include "content/map/geos_context.hpp"
#include "content/map/map_source.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path source = [] {
        const fs::path src = fuzz::scratch() / "source";
        fuzz::write(src / "map" / "area.geojson",
                    R"({"type":"Polygon","coordinates":[[[7.60,45.00],[7.70,45.00],[7.70,45.10],[7.60,45.10],[7.60,45.00]]]})");
        fuzz::write(src / "map" / "road.geojson", R"({"type":"LineString","coordinates":[[7.60,45.00],[7.65,45.04],[7.70,45.10]]})");
        return src;
    }();
    fuzz::write(source / "map" / "layers.txt", fuzz::text_of(data, size));
    content::Content content;
    content::Diagnostics d;
    content::load_map(source, content, d);
    for (const auto& problem : d.all()) fuzz::require(!problem.problem.empty() && !problem.fix.empty());
    if (d.has_errors()) return 0;
    fuzz::require(content.map.layers.empty() || !content.map.attribution.empty());
    try {
        (void)content::build_map(content.map);
    } catch (const content::geos::Error&) {
    }
    return 0;
}
