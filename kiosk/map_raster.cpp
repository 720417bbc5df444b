#include "map_raster.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData: a draw list of our own, outside any window

#include <algorithm>

namespace kiosk {

MapRaster::~MapRaster() {
    if (texture_) SDL_DestroyTexture(texture_);
}

bool MapRaster::stale(const MapCamera& camera) const {
    return !rendered_ || camera.scale() != camera_.scale() || camera.centre().x != camera_.centre().x ||
           camera.centre().y != camera_.centre().y || camera.viewport_size().x != camera_.viewport_size().x ||
           camera.viewport_size().y != camera_.viewport_size().y;
}

void MapRaster::render(SDL_Renderer* renderer, const MapCamera& camera, ImU32 paper,
                       const std::function<void(ImDrawList&, const MapCamera&)>& paint) {
    if (!renderer) return;
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    const int limit_w = info.max_texture_width > 0 ? info.max_texture_width : 4096;
    const int limit_h = info.max_texture_height > 0 ? info.max_texture_height : 4096;
    const int w = std::min(static_cast<int>(camera.viewport_size().x), limit_w), h = std::min(static_cast<int>(camera.viewport_size().y), limit_h);
    if (!texture_ || w != width_ || h != height_) {
        if (texture_) SDL_DestroyTexture(texture_);
        texture_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!texture_) return;
        SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_NONE);  // the map is opaque: a plain copy
        width_ = w, height_ = h;
    }
    camera_ = camera;
    MapCamera local = camera;
    local.set_viewport(ImVec2(0, 0), camera.viewport_size());

    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(w), static_cast<float>(h)));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);  // as the frame's shapes are drawn (none: see Runner::frame)
    paint(list, local);

    SDL_Texture* target = SDL_GetRenderTarget(renderer);
    SDL_Rect clip{};
    SDL_RenderGetClipRect(renderer, &clip);
    const bool clipped = SDL_RenderIsClipEnabled(renderer);
    SDL_SetRenderTarget(renderer, texture_);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(paper);
    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(c.x * 255), static_cast<Uint8>(c.y * 255), static_cast<Uint8>(c.z * 255), 255);
    SDL_RenderSetClipRect(renderer, nullptr);
    SDL_RenderClear(renderer);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    // As the ImGui SDL_Renderer backend submits a draw list: one call per command.
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.ElemCount == 0 || cmd.UserCallback) continue;
        const SDL_Rect r{static_cast<int>(cmd.ClipRect.x), static_cast<int>(cmd.ClipRect.y), static_cast<int>(cmd.ClipRect.z - cmd.ClipRect.x),
                         static_cast<int>(cmd.ClipRect.w - cmd.ClipRect.y)};
        SDL_RenderSetClipRect(renderer, &r);
        const ImDrawVert* v = list.VtxBuffer.Data + cmd.VtxOffset;
        SDL_RenderGeometryRaw(renderer, static_cast<SDL_Texture*>(cmd.GetTexID()), &v->pos.x, sizeof(ImDrawVert),
                              reinterpret_cast<const SDL_Color*>(&v->col), sizeof(ImDrawVert), &v->uv.x, sizeof(ImDrawVert),
                              list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset), list.IdxBuffer.Data + cmd.IdxOffset,
                              static_cast<int>(cmd.ElemCount), sizeof(ImDrawIdx));
    }
    SDL_SetRenderTarget(renderer, target);
    SDL_RenderSetClipRect(renderer, clipped ? &clip : nullptr);
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

void MapRaster::draw(ImDrawList& list, const MapCamera& camera) const {
    if (!rendered_ || !texture_) return;
    const auto [min, max] = placement(camera);
    list.AddImage(texture_, min, max);
}

}  // namespace kiosk
