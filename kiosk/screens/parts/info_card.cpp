#include "kiosk/screens/parts/info_card.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/ui/view.hpp"
#include "kiosk/words/distance_text.hpp"
#include "kiosk/words/hours_text.hpp"
#include "kiosk/words/place_text.hpp"
#include "kiosk/words/words.hpp"
#include "fonts/utf8.hpp"

namespace kiosk {

InfoCard place_card(const App& app, const content::PlaceView& p, bool with_week) {
    const auto& bundle = app.bundle();
    const auto label = [&](const char* key) { return bundle.ui(key, app.lang()); };
    const bool ui_rtl = app.rtl();
    // Names and addresses are Latin, but on a right-to-left screen they align to the right.
    InfoCard card{TextBlock::plain(p.place.name, app.lang(), ui_rtl, true), {}};
    const auto line = [&](const content::Localized& name, const std::string& value) {
        card.lines.push_back(TextBlock::plain(name.text + ": " + value, app.lang(), ui_rtl));
    };
    if (!p.place.address.empty()) line(label("place.address"), p.place.address);
    if (const auto distance = app.here() ? distance_text(bundle, app.lang(), *app.here(), p.place) : std::nullopt) {
        const std::string name = label("place.distance").text + ": ";
        card.lines.push_back(TextBlock::plain(name + distance->shown, app.lang(), ui_rtl));
        card.lines.back().set_spoken(name + distance->spoken);
    }
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    card.lines.push_back(TextBlock::plain(place_hours_now(bundle, app.lang(), p.place.opening_hours, now).text, app.lang(), ui_rtl, true));
    if (!p.place.opening_hours.empty()) {
        // The build refused hours it cannot read; a bundle from elsewhere shows them as written.
        try {
            const content::OpeningHours hours(p.place.opening_hours);
            if (with_week)
                for (const auto& day : hours_week(bundle, app.lang(), hours, now)) card.lines.push_back(TextBlock::plain(day, app.lang(), ui_rtl));
            if (const auto caveat = holiday_caveat(bundle, app.lang(), hours, now)) card.lines.push_back(TextBlock::plain(*caveat, app.lang(), ui_rtl));
        } catch (const content::OpeningHoursError&) {
            line(label("place.hours"), p.place.opening_hours);
        }
    }
    if (!p.place.phone.empty()) line(label("place.phone"), isolated(p.place.phone));
    if (const auto services = services_line(bundle, app.lang(), p.services); !services.empty())
        card.lines.push_back(TextBlock::plain(services, app.lang(), ui_rtl));
    if (p.access.found()) line(label("place.access"), p.access.text);
    if (p.note.found()) card.lines.push_back(text_of(bundle, p.note));
    if (p.place.kind == "mobile_unit") {
        const auto stops = bundle.upcoming_stops(p.place.id, now, 3);
        if (!stops.empty()) card.lines.push_back(TextBlock::plain(label("stops.next").text, app.lang(), ui_rtl, true));
        for (const auto& stop : stops) card.lines.push_back(TextBlock::plain(stop_line(bundle, app.lang(), stop), app.lang(), ui_rtl));
    }
    if (p.place.approximate) card.lines.push_back(text_of(bundle, label("place.approximate")));
    return card;
}

std::optional<InfoCard> key_facts_card(const App& app, const content::PlaceView& p) {
    if (p.place.phone.empty() && p.place.opening_hours.empty()) return std::nullopt;
    const auto& bundle = app.bundle();
    const bool ui_rtl = app.rtl();
    InfoCard card{TextBlock::plain(p.place.name, app.lang(), ui_rtl, true), {}};
    if (!p.place.phone.empty())
        card.lines.push_back(TextBlock::plain(bundle.ui("place.phone", app.lang()).text + ": " + isolated(p.place.phone), app.lang(), ui_rtl, true));
    const auto now = std::chrono::floor<std::chrono::seconds>(app.clock().wall());
    card.lines.push_back(TextBlock::plain(place_hours_now(bundle, app.lang(), p.place.opening_hours, now).text, app.lang(), ui_rtl));
    if (!p.place.opening_hours.empty()) {
        try {
            const content::OpeningHours hours(p.place.opening_hours);
            for (const auto& line : hours_summary(bundle, app.lang(), hours, now)) card.lines.push_back(TextBlock::plain(line, app.lang(), ui_rtl));
            if (const auto caveat = holiday_caveat(bundle, app.lang(), hours, now)) card.lines.push_back(TextBlock::plain(*caveat, app.lang(), ui_rtl));
        } catch (const content::OpeningHoursError&) {
        }
    }
    return card;
}

bool draw_info_card(Ui& ui, InfoCard& card, const std::string& id) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = t.px(24);
    const float inner = avail - 2 * pad;
    float height = card.heading.layout(t.body, inner);
    for (auto& l : card.lines) height += t.px(6) + l.layout(t.body, inner);
    height += 2 * pad;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // A card that leads somewhere is one control, its texts its name.
    content::Localized name{fonts::encode_utf8(card.heading.text()), card.heading.lang(), false};
    for (const auto& l : card.lines) append_sentence(name.text, fonts::encode_utf8(l.text()));
    const bool tapped = !id.empty() && ui.button_area(id, name, pos, ImVec2(avail, height));
    const NamingTexts naming(id.empty() ? -1 : NamingTexts::last_control());
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(pos, ImVec2(pos.x + avail, pos.y + height), t.card, t.px(12));
    float y = pos.y + pad;
    card.heading.draw(list, ImVec2(pos.x + pad, y), t.text, t.link);
    y += card.heading.layout(t.body, inner);
    for (auto& l : card.lines) {
        y += t.px(6);
        l.draw(list, ImVec2(pos.x + pad, y), t.muted, t.link);
        y += l.layout(t.body, inner);
    }
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(avail, height + t.gap()));
    return tapped;
}

}  // namespace kiosk
