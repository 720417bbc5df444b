#pragma once
// What surrounds every screen: a header with Back and Home (always in the same place, mirrored
// in right-to-left languages), where the visitor is and the date and time in Torino; a footer
// with every language by its own name, so one touch switches language on any screen. On a narrow
// (portrait) screen the header gives the title and clock a row of their own, and the footer is
// one row: the visitor's language, the first others, and a button to all of them.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/app/route.hpp"
#include "kiosk/input/scroll_area.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

/// The preview band's colour: in no theme, so it cannot be taken for part of the kiosk's own look.
inline constexpr ImU32 kPreviewMagenta = IM_COL32(176, 0, 110, 255);

class App;
class View;
struct Ui;

class Chrome {
public:
    /// Draws the whole frame: header, `view` in a scrolling area, footer; over it, when the
    /// visitor has been idle a while, the countdown with `countdown` seconds left of `total`.
    void draw(Ui& ui, View& view, ImVec2 display, std::optional<float> countdown = std::nullopt, float total = 10);
    /// The page is still gliding or glowing: more frames wanted.
    bool animating() const { return page_.animating() || view_animating_; }
    const ScrollArea& page() const { return page_; }
    /// Whether Listen was tapped since the last call.
    bool take_listen() { return std::exchange(listen_tapped_, false); }
    /// Whether the page can be heard (Narrator::speakable): Listen, or "No voice".
    void set_speakable(bool speakable) { speakable_ = speakable; }
    /// Scrolls the page so that what lies from `top` to `bottom` (as last drawn) is in view;
    /// returns how far it moved up.
    float reveal(float top, float bottom) { return page_.reveal(top, bottom); }

private:
    void refresh(const App& app);
    void header(Ui& ui, View& view, ImVec2 display, float height, bool narrow);
    /// The header's height: one row of buttons, and on a narrow screen a row for title and clock.
    float header_height(const Theme& t, bool narrow) const;
    /// The date and time, at `x` (its reading-edge side), vertically centred on `centre_y`.
    /// Returns its width. The frame loop wakes at the next minute to turn it.
    float draw_clock(Ui& ui, float x_far, float centre_y);
    void notice_strip(Ui& ui, ImVec2 display, float top, float height);
    void preview_band(Ui& ui, float top, ImVec2 screen);
    /// The countdown: a card over a veiled page, or with `band` > 0 a band that tall over the header.
    void countdown(Ui& ui, ImVec2 display, float left, float total, float band);
    void countdown_band(Ui& ui, ImVec2 display, float left, float total, float height);
    enum class Icon { Contrast, TextSize, Search };
    /// A square header button drawn as a symbol: the same in every language; spoken as `name`.
    bool icon_button(Ui& ui, const std::string& id, const content::Localized& name, Icon icon, ImVec2 at, bool on);
    /// Language buttons wrap into as many rows as their longest native name needs.
    struct FooterGrid {
        int columns = 1, rows = 1;
        float button_width = 0, height = 0;
        bool compact = false;  // one row: the visitor's language, the first others, then "all languages"
    };
    FooterGrid footer_grid(Ui& ui, ImVec2 display);
    void footer(Ui& ui, ImVec2 display, const FooterGrid& grid);
    void compact_footer(Ui& ui, ImVec2 display, const FooterGrid& grid, float top);

    ScrollArea page_;
    bool view_animating_ = false;
    Route page_route_;  // the screen and visitor the page's scroll position belongs to
    long page_visitor_ = -1;
    long seen_changes_ = -1;
    /// The header's Listen button (Stop while speaking; "No voice" in a language without one),
    /// at `at`, `size` big.
    void listen_button(Ui& ui, ImVec2 at, ImVec2 size);
    bool listen_tapped_ = false, speakable_ = false;
    TextBlock listen_, stop_, no_voice_;
    TextBlock back_, home_, strip_;  // strip: "may be out of date" and/or the demo label
    TextBlock all_languages_;        // the compact footer's way to every language
    // Whether all_languages_ needs two places, for the button width it was measured at: measured
    // once, not every frame, as laying it out at one width and drawing it at another would be.
    std::pair<float, bool> all_languages_tall_{-1, false};
    TextBlock clock_;
    std::string clock_text_;         // what clock_ was made from; empty: to be read again
    std::chrono::sys_time<std::chrono::minutes> clock_minute_{};
    TextBlock preview_;              // kiosk --preview's band; empty on a real kiosk
    TextBlock still_there_, touch_to_continue_;
    content::Localized restart_in_;  // "{seconds, plural, …}", counted as the countdown runs
    TextBlock a_small_ = TextBlock::plain("A", "en", false, true), a_big_ = TextBlock::plain("A", "en", false, true);
    std::vector<std::pair<std::string, TextBlock>> languages_;
};

}  // namespace kiosk
