#include "kiosk/ui/glyph_texture.hpp"

#include <algorithm>

namespace kiosk {

GlyphTexture::~GlyphTexture() { reset(); }

void GlyphTexture::reset() {
    if (texture_) SDL_DestroyTexture(texture_);
    texture_ = nullptr;
    width_ = height_ = 0;
}

SDL_Texture* GlyphTexture::prepare(const fonts::GlyphAtlas& atlas) {
    if (texture_ && atlas.width() == width_ && atlas.height() == height_) return texture_;
    reset();
    // RGBA white with the coverage as alpha: ImGui's vertex colour tints it.
    texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, atlas.width(), atlas.height());
    if (!texture_) return nullptr;
    SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_BLEND);
    width_ = atlas.width();
    height_ = atlas.height();
    return texture_;
}

void GlyphTexture::upload(fonts::GlyphAtlas& atlas) {
    const auto dirty = atlas.take_dirty();
    if (!dirty || !texture_) return;
    // In bands of rows, so a whole 2048×2048 atlas never needs a 16 MB copy in memory at once.
    constexpr int kBand = 32;
    const int w = dirty->x1 - dirty->x0;
    const auto& alpha = atlas.pixels();
    for (int top = dirty->y0; top < dirty->y1; top += kBand) {
        const int h = std::min(kBand, dirty->y1 - top);
        staging_.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const uint32_t a = alpha[static_cast<size_t>(top + y) * static_cast<size_t>(atlas.width()) + static_cast<size_t>(dirty->x0 + x)];
                staging_[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] = (a << 24) | 0x00FFFFFFu;
            }
        const SDL_Rect rect{dirty->x0, top, w, h};
        SDL_UpdateTexture(texture_, &rect, staging_.data(), w * 4);
    }
}

}  // namespace kiosk
