#pragma once
#include <vector>

#include "kiosk/ui/view.hpp"

namespace kiosk {

/// The first screen: every language by its own name, no flags (a flag is a country, not a
/// language). The prompt is shown in every language, each in its own direction.
class LanguageScreen : public View {
public:
    explicit LanguageScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool shows_language_bar() const override { return false; }

private:
    App& app_;
    TextBlock title_;
    std::vector<TextBlock> prompts_;
    std::vector<std::pair<std::string, TextBlock>> names_;  // code, native name
};

}  // namespace kiosk
