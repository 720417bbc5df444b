#include "content/text/text_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <sstream>

#include "content/text/regular_file.hpp"

namespace content {

std::optional<size_t> find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        size_t len = 0;
        char32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
        i += len;
    }
    return std::nullopt;
}

int line_of_offset(std::string_view text, size_t offset) {
    int line = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::optional<std::string> read_file(const std::filesystem::path& path) { return read_regular_file(path).text; }

void write_file_atomically(const std::filesystem::path& path, const std::string& text, unsigned mode) {
    const std::string partial = path.string() + ".partial-" + std::to_string(getpid());
    FILE* f = std::fopen(partial.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + path.string() + " (does the folder exist?)");
    fchmod(fileno(f), static_cast<mode_t>(mode));
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && fsync(fileno(f)) == 0;
    std::fclose(f);
    if (!ok || std::rename(partial.c_str(), path.c_str()) != 0) {
        std::remove(partial.c_str());
        throw std::runtime_error("cannot write " + path.string());
    }
}

CsvResult parse_csv(std::string_view text) {
    CsvResult result;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // spreadsheet programs add a BOM
    CsvRow row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool in_quotes = false, field_started = false, row_empty = true;
    auto end_field = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    auto end_row = [&] {
        if (!row_empty || !row.fields.empty()) {
            end_field();
            result.rows.push_back(std::move(row));
        }
        row = CsvRow{};
        row_empty = true;
        row.line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
                else in_quotes = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (field_started && !field.empty()) {
                result.error = "a quote (\") in the middle of a field";
                result.error_line = line;
                return result;
            }
            in_quotes = true;
            field_started = true;
            row_empty = false;
        } else if (c == ',') {
            end_field();
            row_empty = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++line;
            end_row();
        } else {
            field += c;
            field_started = true;
            row_empty = false;
        }
    }
    if (in_quotes) {
        result.error = "a quoted field is never closed (missing \")";
        result.error_line = row.line;
        return result;
    }
    end_row();
    return result;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> words;
    std::istringstream in{std::string(s)};
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

void for_each_line(std::string_view text, const std::function<void(int, const std::string&)>& fn) {
    int line = 0;
    for (size_t pos = 0; pos <= text.size();) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        fn(++line, trim(text.substr(pos, end - pos)));
        pos = end + 1;
    }
}

KeyValueResult parse_key_values(std::string_view text) {
    KeyValueResult result;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    for_each_line(text, [&](int line, const std::string& l) {
        if (l.empty() || l[0] == '#') return;
        const auto eq = l.find('=');
        if (eq == std::string::npos || trim(l.substr(0, eq)).empty()) {
            result.malformed_lines.push_back(line);
            return;
        }
        result.entries.push_back({line, trim(l.substr(0, eq)), trim(l.substr(eq + 1))});
    });
    return result;
}

KeyValueBlocks parse_key_value_blocks(std::string_view text) {
    KeyValueBlocks result;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    bool in_block = false;
    for_each_line(text, [&](int line, const std::string& l) {
        if (l.empty()) {
            in_block = false;
            return;
        }
        if (l[0] == '#') return;
        if (!in_block) result.blocks.push_back({line, {}});
        in_block = true;
        const auto eq = l.find('=');
        if (eq == std::string::npos || trim(l.substr(0, eq)).empty()) {
            result.malformed_lines.push_back(line);
            return;
        }
        result.blocks.back().entries.push_back({line, trim(l.substr(0, eq)), trim(l.substr(eq + 1))});
    });
    return result;
}

}  // namespace content
