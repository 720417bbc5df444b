#include "kiosk/map/marker_sprites.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData

#include <cmath>

#include "kiosk/ui/draw_list_texture.hpp"

namespace kiosk {

MarkerSprites::~MarkerSprites() {
    for (auto& [key, sprite] : markers_) SDL_DestroyTexture(static_cast<SDL_Texture*>(sprite.texture));
    if (disc_) SDL_DestroyTexture(static_cast<SDL_Texture*>(disc_->texture));
}

std::optional<MarkerSprites::Sprite> MarkerSprites::make(SDL_Renderer* renderer, int side, const std::function<void(ImDrawList&, ImVec2)>& paint) {
    if (!renderer) return std::nullopt;
    SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, side, side);
    if (!texture) return std::nullopt;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    ImDrawList list(ImGui::GetDrawListSharedData());
    begin_draw_list(list, side, side);
    const float half = static_cast<float>(side) / 2;
    paint(list, ImVec2(half, half));
    draw_into(renderer, texture, list, ImVec4(0, 0, 0, 0));  // transparent round the shape
    return Sprite{texture, half};
}

std::optional<MarkerSprites::Sprite> MarkerSprites::marker(SDL_Renderer* renderer, const MarkerStyle& style, float r, bool hollow) {
    const int radius = static_cast<int>(std::lround(r));
    const Key key{style.fill, static_cast<int>(style.shape), radius, hollow};
    if (const auto found = markers_.find(key); found != markers_.end()) return found->second;
    // As small as the shape allows, plus a pixel for its soft edge: the software renderer
    // blends every pixel of the picture, transparent or not.
    const float reach = marker_reach(style.shape, static_cast<float>(radius)) + 1;
    const int side = 2 * static_cast<int>(std::ceil(reach));
    auto sprite = make(renderer, side, [&](ImDrawList& list, ImVec2 centre) { draw_marker(&list, centre, static_cast<float>(radius), style, hollow); });
    if (sprite) markers_.emplace(key, *sprite);
    return sprite;
}

std::optional<MarkerSprites::Sprite> MarkerSprites::disc(SDL_Renderer* renderer) {
    if (!disc_) disc_ = make(renderer, 128, [](ImDrawList& list, ImVec2 centre) { list.AddCircleFilled(centre, 62, IM_COL32_WHITE, 64); });
    return disc_;
}

std::optional<MarkerSprites::Sprite> MarkerSprites::question_badge(SDL_Renderer* renderer, float r, ImU32 ink) {
    const int radius = std::max(1, static_cast<int>(std::lround(r)));
    if (const auto found = badges_.find({radius, ink}); found != badges_.end()) return found->second;
    auto sprite = make(renderer, 2 * radius + 4, [&](ImDrawList& list, ImVec2 centre) { draw_question_badge(&list, centre, static_cast<float>(radius), ink); });
    if (sprite) badges_.emplace(std::pair(radius, ink), *sprite);
    return sprite;
}

Blit MarkerSprites::place(const Sprite& sprite, ImVec2 at, float scale, ImU32 tint) {
    const float half = sprite.half * scale;
    // Whole pixels, so a picture placed at its own size is copied, not resampled.
    const ImVec2 min(std::round(at.x - half), std::round(at.y - half));
    return {sprite.texture, min, ImVec2(min.x + 2 * half, min.y + 2 * half), tint};
}

}  // namespace kiosk
