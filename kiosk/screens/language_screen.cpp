#include "kiosk/screens/language_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

LanguageScreen::LanguageScreen(App& app) : app_(app) {
    const auto& bundle = app.bundle();
    title_ = text_of(bundle, bundle.ui("language.prompt", app.lang()), true);
    for (const auto& l : bundle.languages()) {
        const bool rtl = l.direction == content::Direction::RightToLeft;
        const auto prompt = bundle.ui("language.prompt", l.code);
        if (!prompt.is_fallback) prompts_.push_back(TextBlock::plain(prompt.text, prompt.lang, rtl));
        names_.emplace_back(l.code, TextBlock::plain(l.native_name, l.code, rtl, true));
    }
}

void LanguageScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    // Sixteen languages fit one landscape screen in four columns; portrait takes two.
    const float avail = ImGui::GetContentRegionAvail().x;
    const int columns = avail > t.px(1400) ? 4 : 2;
    const float width = (avail - t.gap() * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // The prompt in every language.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const auto step = static_cast<size_t>(columns);
    float y = origin.y;
    for (size_t i = 0; i < prompts_.size(); i += step) {
        float row = 0;
        for (size_t k = i; k < std::min(i + step, prompts_.size()); ++k) {
            const float h = prompts_[k].layout(t.body, width);
            const size_t col = k - i;
            const size_t visual_col = ui.rtl() ? step - 1 - col : col;
            const float x = origin.x + static_cast<float>(visual_col) * (width + t.gap());
            prompts_[k].draw(ImGui::GetWindowDrawList(), ImVec2(x, y), t.text, t.link);
            row = std::max(row, h);
        }
        y += row;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + t.gap() * 2));

    // One big button per language.
    const float height = t.touch_small(100);
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < names_.size(); ++i) {
        const int col = static_cast<int>(i) % columns, row = static_cast<int>(i) / columns;
        const int visual_col = ui.rtl() ? columns - 1 - col : col;
        ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(visual_col) * (width + t.gap()),
                                         grid.y + static_cast<float>(row) * (height + t.gap())));
        auto& [code, name] = names_[i];
        if (ui.button("lang:" + code, name, ImVec2(width, height), code == app_.lang(), t.card, t.text)) {
            app_.set_language(code);
            return;  // this view is gone now
        }
    }
}

}  // namespace kiosk
