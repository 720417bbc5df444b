#include "kiosk/shell/narrator.hpp"

#include <algorithm>

#include "content/text/locale_format.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/input/pointer.hpp"
#include "kiosk/shell/chrome.hpp"
#include "kiosk/speech/speech.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk {

namespace {

std::string screen_key(const App& app) { return app.route().str() + "|" + app.lang() + "|" + std::to_string(app.visitor()); }

// Where the item lies: a control's whole box, a text's.
std::pair<ImVec2, ImVec2> box_of(const DrawnText& drawn, const ReadingItem& item) {
    if (item.control >= 0) {
        const auto& c = drawn.controls[static_cast<size_t>(item.control)];
        return {c.min, c.max};
    }
    auto box = drawn.boxes[static_cast<size_t>(item.block)];
    if (item.then >= 0) {  // a step: its number and its text
        const auto& [min, max] = drawn.boxes[static_cast<size_t>(item.then)];
        box = {ImVec2(std::min(box.first.x, min.x), std::min(box.first.y, min.y)), ImVec2(std::max(box.second.x, max.x), std::max(box.second.y, max.y))};
    }
    return box;
}

bool in_page(const DrawnText& drawn, const ReadingItem& item) {
    return item.control >= 0 ? drawn.controls[static_cast<size_t>(item.control)].in_page : drawn.block_in_page[static_cast<size_t>(item.block)];
}

}  // namespace

void Narrator::key(ReaderKey key, const DrawnText& drawn, const content::Localized& title, App& app, Chrome& chrome, Pointer& pointer,
                   std::chrono::steady_clock::time_point now) {
    // The first key starts speech mode; on the attract screen it also starts the visit, at the
    // language chooser, which is then spoken: each language's name in its own voice.
    const bool starting = !app.speech_mode();
    app.set_speech_mode(true);
    if (app.route().screen == Route::Screen::Attract) {
        app.begin_visit();
        return;
    }
    if (starting && key != ReaderKey::Help) return;  // the screen is spoken from the top after the frame
    const auto items = reading_items(drawn);
    const auto at = std::find_if(items.begin(), items.end(), [&](const ReadingItem& i) { return i.key == focus_; });
    const int index = at == items.end() ? -1 : static_cast<int>(at - items.begin());
    switch (key) {
        case ReaderKey::Next:
        case ReaderKey::Previous: {
            if (items.empty()) return;
            const int n = static_cast<int>(items.size());
            // From nothing, Next starts at the top and Previous at the bottom; past an end, round again.
            const int next = index < 0 ? (key == ReaderKey::Next ? 0 : n - 1) : (index + (key == ReaderKey::Next ? 1 : n - 1)) % n;
            focus_ = items[static_cast<size_t>(next)].key;
            if (in_page(drawn, items[static_cast<size_t>(next)])) {
                const auto [min, max] = box_of(drawn, items[static_cast<size_t>(next)]);
                chrome.reveal(min.y, max.y);
            }
            say_item(drawn, app);
            return;
        }
        case ReaderKey::Activate: {
            if (index < 0) {
                speech_->say(speak_page(drawn, title, app));
                return;
            }
            const ReadingItem& item = items[static_cast<size_t>(index)];
            if (item.control < 0) {
                say_item(drawn, app);
                return;
            }
            auto [min, max] = box_of(drawn, item);
            const float moved = in_page(drawn, item) ? chrome.reveal(min.y, max.y) : 0;
            const ImVec2 centre((min.x + max.x) / 2, (min.y + max.y) / 2 - moved);
            speech_->stop();  // what the control leads to speaks next
            pointer.press(centre, true, now);
            pointer.release(centre, now);
            return;
        }
        case ReaderKey::Back:
            speech_->stop();
            if (app.can_go_back()) app.back();
            else app.home();
            return;
        case ReaderKey::Help: {
            std::vector<Utterance> help{{title.text, title.lang.empty() ? app.lang() : title.lang, -1}};
            const content::Localized keys = app.bundle().ui("speech.help", app.lang());
            help.push_back({keys.text, keys.lang, -1});
            speech_->say(std::move(help));
            return;
        }
        case ReaderKey::Repeat:
            if (index >= 0) say_item(drawn, app);
            else speech_->say(speak_page(drawn, title, app));
            return;
        case ReaderKey::Louder:
        case ReaderKey::Quieter:
            speech_->set_volume(speech_->volume() + (key == ReaderKey::Louder ? 0.2f : -0.2f));
            if (index >= 0) say_item(drawn, app);
            return;
        case ReaderKey::Faster:
        case ReaderKey::Slower:
            speech_->set_rate(speech_->rate() + (key == ReaderKey::Faster ? 40 : -40));
            if (index >= 0) say_item(drawn, app);
            return;
        case ReaderKey::None: return;
    }
}

void Narrator::explore(ImVec2 at, const DrawnText& drawn, const App& app) {
    const auto items = reading_items(drawn);
    // A control before the texts it lies over; the smallest box first where boxes nest.
    const ReadingItem* under = nullptr;
    float smallest = 0;
    for (const auto& item : items) {
        const auto [min, max] = box_of(drawn, item);
        if (at.x < min.x || at.y < min.y || at.x >= max.x || at.y >= max.y) continue;
        const float area = (max.x - min.x) * (max.y - min.y);
        const bool control_over_text = item.control >= 0 && under && under->control < 0;
        const bool smaller_of_a_kind = under && (item.control >= 0) == (under->control >= 0) && area < smallest;
        if (!under || control_over_text || smaller_of_a_kind) {
            under = &item;
            smallest = area;
        }
    }
    if (!under || under->key == focus_) return;  // the same item is not said again as the finger moves on it
    focus_ = under->key;
    say_item(drawn, app);
}

void Narrator::say_item(const DrawnText& drawn, const App& app) {
    const auto items = reading_items(drawn);
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].key == focus_) speech_->say(speak_item(drawn, items[i], app, static_cast<int>(i)));
}

bool Narrator::after_frame(const DrawnText& drawn, const content::Localized& title, const App& app, Chrome& chrome) {
    if (app.visitor() != visitor_) {
        if (visitor_ >= 0) {
            speech_->stop();
            speech_->take_log();  // nothing of the last visit outlives it
        }
        visitor_ = app.visitor();
        speech_->set_volume(1.0f);
        speech_->set_rate(175);
        focus_.clear();
    }
    const std::string screen = screen_key(app);
    if (screen != announced_) {
        // Another screen: what was read of the last one stops; in speech mode this one is read.
        if (!announced_.empty() && !app.speech_mode()) speech_->stop();
        announced_ = screen;
        focus_.clear();
        heard_.clear();
        news_said_.clear();
        auto page = speak_page(drawn, title, app);
        speakable_ = speech_->has_voice(app.lang()) ||
                     std::any_of(page.begin(), page.end(), [&](const Utterance& u) { return u.recording && u.lang == app.lang(); });
        if (app.speech_mode()) speech_->say(std::move(page));
        return true;  // Listen's label may change
    }
    // News on the same screen (a ticket printing, printed, or the printer unavailable): said once,
    // as it appears, interrupting what was being said.
    for (size_t b = 0; b < drawn.blocks.size(); ++b)
        if (drawn.live[b] && app.speech_mode() && news_said_.insert(drawn.blocks[b]).second)
            speech_->say(drawn.blocks[b], drawn.langs[b].empty() ? app.lang() : drawn.langs[b]);
    // What is heard is kept in view as the reading goes down the page (not while a keypad moves
    // the focus, which scrolls itself).
    const auto items = reading_items(drawn);
    const int heard = frame_heard_.item;
    if (heard < 0 || heard >= static_cast<int>(items.size())) return false;
    const ReadingItem& item = items[static_cast<size_t>(heard)];
    const std::string key = item.key + ":" + std::to_string(frame_heard_.from);
    if (key == heard_) return false;
    heard_ = key;
    if (!in_page(drawn, item) || item.key == focus_) return false;
    const auto [min, max] = heard_box(drawn, item);
    return chrome.reveal(min.y, max.y) != 0;
}

DrawnText::Spotlight Narrator::before_frame(const DrawnText& last) {
    frame_heard_ = speech_->heard();
    const auto items = reading_items(last);
    if (frame_heard_.item < 0 || frame_heard_.item >= static_cast<int>(items.size()) || frame_heard_.to < 0) return {};
    const ReadingItem& item = items[static_cast<size_t>(frame_heard_.item)];
    if (item.block < 0 || item.then >= 0) return {};
    return {item.block, static_cast<size_t>(frame_heard_.from), static_cast<size_t>(frame_heard_.to)};
}

std::pair<ImVec2, ImVec2> Narrator::heard_box(const DrawnText& drawn, const ReadingItem& item) const {
    if (drawn.spotlit.empty() || drawn.spotlight.block != item.block) return box_of(drawn, item);
    std::pair<ImVec2, ImVec2> box = drawn.spotlit.front();
    for (const auto& [min, max] : drawn.spotlit)
        box = {ImVec2(std::min(box.first.x, min.x), std::min(box.first.y, min.y)), ImVec2(std::max(box.second.x, max.x), std::max(box.second.y, max.y))};
    return box;
}

void Narrator::countdown(const App& app, long seconds) {
    if (!app.speech_mode()) return;
    const auto& bundle = app.bundle();
    std::vector<Utterance> said{{"(tone)", app.lang(), -1, nullptr, true}};
    for (const content::Localized& text : {bundle.ui("idle.question", app.lang()), bundle.ui("speech.continue", app.lang())})
        said.push_back({text.text, text.lang, -1});
    content::Localized restart = bundle.ui("idle.restart_in", app.lang());
    restart.text = content::locale_format(restart.lang).count_message(restart.text, "seconds", seconds);
    said.push_back({restart.text, restart.lang, -1});
    speech_->say(std::move(said));
}

void Narrator::listen(const DrawnText& drawn, const content::Localized& title, const App& app) {
    if (speech_->speaking()) speech_->stop();
    else speech_->say(speak_page(drawn, title, app));
}

void Narrator::tapped(ImVec2 at, const DrawnText& drawn, const content::Localized& title, const App& app) {
    if (!speech_->speaking()) return;
    const auto items = reading_items(drawn);
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].block < 0 || !in_page(drawn, items[i])) continue;
        const auto [min, max] = box_of(drawn, items[i]);
        if (at.x >= min.x && at.x < max.x && at.y >= min.y && at.y < max.y) {
            speech_->say(speak_page(drawn, title, app, i));
            return;
        }
    }
}

void Narrator::draw(ImDrawList* list, const DrawnText& drawn, const Theme& theme, const App& app) const {
    const auto items = reading_items(drawn);
    const int heard = frame_heard_.item;
    if (heard >= 0 && heard < static_cast<int>(items.size()) && items[static_cast<size_t>(heard)].key != focus_) {
        // The text being heard, outlined; the sentence being heard, a band of the focus colour
        // behind each of its lines.
        const ReadingItem& item = items[static_cast<size_t>(heard)];
        const auto [min, max] = box_of(drawn, item);
        const float pad = theme.px(6);
        list->AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), IM_COL32(255, 196, 0, 255), theme.px(8), 0, theme.px(3));
        if (drawn.spotlit.empty() || drawn.spotlight.block != item.block)
            list->AddRectFilled(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), IM_COL32(255, 196, 0, 70), theme.px(8));
        else
            for (const auto& [line_min, line_max] : drawn.spotlit) list->AddRectFilled(line_min, line_max, IM_COL32(255, 196, 0, 90), theme.px(4));
    }
    if (!app.speech_mode() || focus_.empty()) return;
    for (const auto& item : items) {
        if (item.key != focus_) continue;
        auto [min, max] = box_of(drawn, item);
        const float out = theme.px(6), width = theme.px(6);
        // Two rings, dark inside light, so the focus shows on every background and in high contrast.
        list->AddRect(ImVec2(min.x - out, min.y - out), ImVec2(max.x + out, max.y + out), IM_COL32(255, 196, 0, 255), theme.px(14), 0, width);
        list->AddRect(ImVec2(min.x - out - width, min.y - out - width), ImVec2(max.x + out + width, max.y + out + width),
                      IM_COL32(0, 0, 0, 255), theme.px(18), 0, theme.px(3));
        return;
    }
}

}  // namespace kiosk
