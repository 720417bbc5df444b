#pragma once
// Markers as small pictures, each drawn once: a map with thousands of places copies one picture
// per place instead of drawing a few hundred anti-aliased triangles (which the software renderer
// sets up one by one), and the halos are one disc scaled and tinted.
#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <tuple>

#include "kiosk/map/map_markers.hpp"
#include "kiosk/ui/draw_list_texture.hpp"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk {

class MarkerSprites {
public:
    MarkerSprites() = default;
    ~MarkerSprites();
    MarkerSprites(const MarkerSprites&) = delete;
    MarkerSprites& operator=(const MarkerSprites&) = delete;

    /// A picture and how far it reaches from its centre on each side, in pixels.
    struct Sprite {
        ImTextureID texture = nullptr;
        float half = 0;
    };
    /// draw_marker(style, r, hollow) as a picture, made on first use; none without a renderer.
    std::optional<Sprite> marker(SDL_Renderer* renderer, const MarkerStyle& style, float r, bool hollow);
    /// A white disc with a soft edge, to be scaled and tinted.
    std::optional<Sprite> disc(SDL_Renderer* renderer);
    /// draw_question_badge(r, ink) as a picture, made on first use.
    std::optional<Sprite> question_badge(SDL_Renderer* renderer, float r, ImU32 ink);

    /// A picture centred on `at`; `scale` enlarges it, `tint` multiplies its colours.
    static Blit place(const Sprite& sprite, ImVec2 at, float scale = 1, ImU32 tint = IM_COL32_WHITE);

private:
    std::optional<Sprite> make(SDL_Renderer* renderer, int side, const std::function<void(ImDrawList&, ImVec2)>& paint);

    using Key = std::tuple<ImU32, int, int, bool>;  // fill, shape, radius in pixels, hollow
    std::map<Key, Sprite> markers_;
    std::optional<Sprite> disc_;
    std::map<std::pair<int, ImU32>, Sprite> badges_;  // by radius in pixels and ink
};

}  // namespace kiosk
