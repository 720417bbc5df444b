#include "content/build/source_recordings.hpp"

#include <charconv>
#include <set>

#include "content/text/markup.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/source_file.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

// The words of a body's blocks as drawn: spans joined, a link by its words.
std::string block_words(const Block& block) {
    std::string words;
    for (const auto& span : block.spans) words += span.text;
    return words;
}

// What is wrong with the bytes as Ogg Vorbis, or nothing. An Ogg file's first page holds its
// codec's identification header: "\x01vorbis", or "OpusHead" for Opus.
std::optional<std::string> format_problem(const std::string& bytes) {
    if (bytes.size() < 64 || bytes.compare(0, 4, "OggS") != 0) return "not an Ogg file";
    const std::string first_page = bytes.substr(0, 64);
    if (first_page.find("OpusHead") != std::string::npos) return "Ogg Opus, which the kiosk does not play";
    if (first_page.find("\x01vorbis") == std::string::npos) return "an Ogg file, but not Ogg Vorbis";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> recording_text(const Content& content, const Recording& r) {
    const auto texts = content.texts.find(r.lang);
    if (texts == content.texts.end()) return std::nullopt;
    const LanguageText& t = texts->second;
    if (r.item.starts_with("string:")) {
        const auto s = t.strings.find(r.item.substr(7));
        return s == t.strings.end() ? std::nullopt : std::optional(s->second);
    }
    if (!r.item.starts_with("guide:")) return std::nullopt;
    const std::string rest = r.item.substr(6);
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    const auto guide = t.guides.find(rest.substr(0, colon));
    if (guide == t.guides.end()) return std::nullopt;
    const std::string part = rest.substr(colon + 1);
    if (part == "title") return guide->second.title;
    if (part == "summary") return guide->second.summary;
    size_t n = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
    if (ec != std::errc() || end != part.data() + part.size() || n == 0) return std::nullopt;
    const auto blocks = parse_markup(guide->second.body).blocks;
    if (n > blocks.size()) return std::nullopt;
    return block_words(blocks[n - 1]);
}

namespace {

// lang/<code>/spoken.txt: `item = text`, what the voice reads instead.
void load_spoken_variants(const fs::path& source, const std::string& code, Content& content, Diagnostics& d) {
    const std::string rel = "lang/" + code + "/spoken.txt";
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(source / rel, ec))) return;
    const auto text = read_source_file(source / rel, rel, d, {"spoken variants", "the file cannot be read", "check it is a text file"});
    if (!text) return;
    const auto lines = parse_key_values(*text);
    for (int line : lines.malformed_lines)
        d.error(rel, line, "", "this line is not `item = text`", "write e.g. guide:food-help:1 = the text as it is to be said, or start it with # to make it a comment");
    std::set<std::string> seen;
    for (const auto& e : lines.entries) {
        const std::string item = "spoken variant " + in_quotes(e.key);
        SpokenVariant v{code, e.key, e.value};
        if (!seen.insert(e.key).second) d.error(rel, e.line, item, "the item has a spoken variant already, above", "keep one line per item");
        else if (!recording_text(content, {code, e.key, {}}))
            d.error(rel, e.line, item, "no such text in " + code,
                    "name a string (string:nav.back), a guide's title or summary (guide:<id>:title) or a block of its text, counted from 1 (guide:<id>:3)");
        else if (e.value.empty()) d.error(rel, e.line, item, "the text is empty", "write the text as it is to be said, or delete the line");
        else content.spoken_variants.push_back(std::move(v));
    }
}

}  // namespace

void load_recordings(const fs::path& source, Content& content, Diagnostics& d) {
    for (const auto& language : content.languages) {
        load_spoken_variants(source, language.code, content, d);
        const std::string folder = "lang/" + language.code + "/";
        const std::string rel = folder + "recordings.txt";
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(source / rel, ec))) continue;
        const auto text = read_source_file(source / rel, rel, d, {"recordings", "the file cannot be read", "check it is a text file"});
        if (!text) continue;
        const auto lines = parse_key_values(*text);
        for (int line : lines.malformed_lines)
            d.error(rel, line, "", "this line is not `item = file`", "write e.g. guide:food-help:1 = food-help-1.ogg, or start it with # to make it a comment");
        std::set<std::string> seen;
        for (const auto& e : lines.entries) {
            const std::string item = "recording " + in_quotes(e.key);
            Recording r{language.code, e.key, {}};
            if (!seen.insert(e.key).second) {
                d.error(rel, e.line, item, "the item has a recording already, above", "keep one line per item");
                continue;
            }
            if (!recording_text(content, r)) {
                d.error(rel, e.line, item, "no such text in " + language.code,
                        "name a string (string:nav.back), a guide's title or summary (guide:<id>:title) or a block of its text, "
                        "counted from 1 (guide:<id>:3)");
                continue;
            }
            if (e.value.empty() || e.value.find('/') != std::string::npos || e.value.starts_with(".")) {
                d.error(rel, e.line, item, "the file must be a name in " + folder + "recordings/", "write the file's name alone, e.g. food-help-1.ogg");
                continue;
            }
            const std::string file = folder + "recordings/" + e.value;
            const FileRead read = read_regular_file(source / file, kMaxRecordingBytes);
            if (!read.text) {
                d.error(rel, e.line, item, file + (read.missing ? " is missing" : ": " + read.problem),
                        read.missing ? "put the recording there, or correct the name" : read.fix);
                continue;
            }
            if (const auto problem = format_problem(*read.text)) {
                d.error(file, 0, item, "the file is " + *problem,
                        "convert it to Ogg Vorbis, e.g. sox " + e.value + " -C 3 out.ogg, or oggenc");
                continue;
            }
            r.ogg.assign(read.text->begin(), read.text->end());
            content.recordings.push_back(std::move(r));
        }
    }
}

}  // namespace content
