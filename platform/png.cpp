#include "platform/png.hpp"

#include <stb_image_write.h>

namespace platform {

bool write_png(const std::filesystem::path& path, int width, int height, const std::vector<unsigned char>& rgba,
               std::string& error) {
    if (rgba.size() != static_cast<size_t>(width) * static_cast<size_t>(height) * 4) {
        error = "no pixels to write";
        return false;
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = "cannot write " + path.string() + " (does the folder exist and is it writable?)";
        return false;
    }
    return true;
}

}  // namespace platform
