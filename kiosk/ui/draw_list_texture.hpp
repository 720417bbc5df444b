#pragma once
// Draws an ImGui draw list into a texture, as the ImGui SDL_Renderer backend draws a frame onto
// the screen: for pictures drawn once and shown many times (the map, its markers).
#include <imgui.h>

#include <vector>

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk {

/// A draw list of our own, outside any window, ready for shapes drawn the way the frame draws
/// them (untextured; see Runner::frame) and clipped to `width` x `height`.
void begin_draw_list(ImDrawList& list, int width, int height);

/// A picture copied onto another, scaled to fill `min`..`max` and its colours multiplied by `tint`.
/// Copied directly, not as two triangles of a draw list: the software renderer sets up each
/// triangle on its own, tens of microseconds for a marker's, where a copy takes a few.
struct Blit {
    ImTextureID texture = nullptr;
    ImVec2 min, max;
    ImU32 tint = IM_COL32_WHITE;
};

/// Clears `target` to `clear` (alpha included), draws `list` into it, then `blits` over it.
/// Keeps the renderer's target and clip rectangle.
void draw_into(SDL_Renderer* renderer, SDL_Texture* target, const ImDrawList& list, ImVec4 clear, const std::vector<Blit>& blits = {});

/// The same in parts, for a picture too large to draw in one frame: clear_target() once, then
/// draw_part() until it returns true, each call drawing at most `budget` units of work from
/// where `cursor` stands (a triangle is one unit and one more per kPixelsPerUnit it covers, a
/// copy at its own size kCopyUnits, a scaled copy kScaledCopyUnits: what the software renderer
/// spends on each, from map_frame_bench).
struct DrawCursor {
    int command = 0;
    unsigned element = 0;  // index within the command
    size_t blit = 0;
};
constexpr long kCopyUnits = 15, kScaledCopyUnits = 150;
constexpr float kPixelsPerUnit = 16;
void clear_target(SDL_Renderer* renderer, SDL_Texture* target, ImVec4 clear);
bool draw_part(SDL_Renderer* renderer, SDL_Texture* target, const ImDrawList& list, const std::vector<Blit>& blits, DrawCursor& cursor,
               long budget);

}  // namespace kiosk
