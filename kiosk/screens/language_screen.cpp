#include "language_screen.hpp"

#include "../app.hpp"
#include "../ui.hpp"

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
    // The prompt in every language, two per line.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float half = (avail - t.gap()) / 2;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    for (size_t i = 0; i < prompts_.size(); i += 2) {
        float row = 0;
        for (size_t k = i; k < std::min(i + 2, prompts_.size()); ++k) {
            const float h = prompts_[k].layout(t.body, half);
            const float x = origin.x + static_cast<float>(k - i) * (half + t.gap());
            prompts_[k].draw(ImGui::GetWindowDrawList(), ImVec2(x, y), t.text, t.link);
            row = std::max(row, h);
        }
        y += row;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + t.gap() * 2));

    // One big button per language, three to a row.
    const int columns = 3;
    const float width = (avail - t.gap() * (columns - 1)) / columns;
    const float height = t.px(120);
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
