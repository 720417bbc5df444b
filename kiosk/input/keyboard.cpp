#include "kiosk/input/keyboard.hpp"

#include "kiosk/app/app.hpp"

#include <algorithm>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

namespace {

// The lengths of the rows `n` keys take, at most `per_row` a row: a long row is cut into even
// pieces rather than a full one and a stub.
std::vector<size_t> pieces(size_t n, size_t per_row) {
    const size_t count = (n + per_row - 1) / per_row, each = count ? (n + count - 1) / count : 0;
    std::vector<size_t> out;
    for (size_t done = 0; done < n; done += each) out.push_back(std::min(each, n - done));
    return out;
}

size_t keys_per_row(const Theme& t, float width) {
    const float min_key = std::max(t.px(64), t.min_touch), gap = t.px(10);
    return static_cast<size_t>(std::max(1.0f, (width + gap) / (min_key + gap)));
}

}  // namespace

Keyboard::Keyboard(std::vector<content::Keyboard> layouts, const std::string& lang) : layouts_(std::move(layouts)) {
    if (layouts_.empty()) return;
    size_t start = 0;
    for (size_t i = 0; i < layouts_.size(); ++i)
        if (std::find(layouts_[i].languages.begin(), layouts_[i].languages.end(), lang) != layouts_[i].languages.end()) start = i;
    // The visitor's layout first, then the others in order: one tap from it reaches the first,
    // Latin, which place names are written in, however many layouts the bundle has.
    std::rotate(layouts_.begin(), layouts_.begin() + static_cast<std::ptrdiff_t>(start), layouts_.begin() + static_cast<std::ptrdiff_t>(start) + 1);
    use_layout(0);
}

void Keyboard::use_layout(size_t index) {
    current_ = index;
    const auto& l = layouts_[index];
    const std::string lang = l.languages.empty() ? "en" : l.languages.front();
    keys_.clear();
    row_sizes_.clear();
    labels_.clear();
    family_of_.clear();
    form_labels_.clear();
    family_.reset();
    for (const auto& row : l.rows) {
        row_sizes_.push_back(row.size());
        for (const auto& key : row) {
            keys_.push_back(key);
            labels_.push_back(TextBlock::plain(key, lang, false, true));
            family_of_.emplace_back();
            for (size_t f = 0; f < l.forms.size(); ++f)
                if (!l.forms[f].empty() && l.forms[f].front() == key) family_of_.back() = f;
        }
    }
    for (const auto& forms : l.forms) {
        form_labels_.emplace_back();
        for (const auto& form : forms) form_labels_.back().push_back(TextBlock::plain(form, lang, false, true));
    }
    const auto& next = layouts_[(index + 1) % layouts_.size()];
    switch_label_ = TextBlock::plain(next.label, next.languages.empty() ? "en" : next.languages.front(), false, true);
}

float Keyboard::key_height(const Theme& t) const { return t.touch_small(68); }

std::vector<std::vector<size_t>> Keyboard::rows(const Theme& t, float width) const {
    const size_t per_row = keys_per_row(t, width);
    std::vector<std::vector<size_t>> out;
    size_t next = 0;
    for (const size_t n : row_sizes_)
        for (const size_t length : pieces(n, per_row)) {
            out.emplace_back();
            for (size_t k = 0; k < length; ++k) out.back().push_back(next++);
        }
    return out;
}

size_t Keyboard::form_rows(const Theme& t, float width) const {
    size_t most = 0;
    for (const auto& forms : form_labels_) most = std::max(most, pieces(forms.size(), keys_per_row(t, width)).size());
    return most;
}

float Keyboard::height(const Theme& t, float width) const {
    if (empty()) return 0;
    const auto n = static_cast<float>(form_rows(t, width) + rows(t, width).size() + 1);  // + the space bar's row
    return n * key_height(t) + (n + 1) * t.px(10);
}

Keyboard::Typed Keyboard::draw(Ui& ui, ImVec2 origin, float width) {
    Typed typed;
    if (empty()) return typed;
    const Theme& t = ui.theme;
    const float gap = t.px(10), h = key_height(t);
    const auto all = rows(t, width);
    const size_t per_row = keys_per_row(t, width);
    size_t widest = 1;
    for (const auto& r : all) widest = std::max(widest, r.size());
    for (const auto& forms : form_labels_)
        for (const size_t length : pieces(forms.size(), per_row)) widest = std::max(widest, length);
    const float key_w = (width - static_cast<float>(widest - 1) * gap) / static_cast<float>(widest);
    const TextStyle label_style{t.body.engine, t.body.size * 1.15f};
    // Each row centred, as on a real keyboard.
    const auto row_x = [&](size_t keys) { return origin.x + (width - static_cast<float>(keys) * key_w - static_cast<float>(keys - 1) * gap) / 2; };
    float y = origin.y + gap;
    if (family_) {  // the forms of the letter just typed, in the rows kept for them
        const auto& forms = layout().forms[*family_];
        size_t f = 0;
        for (const size_t length : pieces(forms.size(), per_row)) {
            float x = row_x(length);
            for (const size_t end = f + length; f < end; ++f) {
                ImGui::SetCursorScreenPos(ImVec2(x, y));
                if (ui.button("form:" + forms[f], form_labels_[*family_][f], ImVec2(key_w, h), false, t.card, t.text, &label_style))
                    typed = {Typed::Kind::Text, forms[f], forms};
                x += key_w + gap;
            }
            y += h + gap;
        }
    }
    y = origin.y + gap + static_cast<float>(form_rows(t, width)) * (h + gap);  // the keys stay put, forms on show or not
    for (const auto& r : all) {
        float x = row_x(r.size());
        for (const size_t k : r) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const bool showing = family_ && family_of_[k] == family_;  // the letter whose forms are on show
            if (ui.button("key:" + keys_[k], labels_[k], ImVec2(key_w, h), showing, t.card, t.text, &label_style)) {
                typed = {Typed::Kind::Text, keys_[k], {}};
                family_ = family_of_[k];
            }
            x += key_w + gap;
        }
        y += h + gap;
    }
    // The last row: layout switch, space bar, backspace.
    const float unit = (width - 2 * gap) / 10;
    ImDrawList* list = ImGui::GetWindowDrawList();
    float x = origin.x;
    if (layouts_.size() > 1) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (ui.button("key:layout", switch_label_, ImVec2(2 * unit, h), false, t.card_border, t.header_text, &label_style)) {
            use_layout((current_ + 1) % layouts_.size());
            return {};
        }
    }
    x += 2 * unit + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (ui.blank_button("key:space", ui.app.bundle().ui("key.space", ui.app.lang()), ImVec2(6 * unit, h), false, t.card)) {
        typed = {Typed::Kind::Text, " ", {}};
        family_.reset();
    }
    // A space bar's mark: a long, shallow bracket.
    const float mid = x + 3 * unit, base = y + h * 0.62f, half = unit * 0.9f;
    list->AddPolyline(std::vector<ImVec2>{{mid - half, base - h * 0.15f}, {mid - half, base}, {mid + half, base}, {mid + half, base - h * 0.15f}}.data(), 4,
                      t.text, 0, t.px(4));
    x += 6 * unit + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (ui.blank_button("key:backspace", ui.app.bundle().ui("key.backspace", ui.app.lang()), ImVec2(2 * unit, h), false, t.card)) {
        typed = {Typed::Kind::Backspace, {}, {}};
        family_.reset();
    }
    // Backspace's mark: an arrow pointing back along the line, so to the right in right-to-left text.
    const float cx = x + unit, cy = y + h / 2, s = std::min(unit, h) * 0.28f * (ui.rtl() ? -1.0f : 1.0f);
    list->AddTriangleFilled(ImVec2(cx - 1.6f * s, cy), ImVec2(cx - 0.6f * s, cy - s), ImVec2(cx - 0.6f * s, cy + s), t.text);
    list->AddLine(ImVec2(cx - 0.7f * s, cy), ImVec2(cx + 1.6f * s, cy), t.text, t.px(6));
    return typed;
}

}  // namespace kiosk
