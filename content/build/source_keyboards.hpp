#pragma once
// Loads keyboards.txt, the on-screen keyboard layouts of a content source
// (docs/content-format.md). The file is optional: without it the bundle has no layouts.
#include <filesystem>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Reads SRC/keyboards.txt into content.keyboards, checking it against content.languages.
void load_keyboards(const std::filesystem::path& source, Content& content, Diagnostics& diagnostics);

}  // namespace content
