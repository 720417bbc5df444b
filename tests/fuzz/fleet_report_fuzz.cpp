// Fuzzes the fleet report reader (content/delivery/fleet_report.cpp) as the console meets it: a
// kiosk's report, or anything else someone posts to the report endpoint. A report that reads
// must write back to JSON that reads the same.
#include "content/delivery/fleet_report.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parsed = content::parse_fleet_report(fuzz::text_of(data, size));
    if (const auto* report = std::get_if<content::FleetReport>(&parsed)) {
        const auto again = content::parse_fleet_report(content::fleet_report_json(*report));
        const auto* same = std::get_if<content::FleetReport>(&again);
        fuzz::require(same != nullptr);
        fuzz::require(same->version == report->version && same->printer == report->printer && same->usage == report->usage &&
                      same->content_expires == report->content_expires);
    }
    return 0;
}
