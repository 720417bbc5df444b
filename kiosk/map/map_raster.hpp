#pragma once
// The map as a picture: the basemap and the markers drawn once into a texture, which every
// frame of a pan or a pinch only moves and scales. Drawing the map itself is tens of thousands
// of triangles — cheap on a GPU, a hundred milliseconds and more on the software renderer —
// while moving a picture is one copy. The picture is drawn again when the camera has settled:
// on the software renderer over several frames, a bounded part each, into a second texture,
// while the old picture stays on screen until the new one is whole.
#include <imgui.h>

#include <functional>
#include <memory>
#include <utility>

#include "kiosk/map/map_camera.hpp"
#include "kiosk/ui/draw_list_texture.hpp"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk {

class MapRaster {
public:
    MapRaster();
    ~MapRaster();
    MapRaster(const MapRaster&) = delete;
    MapRaster& operator=(const MapRaster&) = delete;

    /// The picture does not show what `camera` shows (or there is none yet).
    bool stale(const MapCamera& camera) const;
    /// What draws the map: shapes into the list, pictures to copy over them into the vector, as
    /// the camera (whose viewport is the texture) shows them.
    using Paint = std::function<void(ImDrawList&, std::vector<Blit>&, const MapCamera&)>;
    /// Draws the picture for `camera`, `paper` under the map; call it each frame while stale().
    /// The first picture is drawn whole; a new one on the software renderer at most
    /// kUnitsPerFrame of work a frame (draw_part), after which the new picture replaces the old.
    /// Keeps the renderer's target and clip.
    void render(SDL_Renderer* renderer, const MapCamera& camera, ImU32 paper, const Paint& paint);
    /// About 10 ms of the software renderer's work on a 2-core x86 (map_frame_bench).
    static constexpr long kUnitsPerFrame = 45000;
    /// A new picture is being drawn, part of it so far.
    bool drawing() const { return job_ != nullptr; }
    /// Puts the picture where `camera` now has it (moved by a pan, scaled by a pinch), and
    /// `paper` in the rest of the camera's viewport.
    void draw(ImDrawList& list, const MapCamera& camera, ImU32 paper) const;
    /// Where draw() puts it on screen: its top-left and bottom-right corners (empty when none).
    std::pair<ImVec2, ImVec2> placement(const MapCamera& camera) const;
    /// Forget the picture (a new look, new content): the next render starts afresh.
    void invalidate();
    /// No texture could be made for the picture (the renderer refused one): draw the map directly.
    bool failed() const { return failed_; }
    /// How many times the picture was drawn (for tests: a pan draws it only once it ends).
    int renders() const { return renders_; }

private:
    struct Job;  // a new picture being drawn, and how far
    void resize(SDL_Renderer* renderer, int width, int height);

    SDL_Texture* texture_ = nullptr;  // the picture shown
    SDL_Texture* next_ = nullptr;     // the one being drawn
    std::unique_ptr<Job> job_;
    int width_ = 0, height_ = 0;
    MapCamera camera_;  // what the picture shows
    bool rendered_ = false;
    bool failed_ = false;
    int renders_ = 0;
};

}  // namespace kiosk
