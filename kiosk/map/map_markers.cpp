#include "kiosk/map/map_markers.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk {

MarkerStyle marker_style(std::string_view kind) {
    // Colours from ColorBrewer's dark qualitative set, each above 4.5:1 against white.
    if (kind == "food_hub") return {IM_COL32(27, 120, 55, 255), MarkerShape::Circle};
    if (kind == "office") return {IM_COL32(33, 102, 172, 255), MarkerShape::Square};
    if (kind == "call_center") return {IM_COL32(118, 42, 131, 255), MarkerShape::Diamond};
    if (kind == "help_desk") return {IM_COL32(179, 88, 6, 255), MarkerShape::Triangle};
    if (kind == "mobile_unit") return {IM_COL32(178, 24, 43, 255), MarkerShape::Hexagon};
    return {IM_COL32(90, 90, 90, 255), MarkerShape::Circle};
}

namespace {

float ring_width(float r) { return std::max(2.0f, r * 0.18f); }

// How far each shape's corners are from its centre, in radii (see outline()).
float corner_factor(MarkerShape shape) {
    switch (shape) {
        case MarkerShape::Circle: return 1;
        case MarkerShape::Square: return 1.25f;
        case MarkerShape::Diamond: return 1.3f;
        case MarkerShape::Triangle: return 1.45f;
        case MarkerShape::Hexagon: return 1.1f;
    }
    return 1.45f;
}

// The shape's outline, `r` from the centre (its corners; a circle has none).
int outline(MarkerShape shape, ImVec2 at, float r, ImVec2* points) {
    const auto ring = [&](int n, float turn, float radius) {
        for (int i = 0; i < n; ++i) {
            const float a = turn + 2 * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(n);
            points[i] = ImVec2(at.x + radius * std::cos(a), at.y + radius * std::sin(a));
        }
        return n;
    };
    switch (shape) {
        case MarkerShape::Circle: return 0;
        case MarkerShape::Square: return ring(4, std::numbers::pi_v<float> / 4, r * corner_factor(shape));  // as heavy as the circle
        case MarkerShape::Diamond: return ring(4, 0, r * corner_factor(shape));
        case MarkerShape::Triangle: return ring(3, -std::numbers::pi_v<float> / 2, r * corner_factor(shape));
        case MarkerShape::Hexagon: return ring(6, 0, r * corner_factor(shape));
    }
    return 0;
}

void fill_shape(ImDrawList* list, MarkerShape shape, ImVec2 at, float r, ImU32 color) {
    ImVec2 points[6];
    const int n = outline(shape, at, r, points);
    if (n == 0) list->AddCircleFilled(at, r, color, 24);
    else list->AddConvexPolyFilled(points, n, color);
}

}  // namespace

float marker_reach(MarkerShape shape, float r) {
    // Each ring is as wide outside the shape's corners as it is at its sides, at most.
    return corner_factor(shape) * (r + 2 * ring_width(r));
}

void draw_marker(ImDrawList* list, ImVec2 at, float r, const MarkerStyle& style, bool hollow) {
    const float ring = ring_width(r);
    fill_shape(list, style.shape, at, r + 2 * ring, IM_COL32(30, 30, 30, 255));
    fill_shape(list, style.shape, at, r + ring, IM_COL32(255, 255, 255, 255));
    fill_shape(list, style.shape, at, r, style.fill);
    if (hollow) fill_shape(list, style.shape, at, r * 0.5f, IM_COL32(255, 255, 255, 255));
}

void draw_you_are_here(ImDrawList* list, ImVec2 at, float r) {
    list->AddCircleFilled(at, r * 2.4f, IM_COL32(26, 115, 232, 60), 32);  // the halo
    list->AddCircleFilled(at, r * 1.3f, IM_COL32(255, 255, 255, 255), 24);
    list->AddCircleFilled(at, r, IM_COL32(26, 115, 232, 255), 24);
}

void draw_question_badge(ImDrawList* list, ImVec2 at, float r, ImU32 ink) {
    list->AddCircleFilled(at, r, IM_COL32(255, 255, 255, 255), 20);
    list->AddCircle(at, r, ink, 20, std::max(1.0f, r * 0.1f));
    // The hook: three quarters of a circle from its left round over the top, then the stem down.
    const float line = r * 0.2f, hook = r * 0.3f;
    const ImVec2 centre(at.x, at.y - r * 0.22f);
    list->PathArcTo(centre, hook, std::numbers::pi_v<float>, std::numbers::pi_v<float> * 2.5f, 12);
    list->PathLineTo(ImVec2(at.x, at.y + r * 0.22f));
    list->PathStroke(ink, 0, line);
    list->AddCircleFilled(ImVec2(at.x, at.y + r * 0.52f), line * 0.65f, ink, 8);
}

}  // namespace kiosk
