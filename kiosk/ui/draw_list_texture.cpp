#include "kiosk/ui/draw_list_texture.hpp"

#include <SDL.h>
#include <imgui_internal.h>  // GetDrawListSharedData: a draw list of our own, outside any window

namespace kiosk {

void begin_draw_list(ImDrawList& list, int width, int height) {
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)));
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);  // as the frame's shapes are drawn (none: see Runner::frame)
}

void draw_into(SDL_Renderer* renderer, SDL_Texture* target, const ImDrawList& list, ImVec4 clear, const std::vector<Blit>& blits) {
    SDL_Texture* previous = SDL_GetRenderTarget(renderer);
    SDL_Rect clip{};
    SDL_RenderGetClipRect(renderer, &clip);
    const bool clipped = SDL_RenderIsClipEnabled(renderer);
    SDL_SetRenderTarget(renderer, target);
    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(clear.x * 255), static_cast<Uint8>(clear.y * 255), static_cast<Uint8>(clear.z * 255),
                           static_cast<Uint8>(clear.w * 255));
    SDL_RenderSetClipRect(renderer, nullptr);
    SDL_RenderClear(renderer);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    // As the ImGui backend submits a frame: one call per command.
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
    SDL_RenderSetClipRect(renderer, nullptr);
    for (const Blit& b : blits) {
        auto* texture = static_cast<SDL_Texture*>(b.texture);
        const ImVec4 tint = ImGui::ColorConvertU32ToFloat4(b.tint);
        SDL_SetTextureColorMod(texture, static_cast<Uint8>(tint.x * 255), static_cast<Uint8>(tint.y * 255), static_cast<Uint8>(tint.z * 255));
        SDL_SetTextureAlphaMod(texture, static_cast<Uint8>(tint.w * 255));
        const SDL_FRect to{b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y};
        SDL_RenderCopyF(renderer, texture, nullptr, &to);
    }
    SDL_SetRenderTarget(renderer, previous);
    SDL_RenderSetClipRect(renderer, clipped ? &clip : nullptr);
}

}  // namespace kiosk
