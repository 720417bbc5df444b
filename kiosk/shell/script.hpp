#pragma once
// Scripted input for tests and demos: a text file of commands run against the real UI.
//
//   # a comment
//   tap X Y                  touch and release at a point (pixels)
//   tap-item ID              touch the middle of a control drawn last frame (e.g. lang:ar,
//                            category:food, guide:food-help, nav:back, nav:home)
//   drag X1 Y1 X2 Y2 [MS]    touch, move and release over MS milliseconds (default 300)
//   pinch X Y FROM TO [MS]   two fingers level about (X, Y), FROM pixels apart, spread or
//                            closed to TO pixels apart over MS milliseconds (default 300)
//   hold X Y MS              touch and keep the finger still for MS milliseconds, then lift it
//                            (two seconds in each top corner open the admin panel)
//   type TEXT                tap the on-screen keyboard's keys for TEXT (spaces: key:space; a
//                            letter form, Ethiopic ሉ: its key ለ, then form:ሉ)
//   key NAME                 press and release a key of a keypad or keyboard, by SDL's name (Down,
//                            Return, Escape, F1, Keypad 5): the first one starts speech mode
//   expect-speech TEXT       stop with an error unless something the kiosk said after the last
//                            input (tap, key, type, ..., restart, wait) contains TEXT
//   wait MS                  let the kiosk run with no input
//   screenshot FILE          write the screen as a PNG
//   expect-route ROUTE       stop with an error unless the kiosk shows ROUTE (e.g. guide/food-help)
//   expect-lang CODE         stop with an error unless the language is CODE
//   expect-text TEXT         stop with an error unless a text containing TEXT is drawn wholly in
//                            view (not scrolled away, not below the screen's edge)
//   restart                  forget the visitor, as the idle timeout does: the attract screen
//   report                   print frames drawn and the glyph atlas's size and contents
//
// Numbers are plain decimals; MS is from 0 to 3600000 (an hour).
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

inline constexpr int kScriptMaxMilliseconds = 3'600'000;

class App;
class Runner;

struct ScriptCommand {
    int line = 0;
    std::string name;
    std::vector<std::string> args;
    std::vector<float> numbers;  // the arguments of tap, drag, pinch, hold and wait, read by parse
};

class Script {
public:
    /// Parses a script; on a bad line returns nullopt and sets `error` (`FILE:LINE: ...`).
    static std::optional<Script> parse(const std::string& text, const std::string& file, std::string& error);
    /// Runs every command; returns false at the first failure, with `error` naming its line.
    bool run(Runner& runner, App& app, std::string& error) const;
    const std::vector<ScriptCommand>& commands() const { return commands_; }

private:
    std::string file_;
    std::vector<ScriptCommand> commands_;
};

}  // namespace kiosk
