#pragma once
// Rasterised glyphs in one alpha texture, filled on demand and bounded. Glyphs are packed on
// shelves (rows of one height); a full atlas first grows (up to its limit, 2048 by default: a
// Pi 3's largest texture) and then gives back the shelf used longest ago. A shelf drawn from in
// the current frame is never evicted, since that frame's vertices point into it: when nothing
// else is left, the glyph is skipped and the atlas asks for another frame, which starts empty.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "fonts/face.hpp"

namespace fonts {

class GlyphAtlas {
public:
    explicit GlyphAtlas(int initial_size = 512, int max_size = 2048);

    struct Slot {
        int x = 0, y = 0, w = 0, h = 0;  // in the atlas; w == 0 for glyphs that draw nothing
        int left = 0, top = 0;           // bitmap offset from the pen position (top is up)
    };

    /// Call before drawing a frame: applies the growth or reset the last frame asked for.
    void begin_frame();
    /// The glyph rasterised at `pixel_size`; nullptr when there is no room in this frame.
    const Slot* get(const Face& face, uint32_t glyph, float pixel_size);
    /// True when a glyph was skipped: the screen must be drawn again.
    bool wants_redraw() const { return skipped_; }

    int width() const { return width_; }
    int height() const { return height_; }
    const std::vector<uint8_t>& pixels() const { return pixels_; }  // width × height, coverage 0–255
    struct Rect { int x0, y0, x1, y1; };
    /// The area changed since the last call (the whole atlas after a resize), if any.
    std::optional<Rect> take_dirty();
    size_t glyph_count() const { return slots_.size(); }
    long evictions() const { return evictions_; }

private:
    struct Key {
        const Face* face;
        uint32_t glyph;
        int size;  // quarter pixels
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key& k) const {
            return std::hash<const void*>()(k.face) ^ (std::hash<uint64_t>()((uint64_t(k.glyph) << 20) ^ uint64_t(k.size)) * 31);
        }
    };
    struct Shelf {
        int y, height, used_x = 0;
        long last_frame = 0;
        std::vector<Key> keys;
    };
    struct Entry {
        Slot slot;
        int shelf;  // -1 for glyphs that draw nothing
    };

    int place(int w, int h);  // shelf index, or -1
    void evict(int shelf);
    void mark(Rect r);
    void clear();

    int width_, height_, max_size_;
    std::vector<uint8_t> pixels_;
    std::vector<Shelf> shelves_;
    std::unordered_map<Key, Entry, KeyHash> slots_;
    long frame_ = 1;
    bool skipped_ = false, grow_ = false, reset_ = false;
    long evictions_ = 0;
    std::optional<Rect> dirty_;
};

}  // namespace fonts
