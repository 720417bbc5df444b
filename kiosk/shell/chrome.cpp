#include "kiosk/shell/chrome.hpp"

#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "content/hours/dates.hpp"
#include "content/model/text_slots.hpp"
#include "content/text/locale_format.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/speech/speech.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/words/place_text.hpp"

namespace kiosk {

void Chrome::refresh(const App& app) {
    if (seen_changes_ == app.changes()) return;
    seen_changes_ = app.changes();
    const auto& bundle = app.bundle();
    back_ = text_of(bundle, bundle.ui("nav.back", app.lang()), true);
    all_languages_ = text_of(bundle, bundle.ui("language.prompt", app.lang()), true);
    all_languages_tall_ = {-1, false};
    clock_text_.clear();
    home_ = text_of(bundle, bundle.ui("nav.home", app.lang()), true);
    listen_ = text_of(bundle, bundle.ui("speech.listen", app.lang()), true);
    stop_ = text_of(bundle, bundle.ui("speech.stop", app.lang()), true);
    no_voice_ = text_of(bundle, bundle.ui("speech.no_voice", app.lang()), true);
    still_there_ = text_of(bundle, bundle.ui("idle.question", app.lang()), true);
    touch_to_continue_ = text_of(bundle, bundle.ui("idle.continue", app.lang()));
    restart_in_ = bundle.ui("idle.restart_in", app.lang());
    // Expired content stays on screen, never blank, with a discreet line saying so.
    std::vector<content::Localized> notices;
    if (bundle.meta().expires < content::today_iso(app.clock().wall())) notices.push_back(bundle.ui("expired.notice", app.lang()));
    if (bundle.meta().demo) notices.push_back(bundle.ui("demo.label", app.lang()));
    content::Localized strip;
    for (const auto& n : notices) {
        strip.text += (strip.text.empty() ? "" : "  ·  ") + n.text;
        if (strip.lang.empty()) strip.lang = n.lang;
    }
    strip_ = notices.empty() ? TextBlock() : text_of(bundle, strip);
    preview_ = app.preview_note().empty() ? TextBlock() : TextBlock::plain(app.preview_note(), "en", false, true);
    languages_.clear();
    for (const auto& l : bundle.languages())
        languages_.emplace_back(l.code, TextBlock::plain(l.native_name, l.code, l.direction == content::Direction::RightToLeft, true));
}

void Chrome::draw(Ui& ui, View& view, ImVec2 screen, std::optional<float> countdown_left, float countdown_total) {
    refresh(ui.app);
    const Theme& t = ui.theme;
    // A preview's band takes the bottom of the screen; everything else keeps its whole layout above it.
    const float band_h = preview_.empty() ? 0 : preview_.layout(t.label, screen.x - 2 * t.margin()) + 2 * t.px(10);
    const ImVec2 display(screen.x, screen.y - band_h);
    // Narrow: the title would have under 700 px beside the buttons (a portrait screen).
    const bool narrow = display.x - 2 * t.margin() - 2 * t.px(content::header_button_slot().button_width) - 3 * t.touch() - 5 * t.gap() < t.px(900);
    const float header_h = view.shows_header() ? header_height(t, narrow) : 0;
    // The strip is as tall as its text: on a narrow portrait screen it may take two lines.
    const float strip_h = strip_.empty() ? 0 : strip_.layout(t.small, display.x - 2 * t.margin()) + t.px(12);
    const FooterGrid grid = view.shows_language_bar() ? footer_grid(ui, display) : FooterGrid{1, 0, 0, 0};
    const float bottom = grid.height > 0 ? grid.height : view.bottom_height(t, display.x - 2 * t.margin());

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    // No background: the frame is cleared to the background colour already, and painting it
    // again is a full-screen blend (6 ms a frame at 1080p on the software renderer).
    constexpr ImGuiWindowFlags chrome_less = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                             ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("kiosk", nullptr, chrome_less);
    const long at_start = ui.app.changes();
    if (header_h > 0) header(ui, view, display, header_h, narrow);
    if (ui.app.changes() != at_start) {  // Back or Home was tapped: the new screen draws next frame
        ImGui::End();
        return;
    }
    if (strip_h > 0) notice_strip(ui, display, header_h, strip_h);

    const float top = header_h + strip_h;
    if (!(page_route_ == ui.app.route()) || page_visitor_ != ui.app.visitor()) {  // a new screen starts at its top
        page_.reset();
        page_route_ = ui.app.route();
        page_visitor_ = ui.app.visitor();
    }
    const ImVec2 page_size(display.x, display.y - top - bottom);
    if (DrawnText::current) DrawnText::current->in_page = true;
    if (view.scrolls()) {
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.margin(), t.px(32)));
        page_.begin("content", ImVec2(0, top), page_size, ui.pointer, t, ui.time.dt);
        view.draw(ui);
        page_.end(t);
        ImGui::PopStyleVar();
    } else {
        ImGui::SetCursorScreenPos(ImVec2(0, top));
        ImGui::BeginChild("fixed", page_size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoSavedSettings);
        view.draw(ui);
        ImGui::EndChild();
    }
    if (DrawnText::current) DrawnText::current->in_page = false;
    view_animating_ = view.animating();

    if (grid.height > 0) footer(ui, display, grid);
    else if (bottom > 0) {
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, display.y - bottom), display, t.header);
        view.draw_bottom(ui, ImVec2(t.margin(), display.y - bottom), ImVec2(display.x - 2 * t.margin(), bottom));
    }
    ImGui::End();
    if (countdown_left) countdown(ui, display, *countdown_left, countdown_total, view.shows_code() ? header_h : 0);
    if (band_h > 0) preview_band(ui, display.y, screen);
}

// On every screen, in a colour of no theme: a content manager must never mistake a preview for
// a kiosk showing signed content, nor a failed build for a good one.
void Chrome::preview_band(Ui& ui, float top, ImVec2 screen) {
    const Theme& t = ui.theme;
    ImDrawList* list = ImGui::GetForegroundDrawList();
    list->AddRectFilled(ImVec2(0, top), screen, kPreviewMagenta);
    preview_.draw(list, ImVec2(t.margin(), top + t.px(10)), IM_COL32_WHITE, IM_COL32_WHITE);
}

void Chrome::countdown(Ui& ui, ImVec2 display, float left, float total, float band) {
    const Theme& t = ui.theme;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoBackground);
    ui.button_area("idle:continue", ui.app.bundle().ui("idle.continue", ui.app.lang()), ImVec2(0, 0), display);  // any touch: the runner keeps the visit going
    if (band > 0) {
        countdown_band(ui, display, left, total, band);
        ImGui::End();
        return;
    }
    // The page stays visible under a veil, so the visitor sees nothing was lost yet.
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 150));
    const float width = std::min(display.x - 2 * t.margin(), t.px(1000)), pad = t.px(48);
    const float inner = width - 2 * pad;
    // The seconds in the language's digits, and said in words with the language's plural form.
    const long seconds = static_cast<long>(std::ceil(left));
    TextBlock number = TextBlock::plain(content::locale_format(ui.app.lang()).integer(seconds), ui.app.lang(), ui.rtl(), true);
    content::Localized restart = restart_in_;
    restart.text = content::locale_format(restart.lang).count_message(restart.text, "seconds", seconds);
    TextBlock restart_line = text_of(ui.app.bundle(), restart);
    const TextStyle huge{t.title.engine, t.title.size * 2.2f};
    const float question_h = still_there_.layout(t.title, inner);
    const float number_h = number.layout(huge, inner);
    const float restart_h = restart_line.layout(t.body, inner);
    const float hint_h = touch_to_continue_.layout(t.body, inner);
    const float bar_h = t.px(20);
    const float height = 2 * pad + question_h + number_h + bar_h + restart_h + hint_h + 4 * t.gap();
    const ImVec2 min((display.x - width) / 2, (display.y - height) / 2), max(min.x + width, min.y + height);
    list->AddRectFilled(min, max, t.background, t.px(24));
    list->AddRect(min, max, t.card_border, t.px(24), 0, t.px(6));
    const auto centred = [&](const TextBlock& b) { return (inner - b.widest()) / 2 * (b.rtl() ? -1.0f : 1.0f); };
    float y = min.y + pad;
    still_there_.draw(list, ImVec2(min.x + pad + centred(still_there_), y), t.text, t.text);
    y += question_h + t.gap();
    number.draw(list, ImVec2(min.x + pad + centred(number), y), t.card_border, t.card_border);
    y += number_h + t.gap();
    // The bar empties with the seconds left, from the reading edge.
    const float fill = inner * std::clamp(std::ceil(left) / total, 0.0f, 1.0f);
    list->AddRectFilled(ImVec2(min.x + pad, y), ImVec2(max.x - pad, y + bar_h), t.card, bar_h / 2);
    const float start = ui.rtl() ? max.x - pad - fill : min.x + pad;
    list->AddRectFilled(ImVec2(start, y), ImVec2(start + fill, y + bar_h), t.card_border, bar_h / 2);
    y += bar_h + t.gap();
    restart_line.draw(list, ImVec2(min.x + pad + centred(restart_line), y), t.text, t.text);
    y += restart_h + t.gap();
    touch_to_continue_.draw(list, ImVec2(min.x + pad + centred(touch_to_continue_), y), t.muted, t.muted);
    ImGui::End();
}

// On a screen with a QR code the countdown is a band over the header: the visitor may be holding
// a phone up to the code, and a card over it would stop the camera reading it.
void Chrome::countdown_band(Ui& ui, ImVec2 display, float left, float total, float height) {
    const Theme& t = ui.theme;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), t.background);
    list->AddRectFilled(ImVec2(0, height - t.px(6)), ImVec2(display.x, height), t.card_border);
    const std::string seconds = content::locale_format(ui.app.lang()).integer(static_cast<long>(std::ceil(left)));
    TextBlock line = TextBlock::plain(fonts::encode_utf8(still_there_.text()) + "  " + seconds, ui.app.lang(), ui.rtl(), true);
    const float w = display.x - 2 * t.margin();
    const float h = line.layout_to_fit(t.heading, w * 0.6f, height * 0.5f, t.px(28));
    const float x = ui.rtl() ? t.margin() + w * 0.4f : t.margin();
    line.draw(list, ImVec2(x, t.px(12)), t.text, t.text);
    touch_to_continue_.layout_to_fit(t.body, w * 0.6f, height - h - t.px(30), t.px(28));
    touch_to_continue_.draw(list, ImVec2(x, t.px(12) + h), t.muted, t.muted);
    // The bar empties with the seconds left, from the reading edge, at the far end.
    const float bar_w = w * 0.35f, bar_h = t.px(20), bar_y = height / 2 - bar_h / 2;
    const float bar_x = ui.rtl() ? t.margin() : display.x - t.margin() - bar_w;
    const float fill = bar_w * std::clamp(std::ceil(left) / total, 0.0f, 1.0f);
    list->AddRectFilled(ImVec2(bar_x, bar_y), ImVec2(bar_x + bar_w, bar_y + bar_h), t.card, bar_h / 2);
    const float start = ui.rtl() ? bar_x + bar_w - fill : bar_x;
    list->AddRectFilled(ImVec2(start, bar_y), ImVec2(start + fill, bar_y + bar_h), t.card_border, bar_h / 2);
}

float Chrome::header_height(const Theme& t, bool narrow) const {
    const float buttons = std::max(t.px(128), t.touch() + t.px(32));
    return narrow ? buttons + t.heading.line_height() + t.px(16) : buttons;
}

float Chrome::draw_clock(Ui& ui, float x_far, float centre_y) {
    const Theme& t = ui.theme;
    const auto wall = std::chrono::floor<std::chrono::seconds>(ui.app.clock().wall());
    // The words come from the bundle's database: read again only when the minute turns.
    const auto minute = std::chrono::floor<std::chrono::minutes>(wall);
    if (minute != clock_minute_ || clock_text_.empty()) {
        clock_minute_ = minute;
        clock_text_ = now_text(ui.app.lang(), wall);
        const auto* l = ui.app.bundle().language(ui.app.lang());
        clock_ = TextBlock::plain(clock_text_, ui.app.lang(), l && l->direction == content::Direction::RightToLeft);
    }
    // The next minute, on the steady clock the frame loop sleeps on.
    const auto into_minute = wall - std::chrono::floor<std::chrono::minutes>(wall);
    ui.time.wake_at(ui.time.now + (std::chrono::minutes(1) - into_minute));
    const float h = clock_.layout(t.label, t.px(700));
    const float w = clock_.widest();
    const float left = ui.rtl() ? x_far : x_far - w;
    // A right-to-left block ends its lines at the right of its laid-out width.
    clock_.draw(ImGui::GetWindowDrawList(), ImVec2(clock_.rtl() ? left + w - t.px(700) : left, centre_y - h / 2), t.header_text, t.header_text);
    return w;
}

void Chrome::header(Ui& ui, View& view, ImVec2 display, float height, bool narrow) {
    const Theme& t = ui.theme;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), t.header);
    const float buttons_h = narrow ? height - t.heading.line_height() - t.px(16) : height;
    const float pad = (buttons_h - t.touch()) / 2;
    const ImVec2 size(t.px(content::header_button_slot().button_width), t.touch());
    const bool rtl = ui.rtl();
    // Back first from the reading edge, then Home; the view's title fills the rest.
    const float back_x = rtl ? display.x - t.margin() - size.x : t.margin();
    const float home_x = rtl ? back_x - t.gap() - size.x : back_x + size.x + t.gap();

    ImGui::SetCursorScreenPos(ImVec2(back_x, pad));
    const bool can_back = ui.app.can_go_back();
    if (ui.button("nav:back", back_, size, false, t.header_button, can_back ? t.header_text : t.header_disabled) && can_back) {
        ui.app.back();
        return;
    }
    ImGui::SetCursorScreenPos(ImVec2(home_x, pad));
    if (ui.button("nav:home", home_, size, false, t.header_button, t.header_text)) {
        ui.app.home();
        return;
    }
    // At the far edge, square buttons a visitor needs on every screen: the display toggles.
    const float square = t.touch();
    const auto far_x = [&](int i) {  // i-th square from the far edge
        const float from_edge = t.margin() + static_cast<float>(i) * (square + t.gap());
        return rtl ? from_edge : display.x - from_edge - square;
    };
    if (icon_button(ui, "a11y:contrast", ui.app.bundle().ui("a11y.contrast", ui.app.lang()), Icon::Contrast, ImVec2(far_x(0), pad), ui.app.high_contrast())) {
        ui.app.toggle_high_contrast();
        return;
    }
    if (icon_button(ui, "a11y:text", ui.app.bundle().ui("a11y.text", ui.app.lang()), Icon::TextSize, ImVec2(far_x(1), pad), ui.app.larger_text())) {
        ui.app.toggle_larger_text();
        return;
    }
    const bool searching = ui.app.route().screen == Route::Screen::Search;
    if (icon_button(ui, "nav:search", ui.app.bundle().ui("search.title", ui.app.lang()), Icon::Search, ImVec2(far_x(2), pad), searching) && !searching) {
        ui.app.open(Route::search());
        return;
    }
    // The title, and at the far end the date and time: beside the buttons, or on a row of their own.
    const float row_y = narrow ? buttons_h - t.px(8) : 0, row_h = narrow ? height - row_y : height;
    const float far_end = narrow ? t.margin() : t.margin() + 3 * (square + t.gap());
    // Listen follows Home; on a narrow screen, where the row of buttons is full, it takes the
    // clock's place at the end of the title's row.
    const bool listen = view.listenable() && ui.speech && ui.speech->has_engine();
    float clock_w = 0;
    if (listen && narrow) {
        listen_button(ui, ImVec2(rtl ? far_end : display.x - far_end - size.x, row_y + (row_h - size.y) / 2), size);
        clock_w = size.x;
    } else {
        if (listen) listen_button(ui, ImVec2(rtl ? home_x - t.gap() - size.x : home_x + size.x + t.gap(), pad), size);
        clock_w = draw_clock(ui, rtl ? far_end : display.x - far_end, row_y + row_h / 2);
    }
    const float title_start = narrow ? t.margin() : t.margin() + (listen ? 3 : 2) * (size.x + t.gap());
    const float title_w = display.x - title_start - far_end - clock_w - t.gap();
    TextBlock& title = view.title();
    // A long title shrinks to fit its line, not below the smallest size a visitor reads.
    const float title_h = title.layout_to_fit(t.heading, title_w, t.heading.line_height(), t.px(28));
    const float title_x = rtl ? display.x - title_start - title_w : title_start;
    // Only a title that fits on one line: the page repeats it anyway, and a word broken in two
    // beside the buttons reads worse than none.
    if (title.lines().size() == 1) title.draw(list, ImVec2(title_x, row_y + (row_h - title_h) / 2), t.header_text, t.header_text);
}

void Chrome::listen_button(Ui& ui, ImVec2 at, ImVec2 size) {
    const Theme& t = ui.theme;
    ImGui::SetCursorScreenPos(at);
    if (!speakable_) {  // says so, in the language, and does nothing
        ui.button("speech:listen", no_voice_, size, false, t.header_button, t.header_disabled);
        return;
    }
    const bool speaking = ui.speaking;
    if (ui.button("speech:listen", speaking ? stop_ : listen_, size, speaking, t.header_button, t.header_text)) listen_tapped_ = true;
}

bool Chrome::icon_button(Ui& ui, const std::string& id, const content::Localized& name, Icon icon, ImVec2 at, bool on) {
    const Theme& t = ui.theme;
    const float side = t.touch();
    ImGui::SetCursorScreenPos(at);
    const bool tapped = ui.blank_button(id, name, ImVec2(side, side), on, t.header_button);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 ink = on ? t.selected_text : t.header_text;
    const ImVec2 c(at.x + side / 2, at.y + side / 2);
    const float r = side * 0.28f;
    switch (icon) {
        case Icon::Contrast:  // a circle half dark, half light
            list->PathArcTo(c, r, std::numbers::pi_v<float> / 2, 3 * std::numbers::pi_v<float> / 2, 32);
            list->PathFillConvex(ink);
            list->AddCircle(c, r, ink, 48, t.px(5));
            break;
        case Icon::TextSize: {  // a small A beside a big one
            const TextStyle small{t.body.engine, side * 0.28f}, big{t.body.engine, side * 0.5f};
            const float hs = a_small_.layout(small, side), hb = a_big_.layout(big, side);
            const float w = a_small_.widest() + a_big_.widest() + t.px(4);
            const float base = c.y + hb / 2;
            a_small_.draw(list, ImVec2(c.x - w / 2, base - hs - hb * 0.08f), ink, ink);
            a_big_.draw(list, ImVec2(c.x - w / 2 + a_small_.widest() + t.px(4), base - hb), ink, ink);
            break;
        }
        case Icon::Search: {  // a magnifying glass
            const ImVec2 lens(c.x - r * 0.25f, c.y - r * 0.25f);
            list->AddCircle(lens, r * 0.75f, ink, 40, t.px(6));
            list->AddLine(ImVec2(lens.x + r * 0.55f, lens.y + r * 0.55f), ImVec2(c.x + r, c.y + r), ink, t.px(9));
            break;
        }
    }
    return tapped;
}

void Chrome::notice_strip(Ui& ui, ImVec2 display, float top, float height) {
    const Theme& t = ui.theme;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(ImVec2(0, top), ImVec2(display.x, top + height), t.notice);
    const float width = display.x - 2 * t.margin();
    strip_.layout(t.small, width);
    // Centred, whichever way the text runs.
    const float shift = (width - strip_.widest()) / 2;
    strip_.draw(list, ImVec2(t.margin() + (strip_.rtl() ? -shift : shift), top + t.px(6)), t.notice_text, t.notice_text);
}

static float language_button_height(const Theme& t) { return t.touch_small(76); }

Chrome::FooterGrid Chrome::footer_grid(Ui& ui, ImVec2 display) {
    const Theme& t = ui.theme;
    float widest = 0;
    // Sixteen languages must leave room for the page: names in the small size, buttons lower
    // than other controls but still far above the smallest touch target.
    for (auto& [code, name] : languages_) {
        name.layout(t.label, display.x);
        widest = std::max(widest, name.widest());
    }
    FooterGrid g;
    const int n = static_cast<int>(languages_.size());
    const float available = display.x - 2 * t.margin();
    const float needed = widest + t.px(40);
    g.columns = std::clamp(static_cast<int>((available + t.gap()) / (needed + t.gap())), 1, n);
    g.rows = (n + g.columns - 1) / g.columns;
    g.columns = (n + g.rows - 1) / g.rows;  // balance the rows
    // More than two rows would take a portrait screen's page (four rows are a fifth of it): one
    // row then, ending in a button to every language.
    if (g.rows > 2) {
        g.compact = true;
        g.rows = 1;
        g.columns = std::clamp(static_cast<int>((available + t.gap()) / (needed + t.gap())), 2, n + 1);
    }
    g.button_width = std::min(t.px(content::language_button_slot().button_width), (available - static_cast<float>(g.columns - 1) * t.gap()) / static_cast<float>(g.columns));
    g.height = static_cast<float>(g.rows) * (language_button_height(t) + t.gap()) + t.gap();
    return g;
}

void Chrome::footer(Ui& ui, ImVec2 display, const FooterGrid& g) {
    const Theme& t = ui.theme;
    const float top = display.y - g.height;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(display.x, display.y), t.header);
    if (g.compact) return compact_footer(ui, display, g, top);
    const int n = static_cast<int>(languages_.size());
    for (int i = 0; i < n; ++i) {
        const int row = i / g.columns, col = i % g.columns;
        const int in_row = std::min(g.columns, n - row * g.columns);
        const float row_width = static_cast<float>(in_row) * g.button_width + static_cast<float>(in_row - 1) * t.gap();
        const int visual = ui.rtl() ? in_row - 1 - col : col;
        const float x = (display.x - row_width) / 2 + static_cast<float>(visual) * (g.button_width + t.gap());
        const float y = top + t.gap() + static_cast<float>(row) * (language_button_height(t) + t.gap());
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        auto& [code, name] = languages_[static_cast<size_t>(i)];
        if (ui.button("lang:" + code, name, ImVec2(g.button_width, language_button_height(t)), code == ui.app.lang(),
                      t.header_button, t.header_text, &t.label)) {
            ui.app.set_language(code);
            return;
        }
    }
}

// One row: the visitor's language first, then the first others in the bundle's order, and at
// the far end "Choose your language", to every one of them.
void Chrome::compact_footer(Ui& ui, ImVec2 display, const FooterGrid& g, float top) {
    const Theme& t = ui.theme;
    // "Choose your language" takes two places when its lines are taller than one (Urdu's
    // Nastaliq on two lines).
    const float h = language_button_height(t), y = top + t.gap();
    if (all_languages_tall_.first != g.button_width)
        all_languages_tall_ = {g.button_width, all_languages_.layout(t.label, g.button_width - t.px(2 * content::kButtonLabelInset)) > h};
    const int prompt_slots = all_languages_tall_.second && g.columns > 2 ? 2 : 1;
    std::vector<size_t> shown;
    for (size_t i = 0; i < languages_.size(); ++i)
        if (languages_[i].first == ui.app.lang()) shown.push_back(i);
    for (size_t i = 0; i < languages_.size() && static_cast<int>(shown.size()) < g.columns - prompt_slots; ++i)
        if (languages_[i].first != ui.app.lang()) shown.push_back(i);
    const float row_width = static_cast<float>(g.columns) * g.button_width + static_cast<float>(g.columns - 1) * t.gap();
    const auto x_of = [&](int slot) {
        const int visual = ui.rtl() ? g.columns - 1 - slot : slot;
        return (display.x - row_width) / 2 + static_cast<float>(visual) * (g.button_width + t.gap());
    };
    for (size_t s = 0; s < shown.size(); ++s) {
        auto& [code, name] = languages_[shown[s]];
        ImGui::SetCursorScreenPos(ImVec2(x_of(static_cast<int>(s)), y));
        if (ui.button("lang:" + code, name, ImVec2(g.button_width, h), code == ui.app.lang(), t.header_button, t.header_text, &t.label)) {
            ui.app.set_language(code);
            return;
        }
    }
    const int first = g.columns - prompt_slots;
    ImGui::SetCursorScreenPos(ImVec2(std::min(x_of(first), x_of(g.columns - 1)), y));
    const float width = static_cast<float>(prompt_slots) * g.button_width + static_cast<float>(prompt_slots - 1) * t.gap();
    if (ui.button("nav:languages", all_languages_, ImVec2(width, h), false, t.header_button, t.header_text, &t.label))
        ui.app.open(Route::languages());
}

}  // namespace kiosk
