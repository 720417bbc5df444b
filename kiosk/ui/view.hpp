#pragma once
// One class per screen (screens/). A view is built when the visitor arrives (or switches
// language) and keeps what it read from the bundle, so drawing a frame does not query the
// database; shell/screen_stack.hpp builds and retires them.
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

class App;
struct Theme;
struct Ui;

class View {
public:
    virtual ~View() = default;
    /// Draws the screen's content area.
    virtual void draw(Ui& ui) = 0;
    /// What the header says about where the visitor is.
    virtual TextBlock& title() = 0;
    /// False on the language chooser, which is itself the language switch.
    virtual bool shows_language_bar() const { return true; }
    /// False on the attract screen, which is all one big button.
    virtual bool shows_header() const { return true; }
    /// False for a screen that takes the finger's drags itself (the map): it gets the whole
    /// page, edge to edge, and does not scroll.
    virtual bool scrolls() const { return true; }
    /// The screen shows a QR code to scan: the visitor gets longer before "Still there?", and the
    /// countdown is a band over the header, never over the code.
    virtual bool shows_code() const { return false; }
    /// A page a visitor may have read aloud: the header offers Listen (guides, places, QR codes).
    virtual bool listenable() const { return false; }
    /// Something on the screen moves with nobody touching it (the map gliding): more frames.
    virtual bool animating() const { return false; }
    /// A panel fixed under the page where the language bar would be (the search keyboard):
    /// its height at this width, 0 for none; drawn in the box Chrome gives it.
    virtual float bottom_height(const Theme&, float /*width*/) const { return 0; }
    virtual void draw_bottom(Ui&, ImVec2 /*origin*/, ImVec2 /*size*/) {}
};

}  // namespace kiosk
