#pragma once
#include <vector>

#include "view.hpp"

namespace kiosk {

/// Home: the question "what do you need help with?" and one card per category.
class HomeScreen : public View {
public:
    explicit HomeScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    App& app_;
    TextBlock title_;
    std::vector<CardText> cards_;
};

}  // namespace kiosk
