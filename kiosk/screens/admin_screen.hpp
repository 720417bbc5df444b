#pragma once
#include <map>
#include <utility>
#include <string>
#include <vector>

#include "kiosk/ui/view.hpp"

namespace kiosk {

class AdminServices;

/// The admin panel, behind the corner gesture: first a number pad for the PIN, then the
/// kiosk's state and what a technician may do (check for updates, roll back, export counters,
/// restart). For staff, so in Italian when the kiosk's own language is Italian, else English.
/// It is a screen like the others: the idle reset closes it.
class AdminScreen : public View {
public:
    explicit AdminScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool shows_language_bar() const override { return false; }

private:
    void draw_pin_pad(Ui& ui);
    void draw_panel(Ui& ui);
    void press_digit(Ui& ui, const std::string& key);
    /// Reads the kiosk's state again (once unlocked and after each action, not every frame).
    void refresh();
    std::string say(const std::string& key) const;
    TextBlock text(const std::string& s, bool bold = false) const;

    App& app_;
    AdminServices* services_;
    bool italian_;
    TextBlock title_;
    std::string pin_;
    bool unlocked_ = false;
    TextBlock message_;
    std::vector<std::pair<TextBlock, TextBlock>> status_;  // label, value
    std::vector<TextBlock> errors_;
    std::map<std::string, TextBlock> labels_;  // keys and buttons, made once
};

}  // namespace kiosk
