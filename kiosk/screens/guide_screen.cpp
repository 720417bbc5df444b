#include "kiosk/screens/guide_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "content/model/text_slots.hpp"
#include "content/text/phone_number.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

namespace {
constexpr const char* kStaffLanguage = "it";  // what the officers at Torino's desks read
}  // namespace

GuideScreen::GuideScreen(App& app)
    : print_(app, [&app, route = app.route()] { return app.printer()->print_route(app.bundle(), route, app.lang()); }, app.route().id) {
    const auto& bundle = app.bundle();
    const auto guide = bundle.guide(app.route().id, app.lang(), app.today());
    if (!guide) return;
    dated_notices_ = dated_notices(app, "guide:" + guide->id);
    const auto* lang = bundle.language(guide->lang);
    const bool rtl = lang && lang->direction == content::Direction::RightToLeft;
    if (auto c = bundle.category(guide->category_id, app.lang())) header_ = text_of(bundle, c->title, true);
    title_ = TextBlock::plain(guide->title, guide->lang, rtl, true);
    summary_ = TextBlock::plain(guide->summary, guide->lang, rtl);
    // Marked when it is not the visitor's language, or is and may no longer say what the source says.
    has_notice_ = guide->is_fallback || guide->is_outdated;
    if (guide->is_fallback) notice_ = fallback_notice(app, guide->lang);
    else if (guide->is_outdated) notice_ = outdated_notice(app);
    for (const auto& block : guide->body.blocks) items_.push_back({block.kind, TextBlock::plain(std::to_string(block.number), guide->lang, false, true),
                          TextBlock(block.spans, guide->lang, rtl)});
    // The Italian beside it, for the officer at the desk.
    if (guide->lang != kStaffLanguage)
        if (const auto staff = bundle.guide(app.route().id, kStaffLanguage); staff && staff->lang == kStaffLanguage) {
            staff_button_ = text_of(bundle, bundle.ui("guide.staff", app.lang()), true);
            staff_title_ = TextBlock::plain(staff->title, kStaffLanguage, false, true);
            staff_summary_ = TextBlock::plain(staff->summary, kStaffLanguage, false);
            for (const auto& block : staff->body.blocks)
                staff_items_.push_back({block.kind, TextBlock::plain(std::to_string(block.number), kStaffLanguage, false, true),
                                        TextBlock(block.spans, kStaffLanguage, false)});
        }

    const auto label = [&](const char* key) { return bundle.ui(key, app.lang()); };
    places_heading_ = text_of(bundle, label("guide.places"), true);
    links_heading_ = text_of(bundle, label("guide.links"), true);
    for (const auto& p : guide->places) {
        places_.push_back(place_card(app, p));
        place_ids_.push_back(p.place.id);
        if (auto facts = key_facts_card(app, p)) {
            facts_.push_back(std::move(*facts));
            fact_ids_.push_back(p.place.id);
        }
    }
    // The address reads left to right in every language; a phone number as it is said.
    for (const auto& l : guide->links)
        links_.push_back({l.id, text_of(bundle, l.label), TextBlock::plain(l.kind == "tel" ? content::national_number(l.target) : l.target, "en", false),
                          fallback_marker(bundle, l.label)});
}

void GuideScreen::draw_item(Ui& ui, Item& item) {
    const Theme& t = ui.theme;
    switch (item.kind) {
        case content::BlockKind::Heading:
            ImGui::Dummy(ImVec2(0, t.px(12)));
            ui.text(item.text, t.heading, t.text);
            return;
        case content::BlockKind::Subheading: ui.text(item.text, t.body, t.text); return;
        case content::BlockKind::Paragraph:
            ui.text(item.text, t.body, t.text);
            ImGui::Dummy(ImVec2(0, t.px(10)));
            return;
        case content::BlockKind::Step:
        case content::BlockKind::Bullet: break;
    }
    // Steps and list items: a marker at the reading edge, the text indented beside it.
    const bool rtl = item.text.rtl();
    const float indent = t.px(item.kind == content::BlockKind::Step ? 72 : 48);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = item.text.layout(t.body, avail - indent);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float line = t.body.line_height();
    // Beside the first line's letters: on a tall script's taller line, as much lower as its baseline.
    const float middle = line / 2 + t.body.size * 1.1f * (item.text.line_scale() - 1);
    const float marker_x = rtl ? pos.x + avail - indent / 2 : pos.x + indent / 2 - t.px(8);
    if (item.kind == content::BlockKind::Step) {
        const float r = line * 0.45f;
        const ImVec2 c(rtl ? pos.x + avail - r : pos.x + r, pos.y + middle);
        list->AddCircleFilled(c, r, t.header);
        const float number_h = item.number.layout(t.body, indent);
        item.number.draw(list, ImVec2(c.x - item.number.widest() / 2, c.y - number_h / 2), t.header_text, t.header_text);
    } else {
        list->AddCircleFilled(ImVec2(marker_x, pos.y + middle), t.px(7), t.text);
    }
    item.text.draw(list, ImVec2(rtl ? pos.x : pos.x + indent, pos.y), t.text, t.link);
    ui.follow_links(item.text, ImVec2(rtl ? pos.x : pos.x + indent, pos.y));
    ImGui::Dummy(ImVec2(avail, h + t.px(10)));
}

void GuideScreen::draw_body(Ui& ui, std::vector<Item>& items) {
    for (auto& item : items) draw_item(ui, item);
}

void GuideScreen::draw_side_by_side(Ui& ui) {
    const Theme& t = ui.theme;
    // The visitor's column on their reading side: left in left-to-right languages, right in
    // right-to-left ones; the Italian on the other.
    const int visitor = ui.rtl() ? 1 : 0, staff = 1 - visitor;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(t.gap(), 0));
    if (ImGui::BeginTable("staff", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(visitor);
        ui.text(title_, t.heading, t.text);
        draw_body(ui, items_);
        ImGui::TableSetColumnIndex(staff);
        ui.text(staff_title_, t.heading, t.text);
        ui.text(staff_summary_, t.body, t.muted);
        draw_body(ui, staff_items_);
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
}

void GuideScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    if (has_notice_) ui.notice(notice_);
    for (auto& notice : dated_notices_) ui.notice(notice);
    ui.text(title_, t.title, t.text);
    ui.text(summary_, t.body, t.muted);
    ImGui::Dummy(ImVec2(0, t.gap()));
    for (size_t i = 0; i < facts_.size(); ++i)
        if (draw_info_card(ui, facts_[i], "facts:" + fact_ids_[i])) {
            ui.app.open(Route::place(fact_ids_[i]));
            return;
        }
    if (!links_.empty()) {
        ui.text(links_heading_, t.heading, t.text);
        for (auto& l : links_)
            if (ui.card("link:" + l.id, l.title, &l.summary, l.fallback)) {
                ui.app.open(Route::qr(l.id));
                return;
            }
    }
    if (print_.shown()) {
        const float width = t.px(content::action_button_slot().button_width);
        print_.draw(ui, ui.start_x(width), width);
    }
    if (!staff_items_.empty()) {
        staff_button_.layout(t.body, ImGui::GetContentRegionAvail().x);
        const float width = std::min(ImGui::GetContentRegionAvail().x, staff_button_.widest() + t.px(64));
        ImGui::SetCursorScreenPos(ImVec2(ui.start_x(width), ImGui::GetCursorScreenPos().y));
        if (ui.button("guide:staff", staff_button_, ImVec2(width, t.touch()), staff_, t.card, t.text)) staff_ = !staff_;
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    if (staff_) draw_side_by_side(ui);
    else draw_body(ui, items_);
    if (!places_.empty()) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        ui.text(places_heading_, t.heading, t.text);
        for (size_t i = 0; i < places_.size(); ++i)
            if (draw_info_card(ui, places_[i], "place:" + place_ids_[i])) {
                ui.app.open(Route::place(place_ids_[i]));
                return;
            }
    }
}

}  // namespace kiosk
