#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/ui/view.hpp"
#include "platform/clock.hpp"

namespace kiosk {

/// What a kiosk shows between visitors: "Choose your language" in each of the bundle's
/// languages in turn, each in its own script and direction, large enough to read from across
/// the room, over a button for every language. The first touch on a language starts the visit
/// in it, on the home screen: one touch, not two. A touch anywhere else opens the language
/// chooser.
class AttractScreen : public View {
public:
    explicit AttractScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool shows_language_bar() const override { return false; }
    bool shows_header() const override { return false; }

    /// How long each language stays, and how long one fades into the next (drawn at 10 fps).
    static constexpr float kShowSeconds = 3.0f, kFadeSeconds = 0.5f;

private:
    void draw_prompt(Ui& ui, ImVec2 origin, float width, float height);

    App& app_;
    TextBlock title_;
    std::vector<TextBlock> prompts_;
    std::vector<std::pair<std::string, TextBlock>> names_;  // language code, its name in itself
    std::optional<platform::Clock::time_point> start_;
};

}  // namespace kiosk
