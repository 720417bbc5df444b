#pragma once
// Drawing helpers shared by every screen: touch-sized cards and buttons that mirror in
// right-to-left languages, and the hit map that records where each control was drawn, so
// scripts and tests can tap a control by name.
#include <imgui.h>

#include <map>
#include <optional>
#include <set>
#include <string>

#include "content/model/bundle.hpp"
#include "kiosk/ui/text_layout.hpp"
#include "kiosk/ui/theme.hpp"
#include "platform/clock.hpp"

struct SDL_Renderer;

namespace kiosk {

class App;
class Pointer;
class Speech;

/// Whether `p` lies in the rectangle at `min` of `size` (screen pixels).
inline bool contains(ImVec2 min, ImVec2 size, ImVec2 p) { return p.x >= min.x && p.y >= min.y && p.x < min.x + size.x && p.y < min.y + size.y; }

/// The frame's time, and when the screen next wants a frame with no input (an animation step).
struct FrameTime {
    platform::Clock::time_point now{};
    float dt = 0;  // seconds since the last frame
    std::optional<platform::Clock::time_point> due;
    void wake_at(platform::Clock::time_point t) {
        if (!due || t < *due) due = t;
    }
};

class HitMap {
public:
    void clear() {
        rects_.clear();
        clipped_.clear();
    }
    /// Records the visible part of a control; `clipped` when part of it is scrolled out of view.
    void add(const std::string& id, ImVec2 min, ImVec2 max, bool clipped = false) {
        rects_[id] = {min, max};
        if (clipped) clipped_.insert(id);
    }
    bool clipped(const std::string& id) const { return clipped_.contains(id); }
    /// Whether some control was drawn under `p` last frame.
    bool at(ImVec2 p) const {
        for (const auto& [id, r] : rects_)
            if (p.x >= r.first.x && p.y >= r.first.y && p.x < r.second.x && p.y < r.second.y) return true;
        return false;
    }
    /// Centre of the control drawn last frame under this id.
    std::optional<ImVec2> center(const std::string& id) const;
    const std::map<std::string, std::pair<ImVec2, ImVec2>>& all() const { return rects_; }

private:
    std::map<std::string, std::pair<ImVec2, ImVec2>> rects_;
    std::set<std::string> clipped_;
};

/// Adds `sentence` to a control's spoken name, after a full stop unless `name` ends in one of its own.
void append_sentence(std::string& name, const std::string& sentence);

/// While one lives, the texts drawn are the words of a control (its label), not texts of their
/// own: the screen reader speaks them once, as the control's name.
struct NamingTexts {
    /// `control`: an index into DrawnText::current's controls; -1 names nothing.
    explicit NamingTexts(int control);
    ~NamingTexts();
    NamingTexts(const NamingTexts&) = delete;
    NamingTexts& operator=(const NamingTexts&) = delete;
    /// The control recorded last (-1 when none, or nothing collects).
    static int last_control();
};

/// While one lives, the texts drawn are news of what the visitor did ("Take your ticket"): in
/// speech mode they are said as they appear, on the same screen.
struct Announcing {
    Announcing();
    ~Announcing();
    Announcing(const Announcing&) = delete;
    Announcing& operator=(const Announcing&) = delete;
};

struct Ui {
    App& app;
    Theme& theme;
    HitMap& hits;
    Pointer& pointer;
    FrameTime& time;
    /// For a screen that keeps pictures of its own (the map's); null where nothing is drawn.
    SDL_Renderer* renderer = nullptr;
    /// The voice, for what it can say; null where nothing speaks.
    const Speech* speech = nullptr;
    /// Whether it was speaking as the frame began: read once, so the frame that shows "Stop" is
    /// followed by another (Runner::frame), which sees it has ended.
    bool speaking = false;

    bool rtl() const;
    /// A card with a title and an optional summary; true when tapped. A title that is not in
    /// the visitor's language carries a marker naming its language. `width` 0 means the whole
    /// line; `min_height` lets cards in one grid row share a height.
    /// With an `icon` (pictogram.hpp), the pictogram stands at the reading edge beside the texts.
    bool card(const std::string& id, TextBlock& title, TextBlock* summary, const std::string& fallback_language,
              float width = 0, float min_height = 0, std::string_view icon = {});
    /// The height card() will take for these texts at this width.
    float card_height(TextBlock& title, TextBlock* summary, const std::string& fallback_language, float width,
                      std::string_view icon = {});
    /// A button of the given size at the cursor, its label in `style` (body text when null);
    /// true when tapped.
    bool button(const std::string& id, TextBlock& label, ImVec2 size, bool selected, ImU32 fill, ImU32 text,
                const TextStyle* style = nullptr);
    /// A button of the given size at the cursor with nothing written on it (the caller draws a
    /// symbol); `name` is what it is called when spoken. True when tapped.
    bool blank_button(const std::string& id, const content::Localized& name, ImVec2 size, bool selected, ImU32 fill);
    /// An invisible button over a region in screen coordinates, spoken as `name`; true when tapped.
    bool button_area(const std::string& id, const content::Localized& name, ImVec2 min, ImVec2 size);
    /// A control that is no ImGui item (a map marker, tapped through the map under it): recorded
    /// for taps by id and for the focus ring, spoken as `name`.
    void spot(const std::string& id, const content::Localized& name, ImVec2 min, ImVec2 max);
    /// Wrapped text across the available width, advancing the cursor; its links are tappable.
    void text(TextBlock& block, const TextStyle& style, ImU32 color);
    /// Makes the links of a block drawn at `origin` tappable: a tap on link:<id> opens that
    /// link's QR screen. Each is a control "inline:<id>" ("inline:<id>#2" for the second one on
    /// the screen). The cursor is left where it was.
    void follow_links(const TextBlock& block, ImVec2 origin);
    /// A notice strip (fallback language, demo content).
    void notice(TextBlock& block);
    /// The x of a box of `width` at the line start: left in LTR, right-aligned in RTL.
    float start_x(float width) const;
};

}  // namespace kiosk
