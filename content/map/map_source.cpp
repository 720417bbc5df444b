#include "content/map/map_source.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "content/map/map_geometry.hpp"
#include "content/text/diagnostics.hpp"
#include "content/text/geojson_check.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/source_file.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFolder = "map";
constexpr const char* kFile = "map/layers.txt";
constexpr const char* kKeys = "id, file, kind, fill, stroke, stroke_width_px or attribution";

// `#rrggbb` as 0xRRGGBB.
std::optional<std::uint32_t> parse_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    std::uint32_t rgb = 0;
    auto [end, ec] = std::from_chars(text.data() + 1, text.data() + 7, rgb, 16);
    if (ec != std::errc() || end != text.data() + 7) return std::nullopt;
    return rgb;
}

// The line a JSON syntax error is on, from GEOS's message ("... parse error at line 3, column 46: ...").
int json_error_line(const std::string& geos_message) {
    const auto at = geos_message.find("at line ");
    if (at == std::string::npos) return 0;
    int line = 0;
    const char* digits = geos_message.data() + at + 8;
    const auto [end, ec] = std::from_chars(digits, geos_message.data() + geos_message.size(), line);
    return ec == std::errc() && end != digits ? line : 0;
}

class LayerLoader {
public:
    LayerLoader(fs::path folder, MapSource& map, Diagnostics& d) : folder_(std::move(folder)), map_(map), d_(d) {}

    // One block of layers.txt: a layer, or the attribution line, or both.
    void load(const KeyValueBlock& block) {
        std::map<std::string, const KeyValue*> keys;
        const KeyValue* id = nullptr;
        for (const auto& e : block.entries)
            if (e.key == "id" && !id) id = &e;
        const std::string item = id ? "map layer " + in_quotes(id->value) : "map layer";
        for (const auto& e : block.entries) {
            if (e.key == "attribution") {
                load_attribution(e);
            } else if (!std::set<std::string>{"id", "file", "kind", "fill", "stroke", "stroke_width_px"}.contains(e.key)) {
                d_.error(kFile, e.line, item, "unknown key " + in_quotes(e.key), std::string("use ") + kKeys);
            } else if (!keys.emplace(e.key, &e).second) {
                d_.error(kFile, e.line, item, in_quotes(e.key) + " is given twice in one layer",
                         "separate layers with a blank line, or keep one " + e.key + " line per layer");
            }
        }
        if (keys.empty()) return;  // the attribution block
        MapLayerSource layer;
        if (!id) d_.error(kFile, block.first_line, item, "the layer has no id", "add a line like: id = municipalities");
        else if (!valid_id(id->value)) d_.error(kFile, id->line, item, "the id may only use a-z, 0-9 and -", "rename it, e.g. id = municipalities");
        else if (!ids_.insert(id->value).second) d_.error(kFile, id->line, item, "duplicate id: an earlier layer already uses it", "give each layer its own id");
        if (id) layer.style.id = id->value;

        const KeyValue* kind = keys.contains("kind") ? keys["kind"] : nullptr;
        if (!kind) d_.error(kFile, block.first_line, item, "the layer has no kind", "add kind = polygon or kind = line");
        else if (kind->value != "polygon" && kind->value != "line")
            d_.error(kFile, kind->line, item, "unknown kind " + in_quotes(kind->value), "write kind = polygon (areas) or kind = line (roads, rivers, routes)");
        const bool known_kind = kind && (kind->value == "polygon" || kind->value == "line");
        const bool is_line = kind && kind->value == "line";
        layer.style.kind = is_line ? MapLayerKind::Line : MapLayerKind::Polygon;

        load_style(keys, block.first_line, item, is_line, layer.style);
        if (!keys.contains("file")) d_.error(kFile, block.first_line, item, "the layer has no file", "add a line like: file = municipalities.geojson");
        else if (known_kind) load_geometry(*keys["file"], item, layer);
        map_.layers.push_back(std::move(layer));
    }

    void finish() {
        if (!map_.layers.empty() && !attribution_)
            d_.error(kFile, 1, "map", "no attribution: the map's data needs its source and licence shown",
                     "add a line like: attribution = Confini amministrativi © ISTAT (CC BY 4.0)");
    }

private:
    void load_attribution(const KeyValue& e) {
        if (attribution_) {
            d_.error(kFile, e.line, "map", "attribution is given twice (first on line " + std::to_string(attribution_->line) + ")",
                     "keep one attribution line for the whole map, naming every source");
            return;
        }
        attribution_ = &e;
        if (e.value.empty()) d_.error(kFile, e.line, "map", "the attribution is empty", "name the data's source and licence, e.g. © ISTAT (CC BY 4.0)");
        map_.attribution = e.value;
    }

    void load_style(std::map<std::string, const KeyValue*>& keys, int first_line, const std::string& item, bool is_line, MapLayerStyle& style) {
        auto colour = [&](const char* key, std::uint32_t& out) {
            if (!keys.contains(key)) return false;
            const KeyValue& e = *keys[key];
            if (auto rgb = parse_colour(e.value)) out = *rgb;
            else d_.error(kFile, e.line, item, std::string(key) + " " + in_quotes(e.value) + " is not a colour", std::string("write it as #rrggbb, e.g. ") + key + " = #e8e4d8");
            return true;
        };
        const bool has_fill = colour("fill", style.fill);
        const bool has_stroke = colour("stroke", style.stroke);
        const bool has_width = keys.contains("stroke_width_px");
        if (has_width) {
            const KeyValue& e = *keys["stroke_width_px"];
            auto [end, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), style.stroke_width_px);
            if (ec != std::errc() || end != e.value.data() + e.value.size() || !(style.stroke_width_px > 0 && style.stroke_width_px <= 64))
                d_.error(kFile, e.line, item, "stroke_width_px " + in_quotes(e.value) + " is not a width between 0 and 64 pixels", "write a number of pixels, e.g. stroke_width_px = 2");
        }
        if (is_line && has_fill) d_.error(kFile, keys["fill"]->line, item, "a line layer has no fill", "delete the fill line, or make the layer kind = polygon");
        if (!is_line && !has_fill) d_.error(kFile, first_line, item, "a polygon layer needs a fill colour", "add a line like: fill = #e8e4d8");
        if ((is_line || has_width) && !has_stroke) d_.error(kFile, first_line, item, "the layer has no stroke colour", "add a line like: stroke = #a09080");
        if ((is_line || has_stroke) && !has_width) d_.error(kFile, first_line, item, "the layer has no stroke_width_px", "add a line like: stroke_width_px = 2");
    }

    void load_geometry(const KeyValue& file, const std::string& item, MapLayerSource& layer) {
        layer.file = std::string(kFolder) + "/" + file.value;
        if (file.value.empty() || file.value.find('/') != std::string::npos || file.value.find('\\') != std::string::npos) {
            d_.error(kFile, file.line, item, "file " + in_quotes(file.value) + " is not a file name in map/", "put the GeoJSON file in map/ and give its name, e.g. file = roads.geojson");
            return;
        }
        // Only an ordinary file is read: a named pipe, a device, a name too long or a loop of
        // links is an error at this line, never a wait, an endless read or an exception.
        auto read = read_regular_file(folder_ / file.value);
        if (read.missing) {
            d_.error(kFile, file.line, item, "file " + in_quotes(layer.file) + " does not exist", "put the GeoJSON file in map/ beside layers.txt, or correct its name");
            return;
        }
        if (!read.text) {
            d_.error(kFile, file.line, item, "file " + in_quotes(layer.file) + " cannot be read: " + read.problem, read.fix);
            return;
        }
        auto& text = read.text;
        if (auto problem = geojson_position_problem(*text)) {
            d_.error(kFile, file.line, item, layer.file + ": the file is not valid GeoJSON: " + *problem,
                     "correct the position, or export the file again as GeoJSON in WGS 84 (EPSG:4326)");
            return;
        }
        geos::Geometry geometry;
        try {
            geometry = read_geojson(geos_, *text);
        } catch (const geos::Error& e) {
            const std::string problem = std::string("the file is not valid GeoJSON (GEOS: ") + e.what() + ")";
            const std::string fix = "check it with a GeoJSON validator, or export it again as GeoJSON in WGS 84 (EPSG:4326)";
            if (const int line = json_error_line(e.what())) d_.error(layer.file, line, item, problem, fix);
            else d_.error(kFile, file.line, item, layer.file + ": " + problem, fix);
            return;
        }
        if (auto problem = layer_geometry_problem(geos_, geometry.get(), layer.style.kind)) {
            d_.error(kFile, file.line, item, layer.file + ": " + *problem,
                     "fix the file in a GIS such as QGIS (Vector > Geometry Tools > Fix Geometries for invalid polygons), "
                     "or change the layer's kind");
            return;
        }
        if (auto problem = layer_extent_problem(geos_, geometry.get())) {
            d_.error(kFile, file.line, item, layer.file + ": " + *problem,
                     "look in the file for a mistyped or swapped coordinate, or cut the data to the city and its neighbours "
                     "(QGIS: Vector > Geoprocessing Tools > Clip)");
            return;
        }
        layer.geojson = std::move(*text);
    }

    fs::path folder_;
    MapSource& map_;
    Diagnostics& d_;
    geos::Context geos_;
    std::set<std::string> ids_;
    const KeyValue* attribution_ = nullptr;
};

}  // namespace

void load_map(const fs::path& source, Content& c, Diagnostics& d) {
    const fs::path folder = source / kFolder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {  // allowed: the bundle has no map; but a map/ that cannot be opened is a mistake
        if (const auto problem = path_problem(ec); ec && !problem.missing)
            d.error(kFolder, 0, "map", "the folder cannot be opened: " + problem.problem, problem.fix);
        return;
    }
    const auto text = read_source_file(folder / "layers.txt", kFile, d,
                                       {"map", "the map folder has no layers.txt", "add map/layers.txt listing the map's layers, or delete the map folder"});
    if (!text) return;
    const auto blocks = parse_key_value_blocks(*text);
    for (int line : blocks.malformed_lines)
        d.error(kFile, line, "", "this line is not `key = value`", "write it as key = value, or start it with # to make it a comment");
    LayerLoader loader(folder, c.map, d);
    for (const auto& block : blocks.blocks) loader.load(block);
    loader.finish();
}

}  // namespace content
