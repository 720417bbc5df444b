#include "kiosk/screens/admin_screen.hpp"

#include "kiosk/admin/admin.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

namespace {

// English, Italian.
const std::map<std::string, std::pair<const char*, const char*>> kTexts = {
    {"title", {"Kiosk administration", "Amministrazione del chiosco"}},
    {"pin.prompt", {"Enter the admin PIN", "Inserisci il PIN di amministrazione"}},
    {"pin.wrong", {"Wrong PIN", "PIN errato"}},
    {"pin.locked", {"Too many wrong PINs. Try again in {s} s", "Troppi PIN errati. Riprova tra {s} s"}},
    {"pin.none", {"No admin PIN is configured: set admin_pin_hash (kiosk --hash-pin)",
                  "Nessun PIN configurato: impostare admin_pin_hash (kiosk --hash-pin)"}},
    {"pin.del", {"Del", "Canc"}},
    {"pin.ok", {"OK", "OK"}},
    {"errors", {"Recent problems", "Problemi recenti"}},
    {"errors.none", {"None", "Nessuno"}},
    {"admin:check", {"Check for updates now", "Cerca aggiornamenti ora"}},
    {"admin:rollback", {"Roll back to the previous content", "Torna al contenuto precedente"}},
    {"admin:export", {"Export usage counters", "Esporta i contatori d'uso"}},
    {"admin:restart", {"Restart the kiosk", "Riavvia il chiosco"}},
    {"admin:close", {"Close", "Chiudi"}},
    {"content_version", {"Content version", "Versione dei contenuti"}},
    {"channel", {"Channel", "Canale"}},
    {"published_by", {"Published by", "Pubblicato da"}},
    {"keyring", {"Publishers' keyring", "Elenco dei pubblicatori"}},
    {"expires", {"Expires", "Scadenza"}},
    {"content_age", {"Content from", "Contenuti del"}},
    {"last_update", {"Last update", "Ultimo aggiornamento"}},
    {"last_contact", {"Server last reached", "Server raggiunto"}},
    {"last_error", {"Last update error", "Ultimo errore di aggiornamento"}},
    {"free_disk", {"Free disk", "Spazio libero"}},
    {"printer", {"Printer", "Stampante"}},
    {"uptime", {"Running for", "In funzione da"}},
};

}  // namespace

AdminScreen::AdminScreen(App& app) : app_(app), services_(app.admin()), italian_(app.default_lang() == "it") {
    title_ = text(say("title"), true);
}

std::string AdminScreen::say(const std::string& key) const {
    const auto it = kTexts.find(key);
    if (it == kTexts.end()) return key;
    return italian_ ? it->second.second : it->second.first;
}

TextBlock AdminScreen::text(const std::string& s, bool bold) const {
    return TextBlock::plain(s, italian_ ? "it" : "en", false, bold);
}

void AdminScreen::draw(Ui& ui) {
    ui.text(title_, ui.theme.title, ui.theme.text);
    ImGui::Dummy(ImVec2(0, ui.theme.gap()));
    if (!services_ || !services_->pin().configured()) {
        auto none = text(say("pin.none"));
        ui.text(none, ui.theme.body, ui.theme.text);
        return;
    }
    if (unlocked_) draw_panel(ui);
    else draw_pin_pad(ui);
}

void AdminScreen::press_digit(Ui& ui, const std::string& key) {
    PinGate& gate = services_->pin();
    if (key == "pin:del") {
        if (!pin_.empty()) pin_.pop_back();
        return;
    }
    if (key != "pin:ok") {
        if (pin_.size() < 12) pin_ += key.back();
        return;
    }
    const auto result = gate.try_pin(pin_, ui.time.now);
    pin_.clear();
    if (result == PinGate::Result::Accepted) {
        unlocked_ = true;
        message_ = TextBlock();
        refresh();
    } else if (result == PinGate::Result::Wrong && !gate.locked_for(ui.time.now)) {
        message_ = text(say("pin.wrong"), true);
    } else {
        std::string m = say("pin.locked");
        m.replace(m.find("{s}"), 3, std::to_string(gate.locked_for(ui.time.now)->count()));
        message_ = text(m, true);
    }
}

void AdminScreen::refresh() {
    status_.clear();
    for (const auto& [key, value] : services_->status()) status_.emplace_back(text(say(key)), text(value, true));
    errors_.clear();
    for (const auto& e : services_->recent_errors()) errors_.push_back(text(e));
}

void AdminScreen::draw_pin_pad(Ui& ui) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float key = std::max(t.touch(), t.px(130));
    const float width = 3 * key + 2 * t.gap();
    const float left = ImGui::GetCursorScreenPos().x + (avail - width) / 2;
    auto prompt = text(say("pin.prompt"));
    ui.text(prompt, t.heading, t.text);
    // One dot per digit typed, never the digits.
    const ImVec2 dots = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < pin_.size(); ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(left + t.px(20) + static_cast<float>(i) * t.px(44), dots.y + t.px(30)), t.px(14), t.text);
    ImGui::Dummy(ImVec2(avail, t.px(60)));
    if (!message_.empty()) ui.text(message_, t.body, t.link);
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"};
    const float top = ImGui::GetCursorScreenPos().y + t.gap();
    for (int i = 0; i < 12; ++i) {
        const std::string id = std::string("pin:") + keys[i];
        auto& label = labels_[id];
        if (label.empty()) label = text(id == "pin:del" ? say("pin.del") : id == "pin:ok" ? say("pin.ok") : keys[i], true);
        ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(i % 3) * (key + t.gap()), top + static_cast<float>(i / 3) * (key + t.gap())));
        if (ui.button(id, label, ImVec2(key, key), false, t.card, t.text, &t.heading)) press_digit(ui, id);
    }
    ImGui::SetCursorScreenPos(ImVec2(left, top + 4 * (key + t.gap())));
    ImGui::Dummy(ImVec2(width, 0));
}

void AdminScreen::draw_panel(Ui& ui) {
    const Theme& t = ui.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    if (!message_.empty()) {
        ui.text(message_, t.body, t.link);
        ImGui::Dummy(ImVec2(0, t.gap()));
    }
    // Actions first, two to a row, so Close is never scrolled out of reach.
    const float w = (avail - t.gap()) / 2;
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    const char* actions[] = {"admin:check", "admin:rollback", "admin:export", "admin:restart", "admin:close"};
    for (int i = 0; i < 5; ++i) {
        const std::string id = actions[i];
        auto& label = labels_[id];
        if (label.empty()) label = text(say(id), true);
        ImGui::SetCursorScreenPos(ImVec2(grid.x + static_cast<float>(i % 2) * (w + t.gap()), grid.y + static_cast<float>(i / 2) * (t.touch() + t.gap())));
        if (!ui.button(id, label, ImVec2(w, t.touch()), false, t.card, t.text)) continue;
        if (id == "admin:close") {
            app_.new_visitor();
            return;
        }
        const std::string said = id == "admin:check"      ? services_->check_for_updates()
                                 : id == "admin:rollback" ? services_->roll_back()
                                 : id == "admin:export"   ? services_->export_usage()
                                                          : services_->restart();
        message_ = text(said, true);
        refresh();
    }
    ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + 3 * (t.touch() + t.gap())));
    ImGui::Dummy(ImVec2(avail, t.gap()));
    // The state: label on the left, value beside it.
    for (auto& [label, v] : status_) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = std::max(label.layout(t.body, avail * 0.35f), v.layout(t.body, avail * 0.63f));
        label.draw(list, at, t.muted, t.muted);
        v.draw(list, ImVec2(at.x + avail * 0.37f, at.y), t.text, t.text);
        ImGui::Dummy(ImVec2(avail, h + t.px(6)));
    }
    ImGui::Dummy(ImVec2(0, t.gap()));
    auto errors_heading = text(say("errors"), true);
    ui.text(errors_heading, t.heading, t.text);
    if (errors_.empty()) {
        auto none = text(say("errors.none"));
        ui.text(none, t.body, t.muted);
    }
    for (auto& line : errors_) ui.text(line, t.small, t.text);
    ImGui::Dummy(ImVec2(0, t.gap()));
}

}  // namespace kiosk
