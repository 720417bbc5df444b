#pragma once
#include <vector>

#include "kiosk/app/route.hpp"
#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// Home: the question "what do you need help with?", one card per category, and a card for the
/// places near the kiosk.
class HomeScreen : public View {
public:
    explicit HomeScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    App& app_;
    TextBlock title_;
    struct Card {
        Route target;
        CardText text;  // text.id is the control's id
    };
    std::vector<Card> cards_;
};

}  // namespace kiosk
