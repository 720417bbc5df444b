#include "kiosk/screens/search_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>

#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

SearchScreen::SearchScreen(App& app) : app_(app), keyboard_(app.bundle().keyboards(), app.lang()) {
    const auto& bundle = app.bundle();
    title_ = text_of(bundle, bundle.ui("search.title", app.lang()), true);
    prompt_ = text_of(bundle, bundle.ui("search.prompt", app.lang()));
    none_ = text_of(bundle, bundle.ui("search.none", app.lang()));
    search();  // a visitor coming back finds their results
}

void SearchScreen::search() {
    searched_ = app_.search_text();
    field_ = TextBlock::plain(searched_, app_.lang(), app_.rtl());
    results_.clear();
    const auto& bundle = app_.bundle();
    for (const auto& hit : bundle.search(searched_, app_.lang(), kLimit, app_.today())) {
        if (hit.kind == "guide") {
            if (const auto g = bundle.guide_summary(hit.id, app_.lang()))
                results_.push_back({Route::guide(hit.id), card_text(bundle, "result:guide:" + hit.id, g->title, g->summary)});
        } else if (const auto p = bundle.place(hit.id, app_.lang())) {
            const content::Localized name{p->place.name, app_.lang()}, where{p->place.address.empty() ? p->note.text : p->place.address,
                                                                              p->place.address.empty() ? p->note.lang : app_.lang()};
            results_.push_back({Route::place(hit.id), card_text(bundle, "result:place:" + hit.id, name, where)});
        }
    }
}

void SearchScreen::draw_field(Ui& ui) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = t.px(24), clear = t.touch();
    const bool typed = !searched_.empty();
    TextBlock& shown = typed ? field_ : prompt_;
    const float text_w = avail - 2 * pad - (typed ? clear + t.gap() : 0);
    const float height = std::max(t.touch(), shown.layout(typed ? t.heading : t.body, text_w) + 2 * pad);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(pos, ImVec2(pos.x + avail, pos.y + height), t.background, t.px(12));
    list->AddRect(pos, ImVec2(pos.x + avail, pos.y + height), t.card_border, t.px(12), 0, t.px(4));
    const float text_x = ui.rtl() && typed ? pos.x + pad + clear + t.gap() : pos.x + pad;
    const float text_h = shown.layout(typed ? t.heading : t.body, text_w);
    shown.draw(list, ImVec2(text_x, pos.y + (height - text_h) / 2), typed ? t.text : t.muted, t.link);
    if (typed) {  // a button that empties the field, at the field's far end
        const float x = ui.rtl() ? pos.x + t.px(8) : pos.x + avail - clear - t.px(8);
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + (height - clear) / 2));
        if (ui.blank_button("search:clear", app_.bundle().ui("search.clear", app_.lang()), ImVec2(clear, clear), false, t.card)) app_.set_search_text({});
        const ImVec2 c(x + clear / 2, pos.y + height / 2);
        const float r = clear * 0.2f;
        list->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), t.text, t.px(6));
        list->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), t.text, t.px(6));
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(avail, height + t.gap()));
}

void SearchScreen::draw(Ui& ui) {
    if (app_.search_text() != searched_) search();  // a key was typed since the last frame
    draw_field(ui);
    if (!searched_.empty() && results_.empty()) ui.text(none_, ui.theme.body, ui.theme.muted);
    for (auto& r : results_) {
        if (ui.card(r.card.id, r.card.title, &r.card.summary, r.card.fallback)) {
            app_.open(r.target);
            return;
        }
    }
}

void SearchScreen::draw_bottom(Ui& ui, ImVec2 origin, ImVec2 size) {
    const auto typed = keyboard_.draw(ui, origin, size.x);
    std::string text = app_.search_text();
    if (typed.kind == Keyboard::Typed::Kind::Text) {
        if (typed.text == " " && (text.empty() || text.back() == ' ')) return;  // no leading or double spaces
        // A letter's form takes the place of the letter typed before it: ለ then the form ሉ is ሉ.
        auto chars = fonts::decode_utf8(text);
        if (!chars.empty()) {
            const std::string last = fonts::encode_utf8(chars.substr(chars.size() - 1));
            if (std::find(typed.replaces.begin(), typed.replaces.end(), last) != typed.replaces.end()) chars.pop_back();
        }
        app_.set_search_text(fonts::encode_utf8(chars) + typed.text);
    } else if (typed.kind == Keyboard::Typed::Kind::Backspace && !text.empty()) {
        // Deletes the last character, not the last byte.
        auto chars = fonts::decode_utf8(text);
        chars.pop_back();
        app_.set_search_text(fonts::encode_utf8(chars));
    }
}

}  // namespace kiosk
