// kiosk-bundle hours: what the kiosk says about an opening_hours text at some moment, so content
// managers can try a place's hours before they publish them.
#include <iostream>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/hours/opening_hours.hpp"

namespace content::cli {

namespace {

// The text with a caret under the character at `column` (1-based), for a terminal.
void show_position(std::ostream& out, std::string_view text, int column) {
    out << "  " << text << "\n  " << std::string(size_t(column > 1 ? column - 1 : 0), ' ') << "^\n";
}

}  // namespace

int hours(const Words& words) {
    Args args(words, {}, {"--at"});
    if (args.positional().size() != 1) throw UsageError("hours takes one opening_hours text, in quotes");
    const std::string& text = args.positional()[0];
    Instant at = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (const auto when = args.option("--at")) {
        const auto parsed = parse_local_iso(*when);
        if (!parsed) throw UsageError("--at \"" + *when + "\" is not a local time like 2026-06-24T09:30");
        at = *parsed;
    }
    try {
        const OpeningHours hours(text);
        const HoursStatus status = hours.at(at);
        std::cout << to_string(status.state);
        if (const auto change = hours.next_change(at)) std::cout << " until " << format_local_iso(change->at);
        std::cout << "\n";
        if (status.rule) std::cout << "rule: " << hours.text_of(*status.rule) << "\n";
        if (!status.comment().empty()) std::cout << "comment: " << status.comment() << "\n";
        return 0;
    } catch (const OpeningHoursError& e) {
        std::cerr << "kiosk-bundle: opening hours: " << e.what() << "\n";
        show_position(std::cerr, text, e.column);
        return 1;
    }
}

}  // namespace content::cli
