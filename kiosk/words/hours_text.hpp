#pragma once
// Opening hours as a visitor reads them, in their language: "Open now, closes at 17:00",
// "Closed, opens tomorrow at 09:00", and the week ahead day by day. Times are the 24-hour
// clock of Torino's own signs, in Europe/Rome time.
#include <optional>
#include <string>
#include <vector>

#include "content/hours/opening_hours.hpp"
#include "content/model/bundle.hpp"

namespace kiosk {

/// Whether the place is open at `now`, and when that changes (within a week; beyond that only
/// "open now" or "closed"); "Hours not known — ask before you go" where a rule says `unknown`.
std::string hours_now(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                      content::Instant now);

/// The week from Monday to Sunday with days of the same hours together, for a ticket:
/// "Monday–Friday: 09:00–17:00", "Saturday–Sunday: closed". Each weekday is read on its date
/// in the seven days from `now`.
std::vector<std::string> hours_summary(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                       content::Instant now);

/// What a visitor can count on: open, closed, or not known. Not known is a state of its own,
/// never "closed": no hours, hours the kiosk cannot read, an `unknown` rule, or a public holiday
/// today that the hours say nothing about.
enum class HoursState { Open, Closed, Unknown };
struct HoursNow {
    HoursState state = HoursState::Unknown;
    std::string text;  // the line a visitor reads, e.g. "Hours not known — ask before you go"
};
HoursNow place_hours_now(const content::Bundle& bundle, const std::string& lang, const std::string& opening_hours,
                         content::Instant now);

/// "May be closed on public holidays", when the hours open in the week from `now` and say
/// nothing of public holidays (the sources rarely do: the call center's "Monday to Friday"
/// says nothing of Christmas); nothing otherwise.
std::optional<std::string> holiday_caveat(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                          content::Instant now);

/// Seven lines from today: "Monday: 09:00–12:30, 14:00–17:00" or "Sunday: closed".
std::vector<std::string> hours_week(const content::Bundle& bundle, const std::string& lang, const content::OpeningHours& hours,
                                    content::Instant now);

}  // namespace kiosk
