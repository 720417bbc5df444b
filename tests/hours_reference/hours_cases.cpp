// The kiosk's side of the opening-hours comparison (hours_reference_test.sh): reads the
// generated cases, one a line (`TEXT<tab>2026-06-24T10:00`, on Rome's wall clock), and prints
// each one's state and next change the way reference.js prints the reference library's:
// "open 2026-06-24T16:00:00.000Z", "closed", "error" — one line per case, in order.
//
// Holidays are Italy's national ones only: the reference library knows no city's patron saint,
// and Torino's 24 June is tested on its own (opening_hours_tests.cpp).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "content/hours/opening_hours.hpp"

namespace {

// As JavaScript's Date.toISOString() writes it.
std::string utc_iso(content::Instant t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day date(day);
    const std::chrono::hh_mm_ss time(t - day);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.000Z", int(date.year()), unsigned(date.month()), unsigned(date.day()),
                  int(time.hours().count()), int(time.minutes().count()), int(time.seconds().count()));
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: hours_cases CASES.tsv\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    const content::HolidayRegion italy{"Italy", {}};
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const size_t tab = line.find('\t');
        const auto at = tab == std::string::npos ? std::nullopt : content::parse_local_iso(std::string_view(line).substr(tab + 1));
        if (!at) {
            std::cerr << "hours_cases: " << argv[1] << ":" << number << ": expected TEXT, a tab and a local time like 2026-06-24T09:30\n";
            return 2;
        }
        try {
            const content::OpeningHours hours(std::string_view(line).substr(0, tab), content::TimeZone::rome(), italy);
            std::cout << to_string(hours.at(*at).state);
            if (const auto change = hours.next_change(*at)) std::cout << " " << utc_iso(change->at);
        } catch (const content::OpeningHoursError&) {
            std::cout << "error";
        }
        std::cout << "\n";
    }
}
