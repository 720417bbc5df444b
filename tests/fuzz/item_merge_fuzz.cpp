// Fuzzes what the console does with texts editors send (content/console/item_merge.cpp,
// table_rows.cpp): two changes of a strings.txt or a table merged item by item, and one row put
// into a table. Input: the base, their text and yours, separated by NUL bytes. Merging nothing
// of yours must give theirs back; a row put in must read back as given.
#include <stdexcept>
#include <vector>

#include "content/console/item_merge.hpp"
#include "content/console/table_rows.hpp"
#include "content/text/text_files.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(fuzz::text_of(data, size));
    std::vector<std::string> parts(3);
    for (size_t at = 0, k = 0; k < 3 && at <= input.size(); ++k) {
        const size_t end = std::min(input.find('\0', at), input.size());
        parts[k] = input.substr(at, end - at);
        at = end + 1;
    }
    const auto& [base, theirs, yours] = std::tie(parts[0], parts[1], parts[2]);
    for (const char* path : {"lang/it/strings.txt", "places.csv"}) {
        content::console::merge_items(path, base, theirs, yours);
        const auto unchanged = content::console::merge_items(path, base, theirs, base);
        fuzz::require(!unchanged || *unchanged == theirs);
    }
    // A row put into their table reads back as given, other rows as they were.
    const content::CsvResult before = content::parse_csv(theirs);
    if (before.error.empty() && !theirs.starts_with("\xEF\xBB\xBF")) {
        const std::string id = yours.substr(0, std::min<size_t>(yours.find_first_of(",\n\r\""), 12));
        const std::vector<std::string> fields = {id, yours, "a, \"quoted\"\nfield"};
        std::string changed;
        try {
            changed = content::console::with_row(theirs, id, fields);
        } catch (const std::invalid_argument&) {  // refused with its reason: a lone carriage return
            return 0;
        }
        const content::CsvResult after = content::parse_csv(changed);
        fuzz::require(after.error.empty());
        bool found = false;
        // A table with no header: the row becomes it.
        for (size_t r = before.rows.empty() ? 0 : 1; r < after.rows.size() && !found; ++r) found = !after.rows[r].fields.empty() && after.rows[r].fields[0] == id;
        // (A row whose id starts with a byte-order mark, put into an empty file, loses it to the reader.)
        fuzz::require(found || id.empty() || (theirs.empty() && id.starts_with("\xEF\xBB\xBF")));
    }
    return 0;
}
