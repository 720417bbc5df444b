#include "kiosk/ui/draw_list_texture.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData: a draw list of our own, outside any window

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {

void begin_draw_list(ImDrawList& list, int width, int height) {
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);  // as the frame's shapes are drawn (none: see Runner::frame)
}

namespace {

// Draws into `target` with the renderer's target and clip rectangle kept round it.
template <class Draw>
void with_target(SDL_Renderer* renderer, SDL_Texture* target, Draw&& draw) {
    SDL_Texture* previous = SDL_GetRenderTarget(renderer);
    SDL_Rect clip{};
    SDL_RenderGetClipRect(renderer, &clip);
    const bool clipped = SDL_RenderIsClipEnabled(renderer);
    SDL_SetRenderTarget(renderer, target);
    draw();
    SDL_SetRenderTarget(renderer, previous);
    SDL_RenderSetClipRect(renderer, clipped ? &clip : nullptr);
}

}  // namespace

void clear_target(SDL_Renderer* renderer, SDL_Texture* target, ImVec4 clear) {
    with_target(renderer, target, [&] {
        SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(clear.x * 255), static_cast<Uint8>(clear.y * 255), static_cast<Uint8>(clear.z * 255),
                               static_cast<Uint8>(clear.w * 255));
        SDL_RenderSetClipRect(renderer, nullptr);
        SDL_RenderClear(renderer);
    });
}

bool draw_part(SDL_Renderer* renderer, SDL_Texture* target, const ImDrawList& list, const std::vector<Blit>& blits, DrawCursor& cursor,
               long budget) {
    with_target(renderer, target, [&] {
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
        // As the ImGui backend submits a frame: one call per command, here perhaps a part of one.
        for (; cursor.command < list.CmdBuffer.Size && budget > 0; ++cursor.command, cursor.element = 0) {
            const ImDrawCmd& cmd = list.CmdBuffer[cursor.command];
            if (cmd.ElemCount == 0 || cmd.UserCallback) continue;
            // A triangle costs a unit to set up and one more for every kPixelsPerUnit it covers.
            const ImDrawVert* vertices = list.VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* indices = list.IdxBuffer.Data + cmd.IdxOffset;
            const long left = static_cast<long>(cmd.ElemCount - cursor.element) / 3;
            long triangles = 0;
            for (; triangles < left && budget > 0; ++triangles) {
                const ImDrawIdx* t = indices + cursor.element + 3 * triangles;
                const ImVec2 a = vertices[t[0]].pos, b = vertices[t[1]].pos, c = vertices[t[2]].pos;
                const float area = std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
                budget -= 1 + static_cast<long>(area / kPixelsPerUnit);
            }
            const SDL_Rect r{static_cast<int>(cmd.ClipRect.x), static_cast<int>(cmd.ClipRect.y), static_cast<int>(cmd.ClipRect.z - cmd.ClipRect.x),
                             static_cast<int>(cmd.ClipRect.w - cmd.ClipRect.y)};
            SDL_RenderSetClipRect(renderer, &r);
            SDL_RenderGeometryRaw(renderer, static_cast<SDL_Texture*>(cmd.GetTexID()), &vertices->pos.x, sizeof(ImDrawVert),
                                  reinterpret_cast<const SDL_Color*>(&vertices->col), sizeof(ImDrawVert), &vertices->uv.x, sizeof(ImDrawVert),
                                  list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset), indices + cursor.element,
                                  static_cast<int>(triangles * 3), sizeof(ImDrawIdx));
            if (triangles < left) {
                cursor.element += static_cast<unsigned>(triangles * 3);
                return;
            }
        }
        SDL_RenderSetClipRect(renderer, nullptr);
        for (; cursor.blit < blits.size() && budget > 0; ++cursor.blit) {
            const Blit& b = blits[cursor.blit];
            auto* texture = static_cast<SDL_Texture*>(b.texture);
            int w = 0, h = 0;
            SDL_QueryTexture(texture, nullptr, nullptr, &w, &h);
            const bool scaled = std::lround(b.max.x - b.min.x) != w || std::lround(b.max.y - b.min.y) != h;
            budget -= scaled ? kScaledCopyUnits : kCopyUnits;
            const ImVec4 tint = ImGui::ColorConvertU32ToFloat4(b.tint);
            SDL_SetTextureColorMod(texture, static_cast<Uint8>(tint.x * 255), static_cast<Uint8>(tint.y * 255), static_cast<Uint8>(tint.z * 255));
            SDL_SetTextureAlphaMod(texture, static_cast<Uint8>(tint.w * 255));
            const SDL_FRect to{b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y};
            SDL_RenderCopyF(renderer, texture, nullptr, &to);
        }
    });
    return cursor.command >= list.CmdBuffer.Size && cursor.blit >= blits.size();
}

void draw_into(SDL_Renderer* renderer, SDL_Texture* target, const ImDrawList& list, ImVec4 clear, const std::vector<Blit>& blits) {
    clear_target(renderer, target, clear);
    DrawCursor whole;
    draw_part(renderer, target, list, blits, whole, std::numeric_limits<long>::max());
}

}  // namespace kiosk
