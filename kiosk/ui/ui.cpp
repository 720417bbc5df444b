#include "kiosk/ui/ui.hpp"

#include <algorithm>
#include <iterator>

#include "content/model/text_slots.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/ui/pictogram.hpp"

namespace kiosk {

void append_sentence(std::string& name, const std::string& sentence) {
    if (sentence.empty()) return;
    if (!name.empty()) {
        // Full stops of Latin, Arabic, Chinese, Ethiopic and Bengali script, and ! ? : …
        static const char* const kEnds[] = {".", "!", "?", ":", "\xE2\x80\xA6", "\xD8\x9F", "\xDB\x94", "\xE3\x80\x82", "\xEF\xBC\x81",
                                            "\xEF\xBC\x9F", "\xE1\x8D\xA2", "\xE0\xA5\xA4"};
        const bool ended = std::any_of(std::begin(kEnds), std::end(kEnds), [&](const char* end) { return name.ends_with(end); });
        name += ended ? " " : ". ";
    }
    name += sentence;
}

Announcing::Announcing() {
    if (DrawnText::current) DrawnText::current->announcing = true;
}

Announcing::~Announcing() {
    if (DrawnText::current) DrawnText::current->announcing = false;
}

NamingTexts::NamingTexts(int control) {
    if (DrawnText::current) DrawnText::current->labelling = control;
}

NamingTexts::~NamingTexts() {
    if (DrawnText::current) DrawnText::current->labelling = -1;
}

int NamingTexts::last_control() { return DrawnText::current ? static_cast<int>(DrawnText::current->controls.size()) - 1 : -1; }

std::optional<ImVec2> HitMap::center(const std::string& id) const {
    auto it = rects_.find(id);
    if (it == rects_.end()) return std::nullopt;
    return ImVec2((it->second.first.x + it->second.second.x) / 2, (it->second.first.y + it->second.second.y) / 2);
}

bool Ui::rtl() const { return app.rtl(); }

float Ui::start_x(float width) const {
    const float avail = ImGui::GetContentRegionAvail().x;
    return ImGui::GetCursorScreenPos().x + (rtl() ? avail - width : 0);
}

// Records the last ImGui item as the control `id` named `name`: in the hit map its part in view,
// in the frame's reading order all of it. Returns its index there (-1 when nothing collects).
static int record(HitMap& hits, const std::string& id, const content::Localized& name) {
    const ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = list->GetClipRectMin(), clip_max = list->GetClipRectMax();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool visible = ImGui::IsItemVisible();
    if (visible) {
        const bool clipped = min.x < clip_min.x || min.y < clip_min.y || max.x > clip_max.x || max.y > clip_max.y;
        hits.add(id, ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y)),
                 ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y)), clipped);
    }
    if (!DrawnText::current) return -1;
    return DrawnText::current->add_control({id, name.text, name.lang, min, max, visible, false});
}

// The words of a block, for a control it names.
// The words that name a control drawn with `block`: those a voice says for it.
static content::Localized words_of(const TextBlock& block) {
    return {block.spoken().empty() ? fonts::encode_utf8(block.text()) : block.spoken(), block.lang(), false};
}

void Ui::spot(const std::string& id, const content::Localized& name, ImVec2 min, ImVec2 max) {
    hits.add(id, min, max);
    if (DrawnText::current) DrawnText::current->add_control({id, name.text, name.lang, min, max, true, false});
}

// The room a card's pictogram takes at the reading edge, its gap included.
static float icon_room(const Theme& theme, std::string_view icon) { return icon.empty() ? 0 : theme.px(104); }

float Ui::card_height(TextBlock& title, TextBlock* summary, const std::string& fallback_language, float width, std::string_view icon) {
    const float pad = theme.px(28);
    const float inner = width - 2 * pad - icon_room(theme, icon);
    float height = title.layout(theme.heading, inner);
    if (summary) height += theme.px(8) + summary->layout(theme.body, inner);
    if (!fallback_language.empty()) height += theme.px(8) + theme.small.line_height();
    return std::max({height + 2 * pad, theme.touch(), icon.empty() ? 0.0f : theme.px(80) + 2 * pad});
}

bool Ui::card(const std::string& id, TextBlock& title, TextBlock* summary, const std::string& fallback_language,
              float width, float min_height, std::string_view icon) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float pad = theme.px(28), room = icon_room(theme, icon);
    const float inner = width - 2 * pad - room;
    const float height = std::max(card_height(title, summary, fallback_language, width, icon), min_height);
    TextBlock marker;
    if (!fallback_language.empty()) {
        marker = TextBlock::plain(fallback_language, "", false);
        marker.layout(theme.small, inner);
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    content::Localized name = words_of(title);
    if (summary) append_sentence(name.text, words_of(*summary).text);
    const NamingTexts naming(record(hits, id, name));
    const bool pressed = ImGui::IsItemActive();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    list->AddRectFilled(pos, max, pressed ? theme.card_pressed : theme.card, theme.px(14));
    list->AddRect(pos, max, theme.card_border, theme.px(14), 0, theme.px(3));
    // The edge a reader starts from is marked with a bar: left in LTR, right in RTL.
    const float bar = theme.px(10);
    const float bar_x = rtl() ? max.x - bar - theme.px(3) : pos.x + theme.px(3);
    list->AddRectFilled(ImVec2(bar_x, pos.y + pad), ImVec2(bar_x + bar, max.y - pad), theme.card_border, bar / 2);

    if (room > 0)
        draw_pictogram(list, icon, ImVec2(rtl() ? max.x - pad - theme.px(40) : pos.x + pad + theme.px(40), pos.y + pad + theme.px(40)),
                       theme.px(80), theme.card_border, pressed ? theme.card_pressed : theme.card);
    const float text_x = pos.x + pad + (rtl() ? 0 : room);  // the texts beside the pictogram
    float y = pos.y + pad;
    title.draw(list, ImVec2(text_x, y), theme.text, theme.link);
    y += title.layout(theme.heading, inner) + theme.px(8);
    if (summary) {
        summary->draw(list, ImVec2(text_x, y), theme.muted, theme.link);
        y += summary->layout(theme.body, inner) + theme.px(8);
    }
    if (!marker.empty()) {
        const float w = marker.widest() + theme.px(24);
        const float x = rtl() ? max.x - pad - room - w : text_x;
        list->AddRectFilled(ImVec2(x, y - theme.px(4)), ImVec2(x + w, y + theme.small.line_height()), theme.notice, theme.px(8));
        marker.draw(list, ImVec2(x + theme.px(12), y), theme.notice_text, theme.notice_text);
    }
    ImGui::Dummy(ImVec2(0, theme.gap()));
    return tapped;
}

bool Ui::blank_button(const std::string& id, const content::Localized& name, ImVec2 size, bool selected, ImU32 fill) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    record(hits, id, name);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImU32 background = selected ? theme.selected : fill;
    if (ImGui::IsItemActive()) background = theme.card_pressed;
    list->AddRectFilled(pos, max, background, theme.px(12));
    if (selected) list->AddRect(pos, max, theme.selected_text, theme.px(12), 0, theme.px(3));
    return tapped;
}

bool Ui::button(const std::string& id, TextBlock& label, ImVec2 size, bool selected, ImU32 fill, ImU32 text_color,
                const TextStyle* style) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = blank_button(id, words_of(label), size, selected, fill);
    const NamingTexts naming(NamingTexts::last_control());
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float inner = size.x - theme.px(2 * content::kButtonLabelInset);
    // Larger text can make a label too big for its fixed button: it shrinks back until it fits
    // rather than spill over the edge, never under the smallest size a visitor reads (28 px).
    const float h = label.layout_to_fit(style ? *style : theme.body, inner, size.y, theme.px(28));
    const float offset = label.rtl() ? -(inner - label.widest()) / 2 : (inner - label.widest()) / 2;
    label.draw(list, ImVec2(pos.x + theme.px(content::kButtonLabelInset) + offset, pos.y + (size.y - h) / 2), selected ? theme.selected_text : text_color,
               selected ? theme.selected_text : text_color);
    return tapped;
}

bool Ui::button_area(const std::string& id, const content::Localized& name, ImVec2 min, ImVec2 size) {
    ImGui::SetCursorScreenPos(min);
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    record(hits, id, name);
    return tapped;
}

void Ui::text(TextBlock& block, const TextStyle& style, ImU32 color) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = block.layout(style, width);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    block.draw(ImGui::GetWindowDrawList(), pos, color, theme.link);
    follow_links(block, pos);
    ImGui::Dummy(ImVec2(width, height));
}

void Ui::follow_links(const TextBlock& block, ImVec2 origin) {
    const auto areas = block.link_areas(origin);
    if (areas.empty()) return;
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    for (const auto& a : areas) {
        if (!a.target.starts_with("link:")) continue;  // only links the bundle names lead somewhere
        const std::string link = a.target.substr(5);
        std::string id = "inline:" + link;
        for (int n = 2; hits.all().contains(id); ++n) id = "inline:" + link + "#" + std::to_string(n);
        // At least a finger's size, centred on the words: "112" is narrower than a fingertip.
        const float min = theme.touch_small(64);
        const ImVec2 size(std::max(a.max.x - a.min.x, min), std::max(a.max.y - a.min.y, min));
        const ImVec2 at((a.min.x + a.max.x - size.x) / 2, (a.min.y + a.max.y - size.y) / 2);
        const auto view = app.bundle().link(link, app.lang());
        if (button_area(id, view ? view->label : content::Localized{}, at, size)) app.open(Route::qr(link));
    }
    ImGui::SetCursorScreenPos(cursor);
}

void Ui::notice(TextBlock& block) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = theme.px(16);
    const float height = block.layout(theme.small, width - 2 * pad) + 2 * pad;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), theme.notice, theme.px(10));
    block.draw(list, ImVec2(pos.x + pad, pos.y + pad), theme.notice_text, theme.notice_text);
    ImGui::Dummy(ImVec2(width, height + theme.gap()));
}

}  // namespace kiosk
