#pragma once
// Helpers of the content suites: reading a source's diagnostics, and bundles built from a
// changed copy of the demo source.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/text/diagnostics.hpp"
#include "tests/test_support.hpp"

namespace test {

/// The first error about `file`; null when there is none.
inline const content::Diagnostic* error_about(const content::Diagnostics& d, const std::string& file) {
    for (const auto& item : d.all())
        if (item.severity == content::Diagnostic::Severity::Error && item.file == file) return &item;
    return nullptr;
}

/// Every error, a line each, for a failing test's message.
inline std::string all_errors(const content::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.all())
        if (item.severity == content::Diagnostic::Severity::Error) out += item.format() + "\n";
    return out;
}

/// The source at `src`, which must load without errors (they are the failure's message).
inline content::Content loaded(const fs::path& src) {
    content::Diagnostics d;
    auto c = content::load_source(src, d);
    INFO(all_errors(d));
    REQUIRE_FALSE(d.has_errors());
    return c;
}

/// Adds columns to a source CSV: `columns` ("from,until") to its header, and to each row the
/// fields `values` gives for its id ("2026-12-20,2027-01-07") or empty ones.
inline void append_columns(const fs::path& csv, const std::string& columns, const std::map<std::string, std::string>& values) {
    const auto empty = std::string(size_t(std::count(columns.begin(), columns.end(), ',')), ',');
    std::istringstream in(read(csv));
    std::string out, line;
    for (bool header = true; std::getline(in, line); header = false) {
        if (line.empty()) continue;
        const auto given = values.find(line.substr(0, line.find(',')));
        out += line + "," + (header ? columns : given != values.end() ? given->second : empty) + "\n";
    }
    write(csv, out);
}

/// Dated content on the demo: food-help shown from 20 December to 7 January, hub-sud until the
/// end of December, the booking link from January, and notices on home (24 December to
/// 6 January), on hub-nord (until the end of December) and on food-help (from 1 December).
inline void add_dated_demo_content(const fs::path& src) {
    append_columns(src / "guides.csv", "from,until", {{"food-help", "2026-12-20,2027-01-07"}});
    append_columns(src / "places.csv", "from,until", {{"hub-sud", ",2026-12-31"}});
    append_columns(src / "links.csv", "approximate,from,until", {{"prenotafacile", ",2027-01-01,"}});
    write(src / "notices.csv",
          "id,on,from,until\n"
          "holidays,home,2026-12-24,2027-01-06\n"
          "hub-nord-closed,place:hub-nord,,2026-12-31\n"
          "food-queue,guide:food-help,2026-12-01,\n");
    for (const char* lang : {"it", "en"}) {
        const fs::path strings = src / "lang" / lang / "strings.txt";
        write(strings, read(strings) + "notice.holidays = " + (std::string(lang) == "it" ? "Chiuso per le feste fino al 6 gennaio" : "Closed for the holidays until 6 January") +
                           "\nnotice.hub-nord-closed = Hub nord: text for the test\nnotice.food-queue = Food help: text for the test\n");
    }
}

/// A bundle built from a copy of the demo source after `edit` has changed it.
template <typename Edit>
fs::path build_from_demo(const TempDir& dir, Edit edit) {
    const fs::path src = copy_demo_source(dir);
    edit(src);
    content::Diagnostics d;
    const auto c = content::load_source(src, d);
    INFO(all_errors(d));
    REQUIRE_FALSE(d.has_errors());
    const fs::path out = dir / "test.kbundle";
    content::write_bundle(c, out);
    return out;
}

}  // namespace test
