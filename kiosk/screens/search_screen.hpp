#pragma once
#include <string>
#include <vector>

#include "kiosk/app/route.hpp"
#include "kiosk/input/keyboard.hpp"
#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// Search: a field, the guides and places that match as the visitor types (in their language,
/// accents and partial words forgiven), and the on-screen keyboard where the language bar is.
/// What is typed stays with the visitor (App::search_text) and is never counted or logged.
class SearchScreen : public View {
public:
    explicit SearchScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }
    bool shows_language_bar() const override { return false; }
    float bottom_height(const Theme& theme, float width) const override { return keyboard_.height(theme, width); }
    void draw_bottom(Ui& ui, ImVec2 origin, ImVec2 size) override;

    /// The most results shown: the best ones, on one or two screens of scrolling.
    static constexpr int kLimit = 20;

private:
    void search();
    void draw_field(Ui& ui);

    App& app_;
    TextBlock title_, prompt_, none_, field_;
    Keyboard keyboard_;
    struct Result {
        Route target;
        CardText card;
    };
    std::vector<Result> results_;
    std::string searched_;  // the text results_ are for
};

}  // namespace kiosk
