#pragma once
// The glyph atlas on the GPU: an SDL texture that follows the atlas's size and receives only
// the rectangles that changed since the last frame.
#include <SDL.h>

#include <vector>

#include "fonts/glyph_atlas.hpp"

namespace kiosk {

class GlyphTexture {
public:
    explicit GlyphTexture(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~GlyphTexture();
    GlyphTexture(const GlyphTexture&) = delete;
    GlyphTexture& operator=(const GlyphTexture&) = delete;

    /// Before drawing: a texture of the atlas's size (a new one after the atlas grew).
    SDL_Texture* prepare(const fonts::GlyphAtlas& atlas);
    /// After drawing, before rendering: uploads what the frame rasterised.
    void upload(fonts::GlyphAtlas& atlas);
    /// Starts over with a new atlas (a new theme): the next upload sends all of it.
    void reset();

private:
    SDL_Renderer* renderer_;
    SDL_Texture* texture_ = nullptr;
    int width_ = 0, height_ = 0;
    std::vector<uint32_t> staging_;
};

}  // namespace kiosk
