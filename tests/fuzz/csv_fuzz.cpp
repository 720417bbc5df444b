// Fuzzes the CSV reader and the UTF-8 check (content/text/text_files.cpp): places.csv,
// guides.csv, stops.csv and every other table of a source, and the usage counters' CSV.
#include "content/text/text_files.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    if (const auto bad = find_invalid_utf8(text)) fuzz::require(*bad < size && line_of_offset(text, *bad) >= 1);
    const CsvResult csv = parse_csv(text);
    if (!csv.error.empty()) fuzz::require(csv.error_line >= 1);
    int last_line = 0;
    for (const auto& row : csv.rows) {
        fuzz::require(row.line > last_line && !row.fields.empty());
        last_line = row.line;
    }
    return 0;
}
