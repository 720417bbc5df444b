#pragma once
// The application's state: which bundle, and the visitor's: language, screen, the way back,
// what they typed and the display they chose. Screens read from it and ask it to navigate; it
// knows nothing of SDL nor of the screens themselves. When the visitor leaves, new_visitor()
// forgets all of theirs.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/app/route.hpp"
#include "platform/clock.hpp"

namespace kiosk {

class AdminServices;
class TicketPrinter;

class App {
public:
    /// `lang` is also the language every new visitor starts in.
    App(std::shared_ptr<const content::Bundle> bundle, std::string lang, Route start);
    ~App();

    const content::Bundle& bundle() const { return *bundle_; }
    /// Counts bundle replacements, so the frame loop knows to rebuild fonts for the new text.
    int bundle_generation() const { return generation_; }
    /// Shows `next` from the next frame on: the visitor stays on the same guide or category if it
    /// still exists, else goes to what contains it, else home; the language stays if it exists.
    /// Call between frames. The old bundle closes once the screens drawn from it are freed.
    void replace_bundle(std::shared_ptr<const content::Bundle> next);
    const std::string& lang() const { return lang_; }
    /// The kiosk's own language, which every visitor starts in (and the admin panel's).
    const std::string& default_lang() const { return default_lang_; }
    /// True when the visitor's language is written right to left: the layout mirrors.
    bool rtl() const;
    const Route& route() const { return route_; }
    bool can_go_back() const { return !history_.empty(); }

    /// Goes to `route`; a category or guide that does not exist leads home instead.
    void open(const Route& route);
    void back();
    void home();
    /// Switches language and stays on the same screen (from the chooser, goes on to home).
    void set_language(const std::string& code);

    /// Forgets the visitor: back to the attract screen in the kiosk's own language, no way back,
    /// no search text, the standard display.
    void new_visitor();
    /// A visitor touched the attract screen: the language chooser, with nothing to go back to.
    void begin_visit();
    /// A visitor touched a language on the attract screen: home in that language, at once.
    void begin_visit(const std::string& lang);
    /// The visitor's display: text 30 % larger, high contrast. Reachable from every screen.
    bool larger_text() const { return larger_text_; }
    bool high_contrast() const { return high_contrast_; }
    void toggle_larger_text();
    void toggle_high_contrast();
    /// Speech mode, for a visitor who cannot see the screen: started by the first key of a keypad
    /// or keyboard, it speaks every screen and what the focus ring reaches, and doubles the time
    /// limits. Forgotten with the visitor.
    bool speech_mode() const { return speech_mode_; }
    void set_speech_mode(bool on) {
        if (on == speech_mode_) return;
        speech_mode_ = on;
        ++changes_;  // drawn again with the focus ring
    }
    /// What the visitor typed into search: kept while they look at results and come back,
    /// forgotten with them, never counted or logged.
    const std::string& search_text() const { return search_text_; }
    void set_search_text(std::string text);
    /// Counts visitors, so whatever keeps per-visitor state (scroll positions) can drop it.
    long visitor() const { return visitor_; }

    /// What visitors do, for the anonymous counters: visit_started, language_chosen (item: the
    /// code), guide_opened (item: the id), qr_shown (item: the link's id), ticket_printed (item:
    /// the place's or guide's id; a ticket sent to the printer), visit_ended. Never anything a
    /// visitor typed.
    using Listener = std::function<void(const std::string& event, const std::string& item)>;
    void set_listener(Listener listener) { listener_ = std::move(listener); }
    /// Tells the listener of one such event; screens call it for what App cannot see itself
    /// (a QR code shown, a ticket printed).
    void tell(const std::string& event, const std::string& item = {}) {
        if (listener_) listener_(event, item);
    }

    /// The time screens read: what is open now. The frame loop sets its own clock.
    const platform::Clock& clock() const { return *clock_; }
    void set_clock(const platform::Clock* clock) { clock_ = clock; }
    /// Today on the kiosk's calendar in Torino: the day screens list guides, places, links and
    /// notices for (content::ShownOn).
    content::CivilDate today() const;
    /// Call as a frame begins: once the day has changed, the screen is built again, so what is
    /// dated to begin or end at midnight comes and goes without a new bundle. True when it has.
    bool turn_day();
    /// Where the kiosk stands (latitude, longitude), for distances; none when not configured.
    const std::optional<std::pair<double, double>>& here() const { return here_; }
    void set_here(std::optional<std::pair<double, double>> here) { here_ = here; }

    /// The admin panel's services; null when the kiosk has none (no PIN configured).
    AdminServices* admin() const { return admin_; }
    void set_admin(AdminServices* admin) { admin_ = admin; }
    /// The receipt printer; null when the kiosk has none, and then nothing offers to print.
    TicketPrinter* printer() const { return printer_; }
    void set_printer(TicketPrinter* printer) { printer_ = printer; }
    /// The admin asked the kiosk to stop (to be restarted): the frame loop ends.
    void request_exit() { exit_requested_ = true; }
    bool exit_requested() const { return exit_requested_; }

    /// The band a content manager's preview (kiosk --preview) shows on every screen: where the
    /// unsigned content comes from, or why its last build failed. Empty on a real kiosk.
    const std::string& preview_note() const { return preview_note_; }
    void set_preview_note(std::string note) {
        if (note == preview_note_) return;
        preview_note_ = std::move(note);
        ++changes_;  // redrawn, on the same screen
    }

    /// Counts every change of screen or language, so the frame loop knows to redraw.
    long changes() const { return changes_; }
    /// Counts the changes that need the screen built again: another route, language or bundle.
    long screen_changes() const { return screen_changes_; }

    /// Closes the bundles replaced during the last frame; call between frames, once the
    /// screens drawn from them are freed (ScreenStack::collect).
    void collect();

private:
    bool exists(const Route& route) const;
    void changed();

    std::shared_ptr<const content::Bundle> bundle_;
    std::vector<std::shared_ptr<const content::Bundle>> retired_bundles_;
    int generation_ = 0;
    std::string lang_, default_lang_;
    Route route_;
    long visitor_ = 0;
    bool larger_text_ = false, high_contrast_ = false, speech_mode_ = false;
    std::string search_text_;
    AdminServices* admin_ = nullptr;
    TicketPrinter* printer_ = nullptr;
    const platform::Clock* clock_;
    std::optional<content::CivilDate> day_;  // the day the screens were last built for
    std::optional<std::pair<double, double>> here_;
    Listener listener_;
    bool exit_requested_ = false;
    std::vector<Route> history_;
    long changes_ = 0, screen_changes_ = 0;
    std::string preview_note_;
};

}  // namespace kiosk
