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
/// language it is shown in. "Show to the staff" sets the text in Italian beside the visitor's,
/// for the officer at the desk.
class GuideScreen : public View {
public:
    explicit GuideScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return header_; }
    bool listenable() const override { return true; }

private:
    struct Item {
        content::BlockKind kind;
        TextBlock number;  // of a step
        TextBlock text;
    };
    void draw_item(Ui& ui, Item& item);
    void draw_body(Ui& ui, std::vector<Item>& items);
    /// The visitor's text and the staff's Italian side by side, each in its own column.
    void draw_side_by_side(Ui& ui);

    TextBlock header_, title_, summary_, notice_, places_heading_, links_heading_;
    bool has_notice_ = false;  // a fallback language's text, or an outdated translation
    std::vector<TextBlock> dated_notices_;  // notices.csv's on this guide, shown today
    std::vector<Item> items_;
    // "Show to the staff": the guide in Italian (empty when the visitor reads Italian or the bundle
    // has no Italian text of it), and whether it is shown.
    TextBlock staff_button_, staff_title_, staff_summary_;
    std::vector<Item> staff_items_;
    bool staff_ = false;
    std::vector<InfoCard> places_, facts_;
    std::vector<std::string> place_ids_, fact_ids_;  // beside places_ and facts_: a tap on a card opens the place
    std::vector<CardText> links_;
    PrintButton print_;  // the guide's ticket: its summary, places, phones and first link's QR code
};

}  // namespace kiosk
