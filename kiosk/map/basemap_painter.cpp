#include "kiosk/map/basemap_painter.hpp"

#include <imgui_internal.h>  // ImDrawListSharedData: the white pixel raw triangles are drawn with

#include <algorithm>

namespace kiosk {

ImU32 map_colour(std::uint32_t rgb, bool high_contrast) {
    int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
    if (high_contrast) {
        // Light paper becomes near black and dark lines light grey, keeping the hue's hint.
        r = 255 - r, g = 255 - g, b = 255 - b;
        const int grey = (r + g + b) / 3;
        r = (r + 3 * grey) / 4, g = (g + 3 * grey) / 4, b = (b + 3 * grey) / 4;
    }
    return IM_COL32(r, g, b, 255);
}

void BasemapPainter::draw(ImDrawList* list, const content::Bundle& bundle, const MapCamera& camera, float px, bool high_contrast) {
    const auto& info = bundle.map();
    if (!info) return;
    const content::MapBox view = camera.visible();
    const bool inside = read_ && view.min_x >= read_box_.min_x && view.min_y >= read_box_.min_y && view.max_x <= read_box_.max_x &&
                        view.max_y <= read_box_.max_y;
    if (!inside) {
        // Half a view more on every side: a pan reads again only after it has gone that far.
        const double w = view.max_x - view.min_x, h = view.max_y - view.min_y;
        read_box_ = {view.min_x - w / 2, view.min_y - h / 2, view.max_x + w / 2, view.max_y + h / 2};
        chunks_ = bundle.chunks_in(read_box_.min_x, read_box_.min_y, read_box_.max_x, read_box_.max_y);
        read_ = true;
        ++reads_;
    }
    // Chunks come layer by layer, the bottom first; within a layer, fills under outlines would
    // let a neighbour's fill cover a shared border, so each layer's fills go first.
    for (size_t begin = 0; begin < chunks_.size();) {
        size_t end = begin;
        while (end < chunks_.size() && chunks_[end].layer == chunks_[begin].layer) ++end;
        const auto& style = info->layers.at(static_cast<size_t>(chunks_[begin].layer));
        if (style.kind == content::MapLayerKind::Polygon)
            for (size_t i = begin; i < end; ++i)
                if (chunks_[i].box.intersects(view)) fill(list, chunks_[i], camera, map_colour(style.fill, high_contrast));
        const float width = style.kind == content::MapLayerKind::Line ? std::max(style.stroke_width_px, 1.0f) : style.stroke_width_px;
        if (width > 0)
            for (size_t i = begin; i < end; ++i)
                if (chunks_[i].box.intersects(view)) stroke(list, chunks_[i], camera, map_colour(style.stroke, high_contrast), std::max(1.0f, width * px));
        begin = end;
    }
}

void BasemapPainter::fill(ImDrawList* list, const content::MapChunk& chunk, const MapCamera& camera, ImU32 color) {
    const int vertices = static_cast<int>(chunk.triangle_xy.size() / 2), indices = static_cast<int>(chunk.triangle_indices.size());
    if (vertices == 0 || indices == 0) return;
    list->PrimReserve(indices, vertices);
    // After PrimReserve, which may have started a new vertex block: the chunk's index 0.
    const auto base = static_cast<ImDrawIdx>(list->_VtxCurrentIdx);
    const ImVec2 uv = list->_Data->TexUvWhitePixel;
    for (int v = 0; v < vertices; ++v)
        list->PrimWriteVtx(camera.to_screen({chunk.triangle_xy[2 * v], chunk.triangle_xy[2 * v + 1]}), uv, color);
    for (const auto i : chunk.triangle_indices) list->PrimWriteIdx(static_cast<ImDrawIdx>(base + i));
}

void BasemapPainter::stroke(ImDrawList* list, const content::MapChunk& chunk, const MapCamera& camera, ImU32 color, float width) {
    size_t at = 0;
    for (const auto length : chunk.line_lengths) {
        points_.clear();
        for (std::uint32_t p = 0; p < length; ++p, ++at)
            points_.push_back(camera.to_screen({chunk.line_xy[2 * at], chunk.line_xy[2 * at + 1]}));
        list->AddPolyline(points_.data(), static_cast<int>(points_.size()), color, ImDrawFlags_None, width);
    }
}

}  // namespace kiosk
