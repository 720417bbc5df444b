#include "content/text/source_file.hpp"

#include "content/text/file_damage.hpp"
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
    std::string& text = *read.text;
    if (auto bad = find_invalid_utf8(text)) {
        const auto damage = encoding_damage(text, *bad);
        d.error(file, line_of_offset(text, *bad), "", damage.problem, damage.fix);
        return std::nullopt;
    }
    // Notepad and Excel start a UTF-8 file with a byte order mark; it means nothing here.
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return std::move(read.text);
}

}  // namespace content
