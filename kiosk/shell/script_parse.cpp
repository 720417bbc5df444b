// Reading a script's text into commands (script.hpp): apart from running them, so that the
// parser builds and is fuzzed (tests/fuzz/script_fuzz.cpp) without the UI it drives.
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "kiosk/shell/script.hpp"

#include <SDL_keyboard.h>

namespace kiosk {

namespace {

// Argument counts: minimum and maximum.
const std::map<std::string, std::pair<size_t, size_t>> kCommands = {
    {"tap", {2, 2}},        {"tap-item", {1, 1}},     {"drag", {4, 5}},       {"wait", {1, 1}},
    {"screenshot", {1, 1}}, {"expect-route", {1, 1}}, {"expect-lang", {1, 1}}, {"report", {0, 0}},
    {"hold", {3, 3}},       {"type", {1, 99}},        {"pinch", {4, 5}},      {"expect-text", {1, 99}},
    {"restart", {0, 0}},    {"key", {1, 3}},          {"expect-speech", {1, 99}},
};

// A finite number: from_chars reads "inf" and "nan" too, which no pixel or duration is.
bool to_number(const std::string& s, float& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

// Which argument is a duration: wait's first, hold's third, drag's and pinch's fifth.
size_t milliseconds_argument(const std::string& command) {
    if (command == "wait") return 0;
    if (command == "hold") return 2;
    if (command == "drag" || command == "pinch") return 4;
    return std::string::npos;
}

}  // namespace

std::optional<Script> Script::parse(const std::string& text, const std::string& file, std::string& error) {
    Script script;
    script.file_ = file;
    std::istringstream in(text);
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        std::istringstream words(line);
        ScriptCommand cmd{line_no, {}, {}, {}};
        if (!(words >> cmd.name) || cmd.name[0] == '#') continue;
        for (std::string w; words >> w;) cmd.args.push_back(w);
        const auto known = kCommands.find(cmd.name);
        const std::string where = file + ":" + std::to_string(line_no) + ": ";
        if (known == kCommands.end()) {
            error = where + "unknown command \"" + cmd.name +
                    "\". Fix: use tap, tap-item, drag, pinch, hold, type, key, wait, screenshot, expect-route, expect-lang, expect-text, "
                    "expect-speech, restart or report";
            return std::nullopt;
        }
        if (cmd.args.size() < known->second.first || cmd.args.size() > known->second.second) {
            error = where + "\"" + cmd.name + "\" takes " + std::to_string(known->second.first) +
                    (known->second.first == known->second.second ? "" : " to " + std::to_string(known->second.second)) +
                    " argument(s), not " + std::to_string(cmd.args.size()) + ". Fix: see the list at the top of kiosk/shell/script.hpp";
            return std::nullopt;
        }
        if (cmd.name == "tap" || cmd.name == "drag" || cmd.name == "wait" || cmd.name == "hold" || cmd.name == "pinch") {
            for (size_t i = 0; i < cmd.args.size(); ++i) {
                const std::string& a = cmd.args[i];
                float v = 0;
                if (!to_number(a, v)) {
                    error = where + "\"" + a + "\" is not a number. Fix: write pixels and milliseconds as plain numbers";
                    return std::nullopt;
                }
                if (i == milliseconds_argument(cmd.name) && !(v >= 0 && v <= static_cast<float>(kScriptMaxMilliseconds))) {
                    error = where + "\"" + a + "\" is not a duration from 0 to " + std::to_string(kScriptMaxMilliseconds) +
                            " milliseconds (an hour). Fix: write a shorter one, or several wait lines";
                    return std::nullopt;
                }
                cmd.numbers.push_back(v);
            }
        }
        if (cmd.name == "key") {
            std::string name;
            for (const auto& w : cmd.args) name += (name.empty() ? "" : " ") + w;
            if (SDL_GetKeyFromName(name.c_str()) == SDLK_UNKNOWN) {
                error = where + "\"" + name + "\" is no key SDL knows. Fix: write an SDL key name, e.g. Down, Up, Left, Right, Return, Escape, F1, \"Keypad 5\"";
                return std::nullopt;
            }
        }
        script.commands_.push_back(std::move(cmd));
    }
    return script;
}

}  // namespace kiosk
