#include "content/text/source_file.hpp"

#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"

namespace content {

std::optional<std::string> read_source_file(const std::filesystem::path& path, const std::string& file, Diagnostics& d,
                                            const WhenUnreadable& unreadable) {
    auto read = read_regular_file(path);
    if (!read.text) {
        if (read.missing) d.error(file, 0, unreadable.item, unreadable.problem, unreadable.fix);
        else d.error(file, 0, unreadable.item, "the file cannot be read: " + read.problem, read.fix);
        return std::nullopt;
    }
    const std::string& text = *read.text;
    if (auto bad = find_invalid_utf8(text)) {
        d.error(file, line_of_offset(text, *bad), "", "the file is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")",
                "save the file as UTF-8 in your editor or spreadsheet program");
        return std::nullopt;
    }
    return std::move(read.text);
}

}  // namespace content
