#pragma once
// Merging two people's changes to a file whose lines are items with a key — strings.txt's
// `key = text` lines, a table's rows by id — item by item: git merges line by line and calls
// two changes a conflict when their lines touch (nav.home and nav.back, one under the other),
// but they are different items; only a change to the same item by both is a conflict.
#include <optional>
#include <string>

namespace content::console {

/// Whether `path` is such a file (strings.txt, spoken.txt, a .csv table).
bool merges_by_item(const std::string& path);

/// `theirs` with the items `yours` changed, added or removed since `base` put in; none when both
/// changed the same item differently, or when `yours` changed lines that are no item (comments).
std::optional<std::string> merge_items(const std::string& path, const std::string& base, const std::string& theirs, const std::string& yours);

}  // namespace content::console
