#include "platform/png.hpp"

#include <stb_image.h>
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

std::vector<unsigned char> read_png(const std::filesystem::path& path, int& width, int& height) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (!data) return {};
    std::vector<unsigned char> out(data, data + static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    stbi_image_free(data);
    return out;
}

}  // namespace platform
