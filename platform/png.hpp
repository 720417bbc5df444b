#pragma once
// PNG files, written through stb: screenshots and ticket previews.
#include <filesystem>
#include <string>
#include <vector>

namespace platform {

/// Writes RGBA pixels as a PNG; false (with `error`) when the file cannot be written.
bool write_png(const std::filesystem::path& path, int width, int height, const std::vector<unsigned char>& rgba,
               std::string& error);

}  // namespace platform
