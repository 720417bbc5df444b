#pragma once
// Loads map/, the offline basemap of a content source (docs/content-format.md): map/layers.txt
// names the layers in drawing order, their GeoJSON files and styles, and the map's attribution.
// The folder is optional: without it the bundle has no map. Each GeoJSON file is parsed and
// checked here, so a content manager sees every problem before the build starts drawing.
#include <filesystem>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Reads SRC/map/ into content.map.
void load_map(const std::filesystem::path& source, Content& content, Diagnostics& diagnostics);

}  // namespace content
