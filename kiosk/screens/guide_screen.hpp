#pragma once
#include <vector>

#include "kiosk/screens/parts/info_card.hpp"
#include "kiosk/screens/parts/print_button.hpp"
#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

/// A guide: title and summary; then what a visitor came for, before any scrolling: the key facts
/// of its places that have them (phone, whether open now, the week's hours; a tap opens the
/// place) and its links, each a card that opens its QR code, since the kiosk itself opens no
/// website and dials no number; then the body (headings, paragraphs, numbered steps, lists) and
/// the places' full cards. When the guide is not in the visitor's language a notice says which
/// language it is shown in.
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
    void draw_item(Ui& ui, Item& item);

    App& app_;
    TextBlock header_, title_, summary_, notice_, places_heading_, links_heading_;
    bool fallback_ = false;
    std::vector<Item> items_;
    std::vector<InfoCard> places_, facts_;
    std::vector<std::string> place_ids_, fact_ids_;  // beside places_ and facts_: a tap on a card opens the place
    std::vector<CardText> links_;
    PrintButton print_;  // the guide's ticket: its summary, places, phones and first link's QR code
};

}  // namespace kiosk
