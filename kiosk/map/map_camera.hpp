#pragma once
// Which part of the basemap the screen shows: the map point at the centre of a viewport and a
// scale in pixels per metre, north up. Pans, zooms about a screen point and pinches keep the
// map point under the finger (or between two fingers) where it is, as on a phone.
#include <imgui.h>

#include "content/model/map_data.hpp"

namespace kiosk {

class MapCamera {
public:
    /// Street level at most; the whole map (with a margin) at least. Set before anything else.
    void set_limits(const content::MapBox& bounds, float max_pixels_per_metre = 1.5f);
    /// The screen rectangle the map is drawn in.
    void set_viewport(ImVec2 min, ImVec2 size);
    /// Shows `box` whole, centred, as large as the viewport allows within the zoom limits.
    void fit(const content::MapBox& box);
    void look_at(content::MapPoint centre, float pixels_per_metre);

    ImVec2 to_screen(content::MapPoint p) const;
    content::MapPoint to_map(ImVec2 s) const;
    /// The map area on screen, in map metres.
    content::MapBox visible() const;

    /// Moves the map with a finger: `delta` pixels on screen.
    void pan(ImVec2 delta);
    /// Scales by `factor` about a screen point, which keeps showing the same map point.
    void zoom_about(ImVec2 at, float factor);
    /// Two fingers went from a midpoint to another and their distance changed by `factor`: the
    /// map point under the first midpoint is now under the second.
    void pinch(ImVec2 from, ImVec2 to, float factor);

    content::MapPoint centre() const { return centre_; }
    float scale() const { return scale_; }
    float min_scale() const { return min_scale_; }
    float max_scale() const { return max_scale_; }
    ImVec2 viewport_min() const { return min_; }
    ImVec2 viewport_size() const { return size_; }

private:
    /// The centre stays over the map, so a flick cannot lose it off screen.
    void keep_in_bounds();

    content::MapBox bounds_;
    content::MapPoint centre_;
    float scale_ = 0.05f, min_scale_ = 0.001f, max_scale_ = 1.5f;
    ImVec2 min_{0, 0}, size_{1, 1};
};

}  // namespace kiosk
