#include "content/text/file_damage.hpp"

#include <array>
#include <tuple>

namespace content {

namespace {

// Windows-1252's characters for the bytes 0x80-0x9F ("" where it has none); from 0xA0 on the
// bytes are Latin-1, the same code points as Unicode.
constexpr std::array<std::string_view, 32> kWindows1252High{
    "\u20AC", "",       "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021", "\u02C6", "\u2030", "\u0160",
    "\u2039", "\u0152", "",       "\u017D", "",       "",       "\u2018", "\u2019", "\u201C", "\u201D", "\u2022",
    "\u2013", "\u2014", "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", "",       "\u017E", "\u0178"};

// The character a Windows-1252 byte stands for, as UTF-8; "" when the encoding has none.
std::string windows_1252(unsigned char byte) {
    if (byte < 0x80) return std::string(1, static_cast<char>(byte));
    if (byte < 0xA0) return std::string(kWindows1252High[byte - 0x80]);
    return {static_cast<char>(0xC0 | (byte >> 6)), static_cast<char>(0x80 | (byte & 0x3F))};
}

std::string hex(unsigned char byte) {
    const char* digits = "0123456789ABCDEF";
    return {'0', 'x', digits[byte >> 4], digits[byte & 15]};
}

}  // namespace

FileDamage encoding_damage(std::string_view text, size_t bad_offset) {
    const auto byte = static_cast<unsigned char>(bad_offset < text.size() ? text[bad_offset] : 0);
    const std::string meant = windows_1252(byte);
    if (byte >= 0x80 && !meant.empty())
        return {"the file is not UTF-8: it was saved as Windows-1252 (Excel's \"CSV\", Notepad's \"ANSI\"), where the byte " + hex(byte) +
                    " is \"" + meant + "\"",
                "save it as UTF-8: in LibreOffice, File > Save As, Character set: Unicode (UTF-8); in Excel, Save As \"CSV UTF-8\"; "
                "in Notepad, Encoding: UTF-8"};
    return {"the file is not valid UTF-8 (the byte " + hex(byte) + " at offset " + std::to_string(bad_offset) + " starts no character)",
            "save the file as UTF-8 in your editor or spreadsheet program"};
}

std::optional<FileDamage> separator_damage(std::string_view first_line, const std::vector<std::string>& columns) {
    for (const auto& [separator, name, setting] : {std::tuple<char, const char*, const char*>{';', "semicolons (;)", "Semicolon"},
                                                   {'\t', "tabs", "Tab"}}) {
        size_t count = 0;
        for (const char c : first_line) count += c == separator;
        if (count == 0 || count + 1 < columns.size() / 2 + 1) continue;
        return FileDamage{std::string("this file was saved with ") + name + " between the columns, not commas (spreadsheet programs set to "
                              "Italian do that)",
                          std::string("save it as CSV with commas: in LibreOffice, File > Save As, Text CSV, tick \"Edit filter "
                                      "settings\", Field delimiter \",\" (not ") +
                              setting + "); in Excel, Save As \"CSV UTF-8 (Comma delimited)\""};
    }
    return std::nullopt;
}

std::optional<std::string> unquoted_comma_text(const std::vector<std::string>& fields) {
    for (size_t i = 1; i < fields.size(); ++i)
        if (!fields[i].empty() && fields[i][0] == ' ' && !fields[i - 1].empty() && fields[i - 1].back() != ' ')
            return fields[i - 1] + "," + fields[i];
    return std::nullopt;
}

}  // namespace content
