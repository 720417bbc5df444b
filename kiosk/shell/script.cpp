#include "kiosk/shell/script.hpp"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/memory.hpp"

namespace kiosk {

namespace {

// A finger at a point of the UI, on the panel as it is mounted.
void push_finger(Uint32 type, ImVec2 at, const Runner& runner, SDL_FingerID finger = 1) {
    const ImVec2 panel = runner.panel_size();
    const ImVec2 p = runner.rotation().to_panel(at, panel);
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = finger;
    e.tfinger.x = p.x / panel.x;
    e.tfinger.y = p.y / panel.y;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.f : 1.f;
    SDL_PushEvent(&e);
}

void tap(Runner& runner, ImVec2 at) {
    // Press and release arrive before the next frame, as a quick tap does on a real screen.
    push_finger(SDL_FINGERDOWN, at, runner);
    push_finger(SDL_FINGERUP, at, runner);
    runner.settle();
}

}  // namespace

bool Script::run(Runner& runner, App& app, std::string& error) const {
    runner.settle();
    std::vector<Utterance> heard;  // what the kiosk said since the last input
    for (const auto& cmd : commands_) {
        const std::string where = file_ + ":" + std::to_string(cmd.line) + ": ";
        const auto said = runner.speech().take_log();
        if (!cmd.name.starts_with("expect") && cmd.name != "screenshot" && cmd.name != "report") heard.clear();
        heard.insert(heard.end(), said.begin(), said.end());
        const std::vector<float>& n = cmd.numbers;
        if (cmd.name == "tap") {
            tap(runner, ImVec2(n[0], n[1]));
        } else if (cmd.name == "tap-item") {
            const auto at = runner.hits().center(cmd.args[0]);
            if (!at) {
                error = where + "no control \"" + cmd.args[0] + "\" on the screen (" + app.route().str() + ")";
                return false;
            }
            tap(runner, *at);
        } else if (cmd.name == "drag") {
            const float ms = n.size() > 4 ? n[4] : 300;
            const int steps = std::max(2, static_cast<int>(ms / 16));
            const ImVec2 from(n[0], n[1]), to(n[2], n[3]);
            push_finger(SDL_FINGERDOWN, from, runner);
            runner.settle();
            for (int i = 1; i <= steps; ++i) {
                const float t = static_cast<float>(i) / static_cast<float>(steps);
                push_finger(SDL_FINGERMOTION, ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), runner);
                runner.pump();
                runner.frame();
            }
            push_finger(SDL_FINGERUP, to, runner);
            runner.settle();
        } else if (cmd.name == "pinch") {
            // Two fingers level with each other about (x, y), `from` pixels apart, then `to`.
            const float ms = n.size() > 4 ? n[4] : 300;
            const int steps = std::max(2, static_cast<int>(ms / 16));
            const auto fingers = [&](Uint32 type, float apart) {
                push_finger(type, ImVec2(n[0] - apart / 2, n[1]), runner, 1);
                push_finger(type, ImVec2(n[0] + apart / 2, n[1]), runner, 2);
            };
            fingers(SDL_FINGERDOWN, n[2]);
            runner.settle();
            for (int i = 1; i <= steps; ++i) {
                fingers(SDL_FINGERMOTION, n[2] + (n[3] - n[2]) * static_cast<float>(i) / static_cast<float>(steps));
                runner.pump();
                runner.frame();
            }
            fingers(SDL_FINGERUP, n[3]);
            runner.settle();
        } else if (cmd.name == "hold") {
            const ImVec2 at(n[0], n[1]);
            push_finger(SDL_FINGERDOWN, at, runner);
            const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(n[2]));
            while (std::chrono::steady_clock::now() < until) {  // the kiosk's loop runs meanwhile
                runner.pump();
                if (runner.wants_frame()) runner.frame();
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            push_finger(SDL_FINGERUP, at, runner);
            runner.settle();
        } else if (cmd.name == "type") {
            std::string text;
            for (const auto& word : cmd.args) text += (text.empty() ? "" : " ") + word;
            for (char32_t c : fonts::decode_utf8(text)) {
                const std::string letter = fonts::encode_utf8(std::u32string(1, c));
                std::vector<std::string> ids{c == U' ' ? "key:space" : "key:" + letter};
                // A letter that is no key is a form of one (Ethiopic ሉ of ለ): that key, then the form.
                if (!runner.hits().center(ids[0]))
                    for (const auto& layout : app.bundle().keyboards())
                        for (const auto& forms : layout.forms)
                            if (std::find(forms.begin() + 1, forms.end(), letter) != forms.end()) ids = {"key:" + forms.front(), "form:" + letter};
                for (const auto& id : ids) {
                    const auto at = runner.hits().center(id);
                    if (!at) {
                        error = where + "no key \"" + id + "\" on the screen (" + app.route().str() + "). Fix: open search, or switch layout with tap-item key:layout";
                        return false;
                    }
                    tap(runner, *at);
                }
            }
        } else if (cmd.name == "wait") {
            std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(n[0])));
            runner.settle();
        } else if (cmd.name == "screenshot") {
            if (!runner.screenshot(cmd.args[0], error)) {
                error = where + error;
                return false;
            }
        } else if (cmd.name == "expect-route") {
            if (app.route().str() != cmd.args[0]) {
                error = where + "expected the screen " + cmd.args[0] + ", but the kiosk shows " + app.route().str();
                return false;
            }
        } else if (cmd.name == "report") {
            const auto& atlas = runner.glyph_atlas();
            std::printf("report: %ld frames, glyph atlas %dx%d with %zu glyphs, %ld evictions, anonymous memory %.1f MB\n", runner.frames(),
                        atlas.width(), atlas.height(), atlas.glyph_count(), atlas.evictions(),
                        static_cast<double>(platform::anonymous_bytes()) / (1024.0 * 1024.0));
        } else if (cmd.name == "expect-text") {
            std::string text;
            for (const auto& word : cmd.args) text += (text.empty() ? "" : " ") + word;
            if (!runner.drawn().wholly_in_view(text, runner.display_size().y)) {
                error = where + "\"" + text + "\" is not wholly in view on " + app.route().str() +
                        (runner.screen_text().find(text) != std::string::npos ? " (it is drawn, but scrolled away or cut off)" : "");
                return false;
            }
        } else if (cmd.name == "key") {
            std::string name;
            for (const auto& word : cmd.args) name += (name.empty() ? "" : " ") + word;
            SDL_Event e{};
            e.type = SDL_KEYDOWN;
            e.key.keysym.sym = SDL_GetKeyFromName(name.c_str());
            SDL_PushEvent(&e);
            e.type = SDL_KEYUP;
            SDL_PushEvent(&e);
            runner.settle();
        } else if (cmd.name == "expect-speech") {
            std::string text;
            for (const auto& word : cmd.args) text += (text.empty() ? "" : " ") + word;
            const auto more = runner.speech().take_log();
            heard.insert(heard.end(), more.begin(), more.end());
            if (std::none_of(heard.begin(), heard.end(), [&](const Utterance& u) { return u.text.find(text) != std::string::npos; })) {
                std::string words;
                for (const auto& u : heard) words += "\n  " + u.lang + ": " + u.text;
                error = where + "the kiosk did not say \"" + text + "\" on " + app.route().str() + "; it said:" + (words.empty() ? " nothing" : words);
                return false;
            }
        } else if (cmd.name == "restart") {
            app.new_visitor();
            runner.settle();
        } else if (cmd.name == "expect-lang") {
            if (app.lang() != cmd.args[0]) {
                error = where + "expected the language " + cmd.args[0] + ", but the kiosk shows " + app.lang();
                return false;
            }
        }
    }
    return true;
}

}  // namespace kiosk
