#pragma once
#include <string>
#include <vector>

#include "kiosk/map/basemap_painter.hpp"
#include "kiosk/map/map_camera.hpp"
#include "kiosk/map/map_raster.hpp"
#include "kiosk/map/marker_sprites.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// The places on the offline basemap: a marker per place in its kind's symbol, the legend,
/// "you are here", the map's attribution. One finger pans (and flings), two fingers pinch-zoom
/// about their midpoint, the buttons zoom and recenter; tapping a marker opens its place. A
/// mobile unit's next stops are hollow markers that open the unit. On `map/<id>` it opens
/// centred on that place, whose name it shows.
class MapScreen : public View {
public:
    explicit MapScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool scrolls() const override { return false; }
    /// A fling glides, or the picture of the map is to be drawn again now the camera has settled.
    bool animating() const override { return velocity_.x != 0 || velocity_.y != 0 || (can_render_ && raster_.stale(camera_)); }

    const MapCamera& camera() const { return camera_; }
    const BasemapPainter& painter() const { return painter_; }
    const MapRaster& raster() const { return raster_; }

private:
    struct Marker {
        std::string id, kind;  // a stop's: its mobile unit's
        content::MapPoint at;
        bool approximate = false;
        bool stop = false;  // where a mobile unit will be, drawn hollow
        bool hours_unknown = false;  // a "?" badge: not known is not closed
        content::Localized name{};   // what it is and its name, as spoken
    };
    struct LegendRow {
        std::string kind;  // empty: "you are here"; "approximate": the uncertainty halo; "stop": a mobile unit's next
                           // stops; "hours_unknown": the "?" badge
        TextBlock label;
    };
    /// A mobile unit's next stops as markers; true when there are any (and `approximate` set
    /// when one's position is).
    bool add_stops(const content::MapInfo& info, bool& approximate);
    /// Where the map opens, and where recenter goes back to: the kiosk and the places nearest it
    /// (or the focused place; or every place).
    void home_view();
    void gestures(Ui& ui, ImVec2 min, ImVec2 size);
    /// Everything that lies on the map (the basemap, halos, markers) as `camera` shows it: drawn
    /// into the picture, not every frame. Markers are pictures made with `sprites_with`, put in
    /// `blits`; shapes in `list` without it.
    void paint(ImDrawList& list, std::vector<Blit>& blits, const MapCamera& camera, const Ui& ui, SDL_Renderer* sprites_with);
    /// Where each marker is on screen now, for taps by name (scripts, tests).
    void record_markers(Ui& ui);
    // Overlays (map_overlays.cpp).
    void draw_label(Ui& ui, ImDrawList* list, TextBlock& text, ImVec2 at);
    /// The "?" badge of a place whose hours are not known, centred on `at`.
    void draw_legend(Ui& ui, ImVec2 min, ImVec2 size);
    void draw_controls(Ui& ui, ImVec2 min, ImVec2 size);
    void draw_attribution(Ui& ui, ImVec2 min, ImVec2 size);
    /// The marker nearest a tap, within a fingertip of it; null when none is.
    const Marker* marker_at(ImVec2 at, float reach) const;
    float marker_radius(const Ui& ui) const;

    App& app_;
    TextBlock title_, here_label_, focus_label_, attribution_;
    std::vector<Marker> markers_;
    std::vector<LegendRow> legend_;
    std::optional<content::MapPoint> here_, focus_;
    std::string focus_id_;
    MapCamera camera_;
    BasemapPainter painter_;
    MapRaster raster_;
    MarkerSprites sprites_;
    bool can_render_ = false;  // the map is a picture: a renderer was given, and it made a texture
    bool high_contrast_ = false;  // the look the picture was drawn in
    bool placed_ = false;  // the camera has its first view
    bool held_ = false;    // a finger is panning the map
    ImVec2 velocity_{0, 0};  // a fling, in pixels per second
};

}  // namespace kiosk
