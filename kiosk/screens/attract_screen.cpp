#include "kiosk/screens/attract_screen.hpp"

#include <cmath>

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

AttractScreen::AttractScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    for (const auto& l : bundle.languages()) {
        const auto prompt = bundle.ui("attract.touch", l.code);
        if (prompt.found() && !prompt.is_fallback)
            prompts_.push_back(TextBlock::plain(prompt.text, l.code, l.direction == content::Direction::RightToLeft, true));
    }
}

void AttractScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // One button over all of the page: any touch starts a visit.
    const ImVec2 page = ImGui::GetWindowPos(), page_size = ImGui::GetWindowSize();
    if (ui.button_area("attract:start", page, page_size)) {
        app_.begin_visit();
        return;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(page, ImVec2(page.x + page_size.x, page.y + page_size.y), false);
    list->AddRectFilled(page, ImVec2(page.x + page_size.x, page.y + page_size.y), t.header);
    list->PopClipRect();

    // A touch mark: rings around a fingertip, above the words.
    const ImVec2 centre(origin.x + avail.x / 2, origin.y + avail.y * 0.32f);
    for (int i = 0; i < 3; ++i)
        list->AddCircle(centre, t.px(40.0f + 34.0f * static_cast<float>(i)), (t.header_text & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 200 - 60 * i), 64, t.px(6));
    list->AddCircleFilled(centre, t.px(22), t.selected, 48);

    if (prompts_.empty()) return;
    // Which language, and how far into its fade-in.
    if (!start_) start_ = ui.time.now;
    const float elapsed = std::chrono::duration<float>(ui.time.now - *start_).count();
    const auto n = static_cast<long>(prompts_.size());
    const long turn = static_cast<long>(elapsed / kShowSeconds);
    const float into = elapsed - static_cast<float>(turn) * kShowSeconds;
    const float fade = turn == 0 ? 1.0f : std::min(1.0f, into / kFadeSeconds);
    // Frames only while fading, at 10 per second; then none until the next language.
    const auto seconds = [](float s) { return std::chrono::duration_cast<platform::Clock::time_point::duration>(std::chrono::duration<float>(s)); };
    ui.time.wake_at(fade < 1 ? ui.time.now + std::chrono::milliseconds(100) : *start_ + seconds(static_cast<float>(turn + 1) * kShowSeconds));

    const TextStyle big{t.title.engine, t.title.size * 1.6f};
    const auto draw_prompt = [&](long index, float alpha) {
        TextBlock& text = prompts_[static_cast<size_t>(index % n)];
        const float width = avail.x * 0.9f;
        const float h = text.layout(big, width);
        const float shift = (width - text.widest()) / 2 * (text.rtl() ? -1.0f : 1.0f);
        const ImU32 colour = (t.header_text & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, static_cast<int>(255 * alpha));
        text.draw(list, ImVec2(origin.x + (avail.x - width) / 2 + shift, origin.y + avail.y * 0.55f - h / 2), colour, colour);
    };
    if (fade < 1) draw_prompt(turn - 1, 1 - fade);
    draw_prompt(turn, fade);
}

}  // namespace kiosk
