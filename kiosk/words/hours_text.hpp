#pragma once
// Opening hours as a visitor reads them, in their language: "Open now, closes at 17:00",
// "Closed, opens tomorrow at 09:00", and the week ahead day by day. Times are the 24-hour
// clock of Torino's own signs, in Europe/Rome time.
#include <string>
#include <vector>

#include "content/hours/opening_hours.hpp"
#include "content/model/bundle.hpp"

namespace kiosk {

/// Whether the place is open at `now`, and when that changes (within a week; beyond that only
/// "open now" or "closed").
std::string hours_now(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                      content::Instant now);

/// Seven lines from today: "Monday: 09:00–12:30, 14:00–17:00" or "Sunday: closed".
std::vector<std::string> hours_week(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                    content::Instant now);

}  // namespace kiosk
