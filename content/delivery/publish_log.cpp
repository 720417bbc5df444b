#include "content/delivery/publish_log.hpp"

#include <charconv>
#include <sstream>

#include "content/text/text_files.hpp"

namespace content {

namespace {

constexpr std::string_view kSeparator = " \u00B7 ";

std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> out;
    size_t at = 0;
    for (size_t next; (next = line.find(kSeparator, at)) != std::string::npos; at = next + kSeparator.size()) out.push_back(line.substr(at, next - at));
    out.push_back(line.substr(at));
    return out;
}

bool read_number(std::string_view text, long long& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && out > 0;
}

// "version 8 on 7" or "version 8".
bool read_versions(const std::string& field, PublishLogEntry& e) {
    if (!field.starts_with("version ")) return false;
    const std::string_view rest = std::string_view(field).substr(8);
    const size_t on = rest.find(" on ");
    if (on == std::string_view::npos) return read_number(rest, e.version);
    return read_number(rest.substr(0, on), e.version) && read_number(rest.substr(on + 4), e.based_on);
}

}  // namespace

std::vector<PublishLogEntry> read_publish_log(const std::filesystem::path& file) {
    std::vector<PublishLogEntry> out;
    const auto text = read_file(file);
    if (!text) return out;
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("  ")) {  // a change, under its entry
            if (!out.empty()) out.back().changes.push_back(line.substr(2));
            continue;
        }
        const auto f = fields_of(line);
        PublishLogEntry e;
        if (f.size() != 5 || !read_versions(f[0], e) || !f[3].starts_with("key ")) continue;
        e.time = f[1];
        e.publisher = f[2];
        e.key_id = f[3].substr(4);
        e.change_count = std::strtoull(f[4].c_str(), nullptr, 10);
        out.push_back(std::move(e));
    }
    return out;
}

std::string format_log_entry(const PublishLogEntry& e) {
    std::string line = "version " + std::to_string(e.version) + (e.based_on ? " on " + std::to_string(e.based_on) : "");
    for (const std::string& field : {e.time, e.publisher.empty() ? std::string("(no name)") : e.publisher, "key " + e.key_id,
                                     std::to_string(e.change_count) + (e.change_count == 1 ? " change" : " changes")})
        line += std::string(kSeparator) + field;
    line += "\n";
    for (size_t i = 0; i < e.changes.size() && i < kLoggedChanges; ++i) line += "  " + e.changes[i] + "\n";
    if (e.changes.size() > kLoggedChanges) line += "  … and " + std::to_string(e.changes.size() - kLoggedChanges) + " more\n";
    return line;
}

std::string published_when_by(const PublishLogEntry& e) {
    // 2026-12-07T10:42+01:00: "at 10:42 on 2026-12-07".
    const bool stamped = e.time.size() >= 16 && e.time[10] == 'T';
    const std::string when = stamped ? "at " + e.time.substr(11, 5) + " on " + e.time.substr(0, 10) : e.time;
    return when + " by " + e.publisher + " (key " + e.key_id + ")";
}

}  // namespace content
