// Fuzzes the opening_hours parser (content/hours) and what the kiosk then does with its rules:
// the state at moments around the year's edges and a summer-time change, a day's open spans and
// the next change. The text comes from places.csv, a configuration's `hours` and `kiosk-bundle
// hours`; the dates and clock readings content managers write (stops.csv, `--at`) too.
#include <chrono>

#include "content/hours/dates.hpp"
#include "content/hours/opening_hours.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    (void)parse_date(text);
    (void)parse_time_span(text);
    (void)parse_local_iso(text);
    const auto problem = check_opening_hours(text);
    try {
        const OpeningHours hours(text);
        fuzz::require(!problem);  // the check and the parser agree
        for (const CivilDate day : {CivilDate{2026, 3, 29}, CivilDate{2026, 12, 31}, CivilDate{2028, 2, 29}}) {
            (void)hours.open_spans(day);
            for (const int minute : {0, 90, 719, 1439}) (void)hours.at(day, minute);
        }
        const Instant t = TimeZone::rome().instant(CivilDate{2026, 10, 24}, 23, 30);
        (void)hours.at(t);
        (void)hours.next_change(t, std::chrono::days(9));
        for (const auto& rule : hours.rules()) {
            fuzz::require(rule.offset + rule.length <= size);
            (void)hours.text_of(rule);
        }
    } catch (const OpeningHoursError& e) {
        fuzz::require(problem.has_value());
        fuzz::require(e.offset <= size && e.column >= 1);  // `kiosk-bundle hours` puts a caret there
        (void)e.explain();
    }
    return 0;
}
