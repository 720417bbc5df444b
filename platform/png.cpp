#include "platform/png.hpp"

#include <stb_image_write.h>

namespace platform {

bool write_png(const std::filesystem::path& path, int width, int height, const std::vector<unsigned char>& rgba,
               std::string& error) {
    if (rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4) {
        error = "no pixels to write";
        return false;
    }
    // Level 1 of stb's deflate: a 1080p screen in about a third of the default level 8's time
    // (a screenshot, and so a console preview, waits on it), for files a few percent larger.
    stbi_write_png_compression_level = 1;
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = "cannot write " + path.string() + " (does the folder exist and is it writable?)";
        return false;
    }
    return true;
}

}  // namespace platform
