#include "content/console/item_merge.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "content/text/text_files.hpp"

namespace content::console {

namespace {

struct Item {
    std::string key;   // an item's key; for other lines, the line itself (kept as it is)
    std::string text;  // its whole text, newline(s) included
    bool keyed = false;
};
using Items = std::vector<Item>;

std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (size_t at = 0; at < text.size();) {
        const size_t end = text.find('\n', at);
        lines.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at + 1));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    return lines;
}

// strings.txt and spoken.txt: `key = text` lines are items.
Items key_value_items(const std::string& text) {
    Items items;
    for (const auto& line : lines_of(text)) {
        const std::string t = trimmed(line);
        const size_t eq = line.find('=');
        if (!t.empty() && t[0] != '#' && eq != std::string::npos) items.push_back({trimmed(line.substr(0, eq)), line, true});
        else items.push_back({line, line, false});
    }
    return items;
}

// A table: the header, then each row (maybe several lines, when quoted) by its first field.
std::optional<Items> row_items(const std::string& text) {
    const CsvResult csv = parse_csv(text);
    // Rows are cut out by their lines: a byte-order mark or a lone carriage return (a line end
    // to the CSV reader, not to lines_of) would move them; such a file is left to git's merge.
    for (size_t at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1))
        if (at + 1 == text.size() || text[at + 1] != '\n') return std::nullopt;
    if (!csv.error.empty() || text.starts_with("\xEF\xBB\xBF")) return std::nullopt;
    if (csv.rows.empty()) return Items{{text, text, false}};  // blank lines only
    const auto lines = lines_of(text);
    Items items;
    for (size_t r = 0; r < csv.rows.size(); ++r) {
        const size_t first = r == 0 ? 0 : size_t(csv.rows[r].line - 1);  // blank lines above the header go with it
        const size_t end = r + 1 < csv.rows.size() ? size_t(csv.rows[r + 1].line - 1) : lines.size();
        std::string whole;
        for (size_t l = first; l < end && l < lines.size(); ++l) whole += lines[l];
        if (r == 0) items.push_back({whole, whole, false});
        else items.push_back({csv.rows[r].fields.empty() ? whole : csv.rows[r].fields[0], whole, true});
    }
    return items;
}

std::optional<Items> items_of(const std::string& path, const std::string& text) {
    if (path.ends_with(".csv")) return row_items(text);
    return key_value_items(text);
}

std::map<std::string, std::string> keyed(const Items& items) {
    std::map<std::string, std::string> out;
    for (const auto& i : items)
        if (i.keyed) out[i.key] = i.text;
    return out;
}

std::vector<std::string> unkeyed(const Items& items) {
    std::vector<std::string> out;
    for (const auto& i : items)
        if (!i.keyed) out.push_back(i.text);
    return out;
}

}  // namespace

bool merges_by_item(const std::string& path) {
    return path.ends_with(".csv") || path.ends_with("/strings.txt") || path.ends_with("/spoken.txt");
}

std::optional<std::string> merge_items(const std::string& path, const std::string& base, const std::string& theirs, const std::string& yours) {
    const auto b = items_of(path, base), t = items_of(path, theirs), y = items_of(path, yours);
    if (!b || !t || !y) return std::nullopt;
    if (unkeyed(*b) != unkeyed(*y)) return std::nullopt;  // a comment or the header changed: for people to settle
    const auto base_items = keyed(*b), their_items = keyed(*t), your_items = keyed(*y);
    const auto keys = [](const Items& items) { return static_cast<size_t>(std::count_if(items.begin(), items.end(), [](const Item& i) { return i.keyed; })); };
    if (base_items.size() != keys(*b) || their_items.size() != keys(*t) || your_items.size() != keys(*y)) return std::nullopt;  // a key twice
    Items result = *t;
    const auto find = [&](const std::string& key) {
        return std::find_if(result.begin(), result.end(), [&](const Item& i) { return i.keyed && i.key == key; });
    };
    // Your changes and additions, in your order, each after the item before it in your text.
    std::string previous;
    for (const auto& item : *y) {
        if (!item.keyed) continue;
        const auto was = base_items.find(item.key);
        const auto now = their_items.find(item.key);
        const bool changed_by_you = was == base_items.end() || was->second != item.text;
        if (changed_by_you) {
            const bool changed_by_them = was == base_items.end() ? now != their_items.end() : (now == their_items.end() || now->second != was->second);
            if (changed_by_them && (now == their_items.end() || now->second != item.text)) return std::nullopt;
            if (const auto at = find(item.key); at != result.end()) at->text = item.text;
            else if (const auto before = previous.empty() ? result.end() : find(previous); before != result.end()) result.insert(before + 1, item);
            else result.insert(std::find_if(result.begin(), result.end(), [](const Item& i) { return i.keyed; }), item);  // first: before their first
        }
        previous = item.key;
    }
    // Your removals, where they left the item as it was.
    for (const auto& [key, text] : base_items) {
        if (your_items.contains(key)) continue;
        const auto now = their_items.find(key);
        if (now == their_items.end()) continue;
        if (now->second != text) return std::nullopt;
        result.erase(find(key));
    }
    std::string out;
    for (size_t k = 0; k < result.size(); ++k) {
        out += result[k].text;
        if (k + 1 < result.size() && !out.ends_with('\n')) out += '\n';  // a last line without one is no longer last
    }
    return out;
}

}  // namespace content::console
