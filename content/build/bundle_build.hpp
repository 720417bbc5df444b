#pragma once
// A source folder compiled into a bundle: what `kiosk-bundle build` and the kiosk's preview do.
#include <filesystem>
#include <optional>

#include "content/build/source.hpp"
#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Loads and checks `source`, checks its text against the fonts under `font_root`, cuts the
/// fonts and writes the bundle to `out`. Nothing is written when `d` gets an error; the content
/// written otherwise.
std::optional<Content> build_bundle(const std::filesystem::path& source, const std::filesystem::path& out,
                                    const std::filesystem::path& font_root, const SourceChecks& checks, Diagnostics& d);

}  // namespace content
