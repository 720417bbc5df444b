#pragma once
// One row of a source table (places.csv, stops.csv, notices.csv, …) changed and nothing else:
// the other rows keep their bytes, so the commit shows one row, and two editors changing two
// rows of one table merge line by line instead of conflicting.
#include <optional>
#include <string>
#include <vector>

namespace content::console {

/// The table's text with the row whose first field is `id` replaced by `fields` (appended when
/// no row has that id; removed when `fields` is none). Fields are quoted as RFC 4180 asks,
/// only when they must be. Throws std::invalid_argument when the text is not CSV, or has lines
/// ending in a lone carriage return (saved again with LF or CRLF, it can be changed).
std::string with_row(const std::string& csv, const std::string& id, const std::optional<std::vector<std::string>>& fields);

/// One CSV line for `fields`, with its newline.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace content::console
