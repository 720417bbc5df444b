#pragma once
// Draws the bundle's offline basemap as it was built: triangles and polylines, moved and scaled
// to the camera, nothing computed. The chunks around the view are read once and kept; the
// R*Tree is asked again only when the view leaves what was read, so panning reads nothing.
#include <imgui.h>

#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/map/map_camera.hpp"

namespace kiosk {

class BasemapPainter {
public:
    /// Draws the chunks the camera sees into `list`, clipped to the camera's viewport by the
    /// caller. `px` turns the styles' 1080p line widths into pixels. With `high_contrast`, the
    /// paper goes dark and the lines light, to sit in the high-contrast look.
    void draw(ImDrawList* list, const content::Bundle& bundle, const MapCamera& camera, float px, bool high_contrast);

    /// How many times chunks were read from the bundle (for tests: panning within reach reads none).
    int reads() const { return reads_; }

private:
    void fill(ImDrawList* list, const content::MapChunk& chunk, const MapCamera& camera, ImU32 color);
    void stroke(ImDrawList* list, const content::MapChunk& chunk, const MapCamera& camera, ImU32 color, float width);

    content::MapBox read_box_;
    bool read_ = false;
    int reads_ = 0;
    std::vector<content::MapChunk> chunks_;
    std::vector<ImVec2> points_;  // one polyline on screen, reused
};

/// A style colour (0xRRGGBB) as ImGui's; in high contrast, its brightness turned around.
ImU32 map_colour(std::uint32_t rgb, bool high_contrast);

}  // namespace kiosk
