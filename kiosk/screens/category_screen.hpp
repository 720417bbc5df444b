#pragma once
#include <vector>

#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// A category: its summary and one card per guide in it; a notice when its own texts are not
/// in the visitor's language (either may fall back alone).
class CategoryScreen : public View {
public:
    explicit CategoryScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    App& app_;
    TextBlock title_, summary_;
    bool fallback_ = false;  // the title or the summary is in a fallback language
    TextBlock notice_;
    std::vector<CardText> cards_;
};

}  // namespace kiosk
