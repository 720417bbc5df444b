#pragma once
// The `from`/`until` columns that guides.csv, places.csv, links.csv and notices.csv may have:
// the days an item is shown on the kiosk's own calendar (docs/content-format.md, "Content by date").
#include <optional>
#include <string>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Reads one row's dates: each empty or YYYY-MM-DD naming a real day, `until` not before `from`.
/// A mistake is an error at the row, naming the item and the fix; with `today` given, an item
/// whose last day has passed is a warning (the kiosk no longer shows it).
ShownDays read_shown_days(Diagnostics& diagnostics, const std::string& file, int line, const std::string& item,
                          const std::string& from, const std::string& until, const std::optional<CivilDate>& today);

}  // namespace content
