#include "fonts/glyph_atlas.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>

namespace fonts {

namespace {
constexpr int kPad = 1;            // empty pixels around each glyph, so filtering never bleeds
constexpr int kShelfStep = 8;      // shelf heights are rounded up to this, so shelves get reused
}  // namespace

GlyphAtlas::GlyphAtlas(int initial_size, int max_size)
    : width_(std::min(initial_size, max_size)), height_(width_), max_size_(max_size),
      pixels_(static_cast<size_t>(width_) * static_cast<size_t>(height_), 0) {
    mark({0, 0, width_, height_});
}

void GlyphAtlas::mark(Rect r) {
    if (!dirty_) dirty_ = r;
    else dirty_ = Rect{std::min(dirty_->x0, r.x0), std::min(dirty_->y0, r.y0), std::max(dirty_->x1, r.x1), std::max(dirty_->y1, r.y1)};
}

std::optional<GlyphAtlas::Rect> GlyphAtlas::take_dirty() {
    auto out = dirty_;
    dirty_.reset();
    return out;
}

void GlyphAtlas::clear() {
    shelves_.clear();
    slots_.clear();
    std::fill(pixels_.begin(), pixels_.end(), 0);
    mark({0, 0, width_, height_});
}

void GlyphAtlas::begin_frame() {
    ++frame_;
    skipped_ = false;
    if (grow_ && width_ < max_size_) {
        // Doubling keeps every glyph where it is: the old pixels are copied into the corner.
        const int w = std::min(width_ * 2, max_size_), h = std::min(height_ * 2, max_size_);
        std::vector<uint8_t> bigger(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
        for (int y = 0; y < height_; ++y)
            std::memcpy(&bigger[static_cast<size_t>(y) * static_cast<size_t>(w)], &pixels_[static_cast<size_t>(y) * static_cast<size_t>(width_)],
                        static_cast<size_t>(width_));
        pixels_ = std::move(bigger);
        width_ = w;
        height_ = h;
        mark({0, 0, width_, height_});
    } else if (reset_) {
        ++evictions_;
        clear();
    }
    grow_ = reset_ = false;
}

int GlyphAtlas::place(int w, int h) {
    const int shelf_height = (h + kShelfStep - 1) / kShelfStep * kShelfStep;
    // A shelf of the right height with room left.
    for (size_t i = 0; i < shelves_.size(); ++i) {
        Shelf& s = shelves_[i];
        if (s.height >= shelf_height && s.height <= shelf_height + kShelfStep && s.used_x + w <= width_) return static_cast<int>(i);
    }
    // A new shelf below the last one.
    const int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height;
    if (top + shelf_height <= height_ && w <= width_) {
        shelves_.push_back({top, shelf_height, 0, 0, {}});
        return static_cast<int>(shelves_.size() - 1);
    }
    if (width_ < max_size_) {
        grow_ = true;  // next frame; this one's vertices already use the current size
        return -1;
    }
    // The shelf unused for longest that is tall enough, and not drawn from in this frame.
    int oldest = -1;
    for (size_t i = 0; i < shelves_.size(); ++i) {
        const Shelf& s = shelves_[i];
        if (s.last_frame < frame_ && s.height >= shelf_height && w <= width_ &&
            (oldest < 0 || s.last_frame < shelves_[static_cast<size_t>(oldest)].last_frame))
            oldest = static_cast<int>(i);
    }
    if (oldest < 0) {
        reset_ = true;
        return -1;
    }
    evict(oldest);
    return oldest;
}

void GlyphAtlas::evict(int index) {
    Shelf& s = shelves_[static_cast<size_t>(index)];
    for (const Key& k : s.keys) slots_.erase(k);
    s.keys.clear();
    s.used_x = 0;
    for (int y = s.y; y < s.y + s.height; ++y) std::memset(&pixels_[static_cast<size_t>(y) * static_cast<size_t>(width_)], 0, static_cast<size_t>(width_));
    mark({0, s.y, width_, s.y + s.height});
    ++evictions_;
}

const GlyphAtlas::Slot* GlyphAtlas::get(const Face& face, uint32_t glyph, float pixel_size) {
    const Key key{&face, glyph, static_cast<int>(std::lround(pixel_size * 4))};
    if (auto it = slots_.find(key); it != slots_.end()) {
        if (it->second.shelf >= 0) shelves_[static_cast<size_t>(it->second.shelf)].last_frame = frame_;
        return &it->second.slot;
    }
    FT_Face ft = face.ft();
    // Quarter-pixel sizes, so a 1.15-scaled Arabic face is not rounded to a whole pixel.
    FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(key.size) * 16, 72, 72);
    if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT) != 0 || FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) {
        return &slots_.emplace(key, Entry{{}, -1}).first->second.slot;  // draws nothing
    }
    const FT_Bitmap& bitmap = ft->glyph->bitmap;
    Entry entry{{0, 0, static_cast<int>(bitmap.width), static_cast<int>(bitmap.rows), ft->glyph->bitmap_left, ft->glyph->bitmap_top}, -1};
    if (entry.slot.w == 0 || entry.slot.h == 0) {
        entry.slot.w = entry.slot.h = 0;
        return &slots_.emplace(key, entry).first->second.slot;
    }
    const int shelf = place(entry.slot.w + 2 * kPad, entry.slot.h + 2 * kPad);
    if (shelf < 0) {
        skipped_ = true;
        return nullptr;
    }
    Shelf& s = shelves_[static_cast<size_t>(shelf)];
    entry.slot.x = s.used_x + kPad;
    entry.slot.y = s.y + kPad;
    entry.shelf = shelf;
    s.used_x += entry.slot.w + 2 * kPad;
    s.last_frame = frame_;
    s.keys.push_back(key);
    for (int row = 0; row < entry.slot.h; ++row) {
        const unsigned char* src = bitmap.buffer + row * bitmap.pitch;
        std::memcpy(&pixels_[static_cast<size_t>(entry.slot.y + row) * static_cast<size_t>(width_) + static_cast<size_t>(entry.slot.x)], src,
                    static_cast<size_t>(entry.slot.w));
    }
    mark({entry.slot.x, entry.slot.y, entry.slot.x + entry.slot.w, entry.slot.y + entry.slot.h});
    return &slots_.emplace(key, entry).first->second.slot;
}

}  // namespace fonts
