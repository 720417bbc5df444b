#pragma once
// Speech mode's half of the frame loop: when a visitor is in speech mode (App::speech_mode), it
// speaks each new screen from the top, keeps the focus ring that a keypad's keys move through
// the screen's items (screen_reader.hpp), activates the focused control as a tap would, and
// answers Help, Repeat, volume and speed keys. It reads what the last frame drew.
#include <imgui.h>

#include <set>
#include <string>

#include "kiosk/shell/screen_reader.hpp"

namespace kiosk {

class App;
class Chrome;
class Pointer;
class Speech;
struct Theme;

class Narrator {
public:
    explicit Narrator(Speech& speech) : speech_(&speech) {}
    /// Another voice: what the screen can be heard in is found again after the next frame.
    void set_speech(Speech& speech) {
        speech_ = &speech;
        announced_.clear();
    }
    Speech& speech() const { return *speech_; }

    /// A key was pressed, with `drawn` the last frame and `title` its screen's title. A tap, if
    /// the key asks for one, is given to `pointer` at the focused control, scrolled into view first.
    void key(ReaderKey key, const DrawnText& drawn, const content::Localized& title, App& app, Chrome& chrome, Pointer& pointer,
             std::chrono::steady_clock::time_point now);
    /// Speech mode's touch: a finger at `at` puts the focus on what is under it and speaks it,
    /// as a phone's screen reader does (a double tap activates: key(Activate)).
    void explore(ImVec2 at, const DrawnText& drawn, const App& app);
    /// After a frame: a new screen in speech mode is spoken from the top; a new visitor silences
    /// what the last one was hearing and gets the usual loudness and speed; what is being heard
    /// is scrolled into view. True when another frame is wanted (the page moved).
    bool after_frame(const DrawnText& drawn, const content::Localized& title, const App& app, Chrome& chrome);
    /// The "Still there?" countdown began with `seconds` left: in speech mode it is heard, a tone
    /// then the question, what to do and the seconds left (EN 301 549 5.1.3.16).
    void countdown(const App& app, long seconds);
    /// Listen was tapped: the page is read from the top, or, while something is read, stopped.
    void listen(const DrawnText& drawn, const content::Localized& title, const App& app);
    /// A tap at `at` that no control took: while the page is read aloud, it reads from the text there.
    void tapped(ImVec2 at, const DrawnText& drawn, const content::Localized& title, const App& app);
    /// Before a frame, with `last` the frame before: samples what is being heard for this frame
    /// and returns the sentence to find on screen (DrawnText::spotlight), if one is heard.
    DrawnText::Spotlight before_frame(const DrawnText& last);
    /// Over everything else: the text being heard, outlined, its sentence highlighted; speech
    /// mode's focus ring.
    void draw(ImDrawList* list, const DrawnText& drawn, const Theme& theme, const App& app) const;
    /// Whether the screen last spoken can be heard: the engine has the language's voice, or the
    /// bundle a recording of some of its texts. Listen says "No voice" otherwise.
    bool speakable() const { return speakable_; }
    /// The item the focus ring is on ("" for none): a control's id or text:<n>.
    const std::string& focus() const { return focus_; }

private:
    void say_item(const DrawnText& drawn, const App& app);
    /// Where what is heard of `item` lies: the sentence's lines when they were found, else the item.
    std::pair<ImVec2, ImVec2> heard_box(const DrawnText& drawn, const ReadingItem& item) const;

    Speech* speech_;
    std::string focus_;
    std::string announced_;  // the screen last spoken from the top (route, language, visitor)
    std::string heard_;      // the item and sentence being heard when last looked (scrolled into view once)
    Heard frame_heard_;      // what is heard, sampled once for this frame
    std::set<std::string> news_said_;  // this screen's announcements already said
    long visitor_ = -1;
    bool speakable_ = false;
};

}  // namespace kiosk
