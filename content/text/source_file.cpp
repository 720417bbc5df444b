#include "content/text/source_file.hpp"

#include "content/text/text_files.hpp"

namespace content {

std::optional<std::string> read_source_file(const std::filesystem::path& path, const std::string& file, Diagnostics& d,
                                            const WhenUnreadable& unreadable) {
    auto text = read_file(path);
    if (!text) {
        d.error(file, 0, unreadable.item, unreadable.problem, unreadable.fix);
        return std::nullopt;
    }
    if (auto bad = find_invalid_utf8(*text)) {
        d.error(file, line_of_offset(*text, *bad), "", "the file is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")",
                "save the file as UTF-8 in your editor or spreadsheet program");
        return std::nullopt;
    }
    return text;
}

}  // namespace content
