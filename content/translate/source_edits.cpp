#include "content/translate/source_edits.hpp"

#include "content/text/text_files.hpp"

namespace content {

namespace {

// Byte range of a 1-based line, without its '\n' and without a '\r' before it.
struct LineRange {
    size_t begin, end;
};

LineRange line_range(const std::string& text, int line) {
    size_t begin = 0;
    for (int n = 1; n < line && begin != std::string::npos; ++n) {
        begin = text.find('\n', begin);
        if (begin != std::string::npos) ++begin;
    }
    if (begin == std::string::npos) return {text.size(), text.size()};
    size_t end = std::min(text.find('\n', begin), text.size());
    if (end > begin && text[end - 1] == '\r') --end;
    return {begin, end};
}

std::string header_key(const std::string& line) {
    const auto colon = line.find(':');
    return colon == std::string::npos ? std::string() : trim(line.substr(0, colon));
}

}  // namespace

std::string set_string(std::string text, const std::string& key, const std::string& value) {
    for (const auto& entry : parse_key_values(text).entries) {
        if (entry.key != key) continue;
        const auto [begin, end] = line_range(text, entry.line);
        const std::string line = text.substr(begin, end - begin);
        size_t keep = line.find('=') + 1;
        while (keep < line.size() && (line[keep] == ' ' || line[keep] == '\t')) ++keep;
        text.replace(begin, end - begin, line.substr(0, keep) + value);
        return text;
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text + key + " = " + value + "\n";
}

std::string set_guide_fields(const std::optional<std::string>& file_text, const GuideEdit& edit) {
    if (!file_text) {
        std::string out = "title: " + edit.title.value_or("") + "\n";
        if (edit.summary && !edit.summary->empty()) out += "summary: " + *edit.summary + "\n";
        return out + "---\n" + edit.body.value_or("");
    }
    std::string text = *file_text;
    size_t separator = text.find("\n---");
    if (separator == std::string::npos) return text;  // not a guide file; the loader says so
    ++separator;                                       // the --- line's first byte
    // Body first, so the header's offsets stay valid while it changes.
    if (edit.body) {
        const size_t newline = text.find('\n', separator);
        if (newline == std::string::npos) text += "\n" + *edit.body;
        else text.replace(newline + 1, std::string::npos, *edit.body);
    }
    bool has_title = false, has_summary = false;
    const int separator_line = line_of_offset(text, separator);
    for (int n = 1; n < separator_line; ++n) {
        const auto [begin, end] = line_range(text, n);
        const std::string key = header_key(text.substr(begin, end - begin));
        const std::optional<std::string>* value = key == "title" ? &edit.title : key == "summary" ? &edit.summary : nullptr;
        if (value == nullptr) continue;
        (key == "title" ? has_title : has_summary) = true;
        if (*value) text.replace(begin, end - begin, key + ": " + **value);
    }
    // Recomputed: a replaced line may be longer or shorter.
    separator = text.find("\n---") + 1;
    std::string added;
    if (edit.title && !has_title) added += "title: " + *edit.title + "\n";
    if (edit.summary && !has_summary) added += "summary: " + *edit.summary + "\n";
    text.insert(separator, added);
    return text;
}

}  // namespace content
