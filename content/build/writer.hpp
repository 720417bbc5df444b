#pragma once
// Writes a Content into a bundle file. The bundle appears whole or not at all: it is written
// to a temporary file beside the target and renamed over it only once complete.
#include <filesystem>

#include "content/model/model.hpp"

namespace content {

void write_bundle(const Content& content, const std::filesystem::path& out);

}  // namespace content
