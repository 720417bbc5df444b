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

/// What `validate` adds to the source's checks so that it refuses all `build` refuses: the fonts
/// checked, and the content written into a scratch bundle (removed again), so that anything the
/// bundle's tables refuse is reported in the words `build` would use.
void check_buildable(const Content& content, const std::filesystem::path& source, const std::filesystem::path& font_root,
                     Diagnostics& d);

}  // namespace content
