#pragma once
#include <vector>

#include "view.hpp"

namespace kiosk {

/// A guide: title, summary, the body (headings, paragraphs, numbered steps, lists), then the
/// places and links it refers to. When the guide is not in the visitor's language a notice
/// says which language it is shown in.
class GuideScreen : public View {
public:
    explicit GuideScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return header_; }

private:
    struct Item {
        content::BlockKind kind;
        TextBlock number;  // of a step
        TextBlock text;
    };
    struct InfoCard {  // a place or a link: a bold first line, then detail lines
        TextBlock heading;
        std::vector<TextBlock> lines;
    };
    void draw_item(Ui& ui, Item& item);
    void draw_info(Ui& ui, InfoCard& card);

    App& app_;
    TextBlock header_, title_, summary_, notice_, places_heading_, links_heading_;
    bool fallback_ = false;
    std::vector<Item> items_;
    std::vector<InfoCard> places_, links_;
};

}  // namespace kiosk
