#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/bundle_text.hpp"
#include "kiosk/ui/view.hpp"
#include "kiosk/words/hours_text.hpp"

namespace kiosk {

/// Every place of the bundle, nearest first from where the kiosk stands, each with its kind,
/// distance and whether it is open now; filters by kind and "open now". With "open now", the
/// places whose hours are not known follow under their own heading ("Hours not known — ask
/// before you go"): not known is not closed. A tap opens the place.
class PlacesScreen : public View {
public:
    explicit PlacesScreen(App& app);
    void draw(Ui& ui) override;
    TextBlock& title() override { return title_; }

private:
    struct Entry {
        std::string id, kind;
        HoursState hours = HoursState::Unknown;
        double metres = -1;  // walking estimate; -1 without one (a mobile unit, or no kiosk position)
        CardText card;
    };
    struct Filter {
        std::string id;  // filter:all, filter:open, filter:<kind>
        TextBlock label;
    };
    bool shown(const Entry& e, HoursState hours) const;
    bool draw_entries(Ui& ui, HoursState hours);
    void draw_filters(Ui& ui);

    App& app_;
    TextBlock title_, none_, map_;  // map_: empty when the bundle has no map
    TextBlock unknown_heading_;
    std::vector<Entry> entries_;
    std::vector<Filter> filters_;
    std::string kind_;        // empty: every kind
    bool open_only_ = false;
};

}  // namespace kiosk
