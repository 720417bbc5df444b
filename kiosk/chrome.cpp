#include "chrome.hpp"

#include "app.hpp"
#include "screens/view.hpp"
#include "ui.hpp"

namespace kiosk {

void Chrome::refresh(const App& app) {
    if (seen_changes_ == app.changes()) return;
    seen_changes_ = app.changes();
    const auto& bundle = app.bundle();
    back_ = text_of(bundle, bundle.ui("nav.back", app.lang()), true);
    home_ = text_of(bundle, bundle.ui("nav.home", app.lang()), true);
    demo_ = bundle.meta().demo ? text_of(bundle, bundle.ui("demo.label", app.lang())) : TextBlock();
    languages_.clear();
    for (const auto& l : bundle.languages())
        languages_.emplace_back(l.code, TextBlock::plain(l.native_name, l.direction == content::Direction::RightToLeft, true));
}

void Chrome::draw(Ui& ui, ImVec2 display) {
    refresh(ui.app);
    const Theme& t = ui.theme;
    View& view = ui.app.view();
    const float header_h = t.px(128);
    const float footer_h = view.shows_language_bar() ? t.px(128) : 0;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    constexpr ImGuiWindowFlags chrome_less = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                             ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("kiosk", nullptr, chrome_less);
    const long at_start = ui.app.changes();
    header(ui, view, display, header_h);
    if (ui.app.changes() != at_start) {  // Back or Home was tapped: the new screen draws next frame
        ImGui::End();
        return;
    }

    ImGui::SetCursorScreenPos(ImVec2(0, header_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.margin(), t.px(32)));
    ImGui::BeginChild("content", ImVec2(display.x, display.y - header_h - footer_h), false,
                      ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings);
    const long before = ui.app.changes();
    view.draw(ui);
    if (ui.app.changes() != before) ImGui::SetScrollY(0);  // a new screen starts at its top
    ImGui::EndChild();
    ImGui::PopStyleVar();

    if (footer_h > 0) footer(ui, display, footer_h);
    ImGui::End();
}

void Chrome::header(Ui& ui, View& view, ImVec2 display, float height) {
    const Theme& t = ui.theme;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), t.header);
    const float pad = (height - t.touch()) / 2;
    const ImVec2 size(t.px(250), t.touch());
    const bool rtl = ui.rtl();
    // Back first from the reading edge, then Home; the view's title fills the rest.
    const float back_x = rtl ? display.x - t.margin() - size.x : t.margin();
    const float home_x = rtl ? back_x - t.gap() - size.x : back_x + size.x + t.gap();
    const ImU32 button = IM_COL32(255, 255, 255, 40);

    ImGui::SetCursorScreenPos(ImVec2(back_x, pad));
    const bool can_back = ui.app.can_go_back();
    if (ui.button("nav:back", back_, size, false, button, can_back ? t.header_text : IM_COL32(255, 255, 255, 110)) && can_back) {
        ui.app.back();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(home_x, pad));
    if (ui.button("nav:home", home_, size, false, button, t.header_text)) {
        ui.app.home();
        return;
    }

    float demo_w = 0;
    if (!demo_.empty()) {
        const float max_w = t.px(420);
        const float h = demo_.layout(t.small, max_w) + t.px(16);
        demo_w = demo_.widest() + t.px(32);
        const float x = rtl ? t.margin() : display.x - t.margin() - demo_w;
        const float y = (height - h) / 2;
        list->AddRectFilled(ImVec2(x, y), ImVec2(x + demo_w, y + h), t.notice, t.px(10));
        // Right-to-left text is laid out against the right edge of max_w.
        const float shift = demo_.rtl() ? max_w - demo_.widest() : 0;
        demo_.draw(list, ImVec2(x + t.px(16) - shift, y + t.px(8)), t.notice_text, t.notice_text);
    }
    // The title between the buttons and the demo label.
    const float title_start = t.margin() + 2 * size.x + 2 * t.gap();
    const float title_w = display.x - title_start - t.margin() - demo_w - t.gap();
    TextBlock& title = view.title();
    const float title_h = title.layout(t.heading, title_w);
    const float title_x = rtl ? display.x - title_start - title_w : title_start;
    if (title_h <= height) title.draw(list, ImVec2(title_x, (height - title_h) / 2), t.header_text, t.header_text);
}

void Chrome::footer(Ui& ui, ImVec2 display, float height) {
    const Theme& t = ui.theme;
    const float top = display.y - height;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(display.x, display.y), t.header);
    const float n = static_cast<float>(languages_.size());
    const float width = std::min(t.px(280), (display.x - 2 * t.margin() - (n - 1) * t.gap()) / n);
    const float total = n * width + (n - 1) * t.gap();
    const float start = (display.x - total) / 2;
    for (size_t i = 0; i < languages_.size(); ++i) {
        const size_t visual = ui.rtl() ? languages_.size() - 1 - i : i;
        ImGui::SetCursorScreenPos(ImVec2(start + static_cast<float>(visual) * (width + t.gap()), top + (height - t.touch()) / 2));
        auto& [code, name] = languages_[i];
        if (ui.button("lang:" + code, name, ImVec2(width, t.touch()), code == ui.app.lang(), IM_COL32(255, 255, 255, 40),
                      t.header_text)) {
            ui.app.set_language(code);
            return;
        }
    }
}

}  // namespace kiosk
