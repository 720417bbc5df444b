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
/// written otherwise. Without `cut_fonts` (a preview, drawn on the machine that has the fonts)
/// the fonts are checked but not put in: the kiosk then draws with the same files uncut, and the
/// build takes half the time.
std::optional<Content> build_bundle(const std::filesystem::path& source, const std::filesystem::path& out,
                                    const std::filesystem::path& font_root, const SourceChecks& checks, Diagnostics& d,
                                    bool cut_fonts = true);

/// What `validate` adds to the source's checks so that it refuses all `build` refuses: the fonts
/// checked, and the content written into a scratch bundle (removed again), so that anything the
/// bundle's tables refuse is reported in the words `build` would use.
void check_buildable(const Content& content, const std::filesystem::path& source, const std::filesystem::path& font_root,
                     Diagnostics& d);

}  // namespace content
