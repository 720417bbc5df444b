#include "kiosk/map/map_raster.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData: a draw list of our own, outside any window

#include <algorithm>

#include "kiosk/ui/draw_list_texture.hpp"

namespace kiosk {

MapRaster::~MapRaster() {
    if (texture_) SDL_DestroyTexture(texture_);
}

bool MapRaster::stale(const MapCamera& camera) const {
    return !rendered_ || camera.scale() != camera_.scale() || camera.centre().x != camera_.centre().x ||
           camera.centre().y != camera_.centre().y || camera.viewport_size().x != camera_.viewport_size().x ||
           camera.viewport_size().y != camera_.viewport_size().y;
}

void MapRaster::render(SDL_Renderer* renderer, const MapCamera& camera, ImU32 paper, const Paint& paint) {
    if (!renderer) return;
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    const int limit_w = info.max_texture_width > 0 ? info.max_texture_width : 4096;
    const int limit_h = info.max_texture_height > 0 ? info.max_texture_height : 4096;
    const int w = std::min(static_cast<int>(camera.viewport_size().x), limit_w), h = std::min(static_cast<int>(camera.viewport_size().y), limit_h);
    if (!texture_ || w != width_ || h != height_) {
        if (texture_) SDL_DestroyTexture(texture_);
        texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!texture_) {
            failed_ = true;
            return;
        }
        SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_NONE);  // the map is opaque: a plain copy
        width_ = w, height_ = h;
    }
    camera_ = camera;
    MapCamera local = camera;
    local.set_viewport(ImVec2(0, 0), camera.viewport_size());

    ImDrawList list(ImGui::GetDrawListSharedData());
    begin_draw_list(list, w, h);
    std::vector<Blit> blits;
    paint(list, blits, local);
    draw_into(renderer, texture_, list, ImGui::ColorConvertU32ToFloat4(paper), blits);
    rendered_ = true;
    ++renders_;
}

std::pair<ImVec2, ImVec2> MapRaster::placement(const MapCamera& camera) const {
    if (!rendered_ || !texture_) return {ImVec2(0, 0), ImVec2(0, 0)};
    // The picture's corners are map points; the camera says where they are now.
    const ImVec2 top_left = camera.to_screen(camera_.to_map(camera_.viewport_min()));
    const float zoom = camera.scale() / camera_.scale();
    return {top_left, ImVec2(top_left.x + static_cast<float>(width_) * zoom, top_left.y + static_cast<float>(height_) * zoom)};
}

void MapRaster::draw(ImDrawList& list, const MapCamera& camera, ImU32 paper) const {
    const ImVec2 min = camera.viewport_min(), max(min.x + camera.viewport_size().x, min.y + camera.viewport_size().y);
    const auto [shown_min, shown_max] = placement(camera);
    // Paper only where the picture is not: a fill under it would cost a blend of every pixel
    // on the software renderer.
    if (!rendered_ || !texture_ || shown_max.x <= min.x || shown_max.y <= min.y || shown_min.x >= max.x || shown_min.y >= max.y) {
        list.AddRectFilled(min, max, paper);
        return;
    }
    if (shown_min.y > min.y) list.AddRectFilled(min, ImVec2(max.x, shown_min.y), paper);
    if (shown_max.y < max.y) list.AddRectFilled(ImVec2(min.x, shown_max.y), max, paper);
    const float top = std::max(min.y, shown_min.y), bottom = std::min(max.y, shown_max.y);
    if (shown_min.x > min.x) list.AddRectFilled(ImVec2(min.x, top), ImVec2(shown_min.x, bottom), paper);
    if (shown_max.x < max.x) list.AddRectFilled(ImVec2(shown_max.x, top), ImVec2(max.x, bottom), paper);
    list.AddImage(texture_, shown_min, shown_max);
}

}  // namespace kiosk
