#include "kiosk/screens/attract_screen.hpp"

#include <cmath>

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

AttractScreen::AttractScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    for (const auto& l : bundle.languages()) {
        const bool rtl = l.direction == content::Direction::RightToLeft;
        const auto prompt = bundle.ui("language.prompt", l.code);
        if (prompt.found() && !prompt.is_fallback) prompts_.push_back(TextBlock::plain(prompt.text, l.code, rtl, true));
        names_.emplace_back(l.code, TextBlock::plain(l.native_name, l.code, rtl, true));
    }
}

void AttractScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 page = ImGui::GetWindowPos(), page_size = ImGui::GetWindowSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(page, ImVec2(page.x + page_size.x, page.y + page_size.y), false);
    list->AddRectFilled(page, ImVec2(page.x + page_size.x, page.y + page_size.y), t.header);
    list->PopClipRect();

    // The languages in a grid across the lower part, each its own name in its own script: four
    // columns on a landscape screen, two on a portrait one. Drawn before the page's own button,
    // so a touch on a language is the language's.
    const int columns = avail.x > t.px(1400) ? 4 : 2;
    const float gap = t.gap(), height = t.touch_small(100);
    const float width = (avail.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = (static_cast<int>(names_.size()) + columns - 1) / columns;
    const float grid_h = static_cast<float>(rows) * height + static_cast<float>(rows - 1) * gap;
    const float grid_y = origin.y + avail.y - grid_h;
    for (size_t i = 0; i < names_.size(); ++i) {
        const int col = static_cast<int>(i) % columns, row = static_cast<int>(i) / columns;
        ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(col) * (width + gap), grid_y + static_cast<float>(row) * (height + gap)));
        auto& [code, name] = names_[i];
        if (ui.button("lang:" + code, name, ImVec2(width, height), false, t.card, t.text)) {
            app_.begin_visit(code);
            return;
        }
    }
    // Any other touch starts a visit at the language chooser.
    if (ui.button_area("attract:start", app_.bundle().ui("language.prompt", app_.lang()), page, page_size)) {
        app_.begin_visit();
        return;
    }
    draw_prompt(ui, origin, avail.x, grid_y - origin.y - gap);
}

// "Choose your language" in each language in turn, fading from one to the next, centred in the
// room above the grid.
void AttractScreen::draw_prompt(Ui& ui, ImVec2 origin, float width, float height) {
    if (prompts_.empty()) return;
    const Theme& t = ui.theme;
    if (!start_) start_ = ui.time.now;
    const float elapsed = std::chrono::duration<float>(ui.time.now - *start_).count();
    const auto n = static_cast<long>(prompts_.size());
    const long turn = static_cast<long>(elapsed / kShowSeconds);
    const float into = elapsed - static_cast<float>(turn) * kShowSeconds;
    const float fade = turn == 0 ? 1.0f : std::min(1.0f, into / kFadeSeconds);
    // Frames only while fading, at 10 per second; then none until the next language.
    const auto seconds = [](float s) { return std::chrono::duration_cast<platform::Clock::time_point::duration>(std::chrono::duration<float>(s)); };
    ui.time.wake_at(fade < 1 ? ui.time.now + std::chrono::milliseconds(100) : *start_ + seconds(static_cast<float>(turn + 1) * kShowSeconds));

    ImDrawList* list = ImGui::GetWindowDrawList();
    const TextStyle big{t.title.engine, t.title.size * 1.6f};
    const auto draw_one = [&](long index, float alpha) {
        TextBlock& text = prompts_[static_cast<size_t>(index % n)];
        const float room = width * 0.9f;
        const float h = text.layout(big, room);
        const float shift = (room - text.widest()) / 2 * (text.rtl() ? -1.0f : 1.0f);
        const ImU32 colour = (t.header_text & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, static_cast<int>(255 * alpha));
        text.draw(list, ImVec2(origin.x + (width - room) / 2 + shift, origin.y + std::max(0.0f, (height - h) / 2)), colour, colour);
    };
    if (fade < 1) draw_one(turn - 1, 1 - fade);
    draw_one(turn, fade);
}

}  // namespace kiosk
