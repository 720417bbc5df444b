#pragma once
#include <optional>
#include <vector>

#include "kiosk/ui/view.hpp"
#include "platform/clock.hpp"

namespace kiosk {

/// What a kiosk shows between visitors: "Touch the screen to start" in each of the bundle's
/// languages in turn, each in its own script and direction, large enough to read from across
/// the room. The whole screen is the button.
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
    App& app_;
    TextBlock title_;
    std::vector<TextBlock> prompts_;
    std::optional<platform::Clock::time_point> start_;
};

}  // namespace kiosk
