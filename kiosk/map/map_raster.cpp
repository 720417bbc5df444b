#include "kiosk/map/map_raster.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData: a draw list of our own, outside any window

#include <algorithm>
#include <limits>

#include "kiosk/ui/draw_list_texture.hpp"

namespace kiosk {

namespace {
// The two cameras show the same picture (where on the screen it goes aside).
bool same_view(const MapCamera& a, const MapCamera& b) {
    return a.scale() == b.scale() && a.centre().x == b.centre().x && a.centre().y == b.centre().y &&
           a.viewport_size().x == b.viewport_size().x && a.viewport_size().y == b.viewport_size().y;
}
}  // namespace

struct MapRaster::Job {
    MapCamera camera;
    ImDrawList list{ImGui::GetDrawListSharedData()};
    std::vector<Blit> blits;
    DrawCursor cursor;
};

MapRaster::MapRaster() = default;

MapRaster::~MapRaster() {
    if (texture_) SDL_DestroyTexture(texture_);
    if (next_) SDL_DestroyTexture(next_);
}

void MapRaster::invalidate() {
    rendered_ = false;
    job_.reset();  // a picture half drawn in the old look is dropped too
}

bool MapRaster::stale(const MapCamera& camera) const { return !rendered_ || !same_view(camera, camera_); }

void MapRaster::resize(SDL_Renderer* renderer, int w, int h) {
    if (texture_ && w == width_ && h == height_) return;
    for (SDL_Texture** t : {&texture_, &next_}) {
        if (*t) SDL_DestroyTexture(*t);
        *t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!*t) {
            failed_ = true;
            return;
        }
        SDL_SetTextureBlendMode(*t, SDL_BLENDMODE_NONE);  // the map is opaque: a plain copy
    }
    width_ = w, height_ = h;
    rendered_ = false;
    job_.reset();
}

void MapRaster::render(SDL_Renderer* renderer, const MapCamera& camera, ImU32 paper, const Paint& paint) {
    if (!renderer) return;
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(renderer, &info);
    const int limit_w = info.max_texture_width > 0 ? info.max_texture_width : 4096;
    const int limit_h = info.max_texture_height > 0 ? info.max_texture_height : 4096;
    resize(renderer, std::min(static_cast<int>(camera.viewport_size().x), limit_w), std::min(static_cast<int>(camera.viewport_size().y), limit_h));
    if (failed_) return;
    if (job_ && !same_view(job_->camera, camera)) job_.reset();  // the camera moved on: start again
    // A GPU draws the whole picture in a frame; so does the software renderer when there is no
    // picture yet to show meanwhile.
    const bool in_parts = rendered_ && (info.flags & SDL_RENDERER_SOFTWARE);
    if (!job_) {
        job_ = std::make_unique<Job>();
        job_->camera = camera;
        MapCamera local = camera;
        local.set_viewport(ImVec2(0, 0), camera.viewport_size());
        begin_draw_list(job_->list, width_, height_);
        paint(job_->list, job_->blits, local);
        clear_target(renderer, next_, ImGui::ColorConvertU32ToFloat4(paper));
        if (in_parts) return;  // laying the picture out was this frame's part
    }
    if (!draw_part(renderer, next_, job_->list, job_->blits, job_->cursor, in_parts ? kUnitsPerFrame : std::numeric_limits<long>::max()))
        return;
    std::swap(texture_, next_);
    camera_ = job_->camera;
    job_.reset();
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
