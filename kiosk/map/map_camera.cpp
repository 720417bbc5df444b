#include "kiosk/map/map_camera.hpp"

#include <algorithm>

namespace kiosk {

void MapCamera::set_limits(const content::MapBox& bounds, float max_pixels_per_metre) {
    bounds_ = bounds;
    max_scale_ = max_pixels_per_metre;
    min_scale_ = std::min(min_scale_, max_scale_);
}

void MapCamera::set_viewport(ImVec2 min, ImVec2 size) {
    min_ = min;
    size_ = ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f));
    // Zoomed out as far as the whole map with a margin, no further: beyond is empty paper.
    const double w = std::max(bounds_.max_x - bounds_.min_x, 1.0), h = std::max(bounds_.max_y - bounds_.min_y, 1.0);
    min_scale_ = std::min(static_cast<float>(std::min(size_.x / w, size_.y / h)) * 0.8f, max_scale_);
    scale_ = std::clamp(scale_, min_scale_, max_scale_);
    keep_in_bounds();
}

void MapCamera::fit(const content::MapBox& box) {
    const double w = std::max(box.max_x - box.min_x, 1.0), h = std::max(box.max_y - box.min_y, 1.0);
    look_at({(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2}, static_cast<float>(std::min(size_.x / w, size_.y / h)));
}

void MapCamera::look_at(content::MapPoint centre, float pixels_per_metre) {
    centre_ = centre;
    scale_ = std::clamp(pixels_per_metre, min_scale_, max_scale_);
    keep_in_bounds();
}

ImVec2 MapCamera::to_screen(content::MapPoint p) const {
    return ImVec2(min_.x + size_.x / 2 + static_cast<float>((p.x - centre_.x) * scale_),
                  min_.y + size_.y / 2 - static_cast<float>((p.y - centre_.y) * scale_));
}

content::MapPoint MapCamera::to_map(ImVec2 s) const {
    return {centre_.x + (s.x - min_.x - size_.x / 2) / scale_, centre_.y - (s.y - min_.y - size_.y / 2) / scale_};
}

content::MapBox MapCamera::visible() const {
    const auto a = to_map(min_), b = to_map(ImVec2(min_.x + size_.x, min_.y + size_.y));
    return {a.x, b.y, b.x, a.y};
}

void MapCamera::pan(ImVec2 delta) {
    centre_.x -= delta.x / scale_;
    centre_.y += delta.y / scale_;
    keep_in_bounds();
}

void MapCamera::zoom_about(ImVec2 at, float factor) { pinch(at, at, factor); }

void MapCamera::pinch(ImVec2 from, ImVec2 to, float factor) {
    const content::MapPoint held = to_map(from);
    scale_ = std::clamp(scale_ * factor, min_scale_, max_scale_);
    // Whatever the scale became, the held point goes under `to`.
    centre_.x = held.x - (to.x - min_.x - size_.x / 2) / scale_;
    centre_.y = held.y + (to.y - min_.y - size_.y / 2) / scale_;
    keep_in_bounds();
}

void MapCamera::keep_in_bounds() {
    centre_.x = std::clamp(centre_.x, bounds_.min_x, std::max(bounds_.min_x, bounds_.max_x));
    centre_.y = std::clamp(centre_.y, bounds_.min_y, std::max(bounds_.min_y, bounds_.max_y));
}

}  // namespace kiosk
