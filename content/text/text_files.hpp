#pragma once
// Reading the plain-text files of a content source: UTF-8 checking, CSV rows and
// `key = value` lines, each remembering the line it came from for error messages.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

/// 1-based line number of a byte offset.
int line_of_offset(std::string_view text, size_t offset);

/// Calls `fn(line_number, line)` for every line (1-based, without the newline, trimmed).
void for_each_line(std::string_view text, const std::function<void(int, const std::string&)>& fn);

/// Whole file as bytes, or nullopt when it cannot be read: only an ordinary file of at most
/// kMaxFileBytes, never a named pipe or a device (read_regular_file, which also says why not).
std::optional<std::string> read_file(const std::filesystem::path& path);

/// Writes a file whole or not at all (temporary file beside it, synced, then renamed over it),
/// with the given mode: a reader never sees half a file, and a failure leaves the old one.
/// Throws std::runtime_error naming the path when it cannot.
void write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode);

struct CsvRow {
    int line = 0;  // where the row starts
    std::vector<std::string> fields;
};

struct CsvResult {
    std::vector<CsvRow> rows;  // header first
    std::string error;         // empty when the text parsed
    int error_line = 0;
};

/// RFC 4180 CSV: commas, double-quoted fields with "" escapes and embedded newlines.
CsvResult parse_csv(std::string_view text);

struct KeyValue {
    int line = 0;
    std::string key;
    std::string value;
};

struct KeyValueResult {
    std::vector<KeyValue> entries;
    std::vector<int> malformed_lines;  // lines that are neither blank, comment nor key = value
};

/// `key = value` lines; blank lines and lines starting with `#` are skipped.
KeyValueResult parse_key_values(std::string_view text);

struct KeyValueBlock {
    int first_line = 0;
    std::vector<KeyValue> entries;
};

struct KeyValueBlocks {
    std::vector<KeyValueBlock> blocks;
    std::vector<int> malformed_lines;
};

/// `key = value` lines in blocks separated by blank lines (as keyboards.txt and map/layers.txt
/// are written); comment lines neither end a block nor belong to one.
KeyValueBlocks parse_key_value_blocks(std::string_view text);

std::string trim(std::string_view s);
std::vector<std::string> split_words(std::string_view s);

}  // namespace content
