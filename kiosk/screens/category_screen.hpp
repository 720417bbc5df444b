#pragma once
#include <vector>

#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// A category: its summary and one card per guide in it.
class CategoryScreen : public View {
public:
    explicit CategoryScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    App& app_;
    TextBlock title_, summary_;
    std::vector<CardText> cards_;
};

}  // namespace kiosk
