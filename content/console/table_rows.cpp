#include "content/console/table_rows.hpp"

#include <stdexcept>

#include "content/text/text_files.hpp"

namespace content::console {

std::string csv_line(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string& f = fields[i];
        if (i > 0) line += ',';
        const bool quote = f.find_first_of(",\"\n\r") != std::string::npos || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
        if (!quote) {
            line += f;
            continue;
        }
        line += '"';
        for (const char c : f) line += c == '"' ? std::string("\"\"") : std::string(1, c);
        line += '"';
    }
    return line + "\n";
}

std::string with_row(const std::string& csv, const std::string& id, const std::optional<std::vector<std::string>>& fields) {
    const CsvResult parsed = parse_csv(csv);
    if (!parsed.error.empty()) throw std::invalid_argument("line " + std::to_string(parsed.error_line) + ": " + parsed.error);
    // Rows are cut out by their lines; a lone carriage return ends a line for the CSV reader only.
    for (size_t at = csv.find('\r'); at != std::string::npos; at = csv.find('\r', at + 1))
        if (at + 1 == csv.size() || csv[at + 1] != '\n')
            throw std::invalid_argument("its lines end with a lone carriage return (an old Mac format)");
    // Byte offsets of line starts, to cut the row's lines out whole.
    std::vector<size_t> line_start = {0};
    for (size_t i = 0; i < csv.size(); ++i)
        if (csv[i] == '\n') line_start.push_back(i + 1);
    const auto offset = [&](int line) { return line - 1 < static_cast<int>(line_start.size()) ? line_start[size_t(line - 1)] : csv.size(); };
    for (size_t r = 1; r < parsed.rows.size(); ++r) {
        const CsvRow& row = parsed.rows[r];
        if (row.fields.empty() || row.fields[0] != id) continue;
        const size_t begin = offset(row.line);
        const size_t end = r + 1 < parsed.rows.size() ? offset(parsed.rows[r + 1].line) : csv.size();
        return csv.substr(0, begin) + (fields ? csv_line(*fields) : "") + csv.substr(end);
    }
    if (!fields) return csv;
    return csv + (csv.empty() || csv.back() == '\n' ? "" : "\n") + csv_line(*fields);
}

}  // namespace content::console
