#include "kiosk/screens/parts/print_button.hpp"

#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/ui/ui.hpp"
#include "kiosk/ui/view.hpp"

namespace kiosk {

PrintButton::PrintButton(const App& app, std::function<bool()> print, std::string item)
    : print_(std::move(print)), item_(std::move(item)), shown_(app.printer() != nullptr) {
    if (!shown_) return;
    const auto& bundle = app.bundle();
    label_ = text_of(bundle, bundle.ui("place.print", app.lang()), true);
    printing_ = text_of(bundle, bundle.ui("ticket.printing", app.lang()));
    printed_ = text_of(bundle, bundle.ui("ticket.printed", app.lang()), true);
    unavailable_ = text_of(bundle, bundle.ui("ticket.unavailable", app.lang()), true);
}

void PrintButton::draw(Ui& ui, float x, float width) {
    if (!shown_) return;
    const Theme& t = ui.theme;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    if (ui.button("ticket:print", label_, ImVec2(width, t.touch()), false, t.selected, t.selected_text) && ui.app.printer()) {
        asked_ = true;
        if (print_()) ui.app.tell("ticket_printed", item_);
    }
    ImGui::Dummy(ImVec2(width, t.px(8)));
    if (asked_ && ui.app.printer()) {
        // The printer's thread wakes the frame loop when a job ends, so this line follows it.
        TextBlock* line = nullptr;
        switch (ui.app.printer()->state()) {
            case TicketPrinter::State::Printing: line = &printing_; break;
            case TicketPrinter::State::Printed: line = &printed_; break;
            case TicketPrinter::State::Failed: line = &unavailable_; break;
            case TicketPrinter::State::Idle: break;
        }
        if (line) {
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            const float h = line->layout(t.body, width);
            const Announcing news;  // the ticket's fate is said to a visitor who cannot see it
            line->draw(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), t.text, t.link);
            ImGui::Dummy(ImVec2(width, h));
        }
    }
    ImGui::Dummy(ImVec2(width, t.gap()));
}

}  // namespace kiosk
