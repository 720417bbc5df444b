#include "content/build/source_dates.hpp"

#include "content/hours/dates.hpp"

namespace content {

ShownDays read_shown_days(Diagnostics& d, const std::string& file, int line, const std::string& item, const std::string& from,
                          const std::string& until, const std::optional<CivilDate>& today) {
    ShownDays shown;
    auto read = [&](const std::string& text, const char* column, std::optional<CivilDate>& out) {
        if (text.empty()) return true;
        out = parse_date(text);
        if (out) return true;
        const std::string empty_means = std::string(column) == "from" ? "shown from now on" : "shown with no end";
        d.error(file, line, item, std::string(column) + " \"" + text + "\" is not a date like 2026-12-24",
                "write the day as year-month-day, e.g. 2027-01-07, or leave it empty (" + empty_means + ")");
        return false;
    };
    const bool from_read = read(from, "from", shown.from), until_read = read(until, "until", shown.until);  // both said
    const bool good = from_read && until_read;
    if (good && shown.from && shown.until && *shown.until < *shown.from)
        d.error(file, line, item, "until " + until + " is before from " + from, "write the first day shown in from and the last in until");
    else if (good && today && shown.until && *shown.until < *today)
        d.warning(file, line, item, "its last day (" + until + ") was before today (" + format_date(*today) + "): the kiosk no longer shows it",
                  "delete the row, or its until date if it is to be shown again");
    return shown;
}

}  // namespace content
