#pragma once
#include <string>
#include <vector>

#include "kiosk/app/route.hpp"
#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// Home: the question "what do you need help with?" as the header's title, the most asked-for
/// actions in one row (the
/// places near the kiosk, and the bundle's home links such as the emergency number), then one
/// card per category with its pictogram and summary. All of it fits a 1080p screen, landscape or
/// portrait, without scrolling: where the summaries would push a category below the fold, the
/// categories show their titles and pictograms only. A category with a single guide opens that
/// guide: one touch less.
class HomeScreen : public View {
public:
    explicit HomeScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    struct Card {
        Route target;
        std::string icon;
        CardText text;  // text.id is the control's id
    };
    /// Cards in rows of `columns`, each row as tall as its tallest card; false when one was
    /// tapped (the screen is gone).
    bool draw_grid(Ui& ui, std::vector<Card>& cards, int columns, bool summaries);
    /// The height draw_grid would take.
    float grid_height(Ui& ui, std::vector<Card>& cards, int columns, bool summaries) const;

    App& app_;
    TextBlock title_;
    std::vector<TextBlock> notices_;  // dated notices on the home screen, shown today
    std::vector<Card> actions_, categories_;
};

}  // namespace kiosk
