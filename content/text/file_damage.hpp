#pragma once
// What spreadsheet programs and word processors do to a plain-text source file, named once in
// words a content manager knows ("saved with semicolons", "saved as Windows-1252") instead of
// as the dozens of errors it causes further on. The loader asks these when a file fails.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct FileDamage {
    std::string problem, fix;
};

/// Text that is not UTF-8 at `bad_offset`: when it reads as Windows-1252 (Excel's "CSV",
/// Notepad's "ANSI"), says so and shows the character as that encoding meant it.
FileDamage encoding_damage(std::string_view text, size_t bad_offset);

/// A CSV table's first line written with semicolons or tabs between the columns, as spreadsheet
/// programs in an Italian locale do; none when the line is not that.
std::optional<FileDamage> separator_damage(std::string_view first_line, const std::vector<std::string>& columns);

/// A row with more fields than columns where a text held an unquoted comma ("…137, Torino"
/// read as two fields: the second starts with a space): the text to quote; none otherwise.
std::optional<std::string> unquoted_comma_text(const std::vector<std::string>& untrimmed_fields);

}  // namespace content
