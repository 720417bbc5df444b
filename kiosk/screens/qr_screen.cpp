#include "kiosk/screens/qr_screen.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include <algorithm>
#include <cmath>

#include "content/model/text_slots.hpp"
#include "content/text/phone_number.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/qr/qr_draw.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/words/words.hpp"
#include "platform/log.hpp"

namespace kiosk {

namespace {
// A phone held at about 40 cm frames 60 mm comfortably; more only makes the visitor step back.
constexpr float kTargetMm = 60;

// What the link does on the phone, by its kind; a phone number is said in the sentence, as it
// is written in Italy and isolated, so it reads left to right inside right-to-left text.
content::Localized opens_text(const App& app, const content::LinkView& link) {
    auto text = app.bundle().ui("qr.opens." + link.kind, app.lang());
    text.text = fill(text.text, "{number}", isolated(content::national_number(link.target)));
    return text;
}
// A text centred on the page, advancing the cursor.
void centred(TextBlock& text, const TextStyle& style, ImU32 color) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    text.layout(style, avail);
    // Laid out again at its own width, so a right-to-left line ends where it is centred.
    const float w = std::min(avail, std::ceil(text.widest()) + 1);
    const float h = text.layout(style, w);
    text.draw(ImGui::GetWindowDrawList(), ImVec2(pos.x + std::floor((avail - w) / 2), pos.y), color, color);
    ImGui::Dummy(ImVec2(avail, h));
}
}  // namespace

QrScreen::QrScreen(App& app)
    : print_(app, [&app, route = app.route()] { return app.printer()->print_route(app.bundle(), route, app.lang()); }, app.route().id) {
    const auto& bundle = app.bundle();
    const auto link = bundle.link(app.route().id, app.lang());
    if (!link) return;
    title_ = text_of(bundle, link->label, true);
    page_title_ = title_;
    fallback_ = link->label.is_fallback;
    if (fallback_) notice_ = fallback_notice(app, link->label.lang);
    opens_ = text_of(bundle, opens_text(app, *link), true);
    scan_ = text_of(bundle, bundle.ui("qr.scan", app.lang()));
    // An address reads left to right in every language; a number as it is said.
    const bool tel = link->target.starts_with("tel:");
    target_ = TextBlock::plain(tel ? content::national_number(link->target) : link->target, "en", false);
    if (link->approximate) approximate_ = text_of(bundle, bundle.ui("directions.approximate", app.lang()), true);
    std::string error;
    code_ = QrCode::encode(qr_text_of(*link), error);
    if (!code_) platform::log::problem("link " + link->id + ": no QR code: " + error);
}

void QrScreen::draw(Ui& ui) {
    const Theme& t = ui.theme;
    if (fallback_) ui.notice(notice_);
    centred(page_title_, t.title, t.text);
    ImGui::Dummy(ImVec2(0, t.px(8)));
    centred(opens_, t.heading, t.text);
    ImGui::Dummy(ImVec2(0, t.gap()));
    if (code_) {
        const float side = qr_side_mm(*code_, t, kTargetMm);
        const float avail = ImGui::GetContentRegionAvail().x;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float drawn = draw_qr(ImGui::GetWindowDrawList(), ImVec2(pos.x + std::floor((avail - side) / 2), pos.y), *code_, side);
        ImGui::Dummy(ImVec2(avail, drawn + t.gap()));
    }
    centred(scan_, t.body, t.text);
    ImGui::Dummy(ImVec2(0, t.px(8)));
    centred(target_, t.body, t.muted);
    if (!approximate_.empty()) {
        ImGui::Dummy(ImVec2(0, t.px(8)));
        centred(approximate_, t.body, t.text);
    }
    if (print_.shown()) {
        ImGui::Dummy(ImVec2(0, t.gap()));
        const float width = t.px(content::action_button_slot().button_width);
        print_.draw(ui, ImGui::GetCursorScreenPos().x + std::floor((ImGui::GetContentRegionAvail().x - width) / 2), width);
    }
}

}  // namespace kiosk
