#include "content/build/facts.hpp"

#include <algorithm>

#include "content/text/text_files.hpp"

namespace content {

namespace {

constexpr std::string_view kPrefix = "{place.";
constexpr std::string_view kWordless = "[](link:";

bool id_char(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'; }

const Place* find_place(const Content& c, const std::string& id) {
    const auto p = std::find_if(c.places.begin(), c.places.end(), [&](const Place& place) { return place.id == id; });
    return p == c.places.end() ? nullptr : &*p;
}

const Link* find_link(const Content& c, std::string_view id) {
    const auto l = std::find_if(c.links.begin(), c.links.end(), [&](const Link& link) { return link.id == id; });
    return l == c.links.end() ? nullptr : &*l;
}

const std::string* field_of(const Place& p, const std::string& field) {
    if (field == "phone") return &p.phone;
    if (field == "address") return &p.address;
    if (field == "name") return &p.name;
    return nullptr;
}

// The wordless links of a text: the offset of each `[](link:` not escaped, and its id.
std::vector<std::pair<size_t, std::string>> wordless_links(std::string_view text) {
    std::vector<std::pair<size_t, std::string>> found;
    for (size_t at = text.find(kWordless); at != std::string_view::npos; at = text.find(kWordless, at + 1)) {
        if (at > 0 && text[at - 1] == '\\') continue;
        const size_t close = text.find(')', at);
        if (close == std::string_view::npos) break;
        found.emplace_back(at, trim(text.substr(at + kWordless.size(), close - at - kWordless.size())));
    }
    return found;
}

// A phone number's digits, without Italy's +39 / 0039 in front, for comparing numbers written
// in different ways ("011 0112 5500", "+39-011-0112-5500").
std::string phone_digits(std::string_view text) {
    std::string digits;
    for (const char ch : text)
        if (ch >= '0' && ch <= '9') digits += ch;
    const bool international = text.find('+') != std::string_view::npos || digits.starts_with("0039");
    if (international && digits.starts_with("0039")) digits.erase(0, 4);
    else if (international && digits.starts_with("39")) digits.erase(0, 2);
    return digits;
}

struct WrittenNumber {
    size_t at = 0;
    std::string written, digits;
};

// The numbers written into a text: runs of digits, with the spaces, dashes, dots and slashes
// people group them with, at least 6 digits long.
std::vector<WrittenNumber> written_numbers(std::string_view text) {
    std::vector<WrittenNumber> found;
    for (size_t i = 0; i < text.size();) {
        if (!(text[i] >= '0' && text[i] <= '9') && text[i] != '+') {
            ++i;
            continue;
        }
        const size_t start = i;
        size_t end = i;
        while (i < text.size() && std::string_view("+0123456789 -./").find(text[i]) != std::string_view::npos) {
            if (text[i] >= '0' && text[i] <= '9') end = i + 1;
            ++i;
        }
        const std::string_view written = text.substr(start, end - start);
        if (const std::string digits = phone_digits(written); digits.size() >= 6) found.push_back({start, std::string(written), digits});
    }
    return found;
}

}  // namespace

std::vector<FactReference> fact_references(std::string_view text) {
    std::vector<FactReference> refs;
    for (size_t at = text.find(kPrefix); at != std::string_view::npos; at = text.find(kPrefix, at + 1)) {
        size_t i = at + kPrefix.size();
        const size_t id_start = i;
        while (i < text.size() && id_char(text[i])) ++i;
        if (i == id_start || i >= text.size() || text[i] != '.') continue;
        const size_t field_start = ++i;
        while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
        if (i >= text.size() || text[i] != '}') continue;
        refs.push_back({at, i + 1, std::string(text.substr(id_start, field_start - 1 - id_start)), std::string(text.substr(field_start, i - field_start))});
    }
    return refs;
}

std::optional<std::string> link_shown_text(const Link& link) {
    const std::string& t = link.target;
    if (t.starts_with("tel:")) {
        std::string number = t.substr(4);
        std::replace(number.begin(), number.end(), '-', ' ');
        return number;
    }
    for (const std::string_view scheme : {"https://", "http://"})
        if (t.starts_with(scheme) && link.kind != "directions") {
            const std::string rest = t.substr(scheme.size());
            return rest.substr(0, rest.find_first_of("/?#"));
        }
    return std::nullopt;
}

std::string fill_facts(const Content& c, const std::string& text) {
    if (text.find('{') == std::string::npos && text.find(kWordless) == std::string::npos) return text;
    std::string out;
    size_t done = 0;
    for (const auto& ref : fact_references(text)) {
        const Place* place = find_place(c, ref.place);
        const std::string* value = place ? field_of(*place, ref.field) : nullptr;
        if (value == nullptr || value->empty()) continue;
        out += text.substr(done, ref.begin - done) + *value;
        done = ref.end;
    }
    out += text.substr(done);
    std::string filled;
    done = 0;
    for (const auto& [at, id] : wordless_links(out)) {
        const Link* link = find_link(c, id);
        const auto shown = link ? link_shown_text(*link) : std::nullopt;
        if (!shown) continue;
        filled += out.substr(done, at + 1 - done) + *shown;  // after the [
        done = at + 1;
    }
    return filled + out.substr(done);
}

Content with_facts_filled(const Content& c) {
    Content out = c;
    for (auto& [lang, texts] : out.texts) {
        for (auto& [key, value] : texts.strings) value = fill_facts(c, value);
        for (auto& [id, guide] : texts.guides) {
            guide.title = fill_facts(c, guide.title);
            guide.summary = fill_facts(c, guide.summary);
            guide.body = fill_facts(c, guide.body);
        }
    }
    return out;
}

void check_facts(const Content& c, const std::function<bool(const std::string&, const std::string&)>& reported, Diagnostics& d) {
    // The known numbers, to find one written into a text instead of referred to: the edit that
    // changes it in places.csv or links.csv would miss that copy.
    std::vector<std::pair<std::string, std::string>> numbers;  // digits, the reference to write
    for (const auto& p : c.places)
        if (!phone_digits(p.phone).empty()) numbers.emplace_back(phone_digits(p.phone), "{place." + p.id + ".phone}");
    for (const auto& l : c.links)
        if (l.target.starts_with("tel:")) numbers.emplace_back(phone_digits(l.target.substr(4)), "[](link:" + l.id + ")");

    const auto check = [&](const std::string& file, int first_line, const std::string& item, const std::string& text) {
        const auto line_at = [&](size_t offset) { return first_line > 0 ? first_line + line_of_offset(text, offset) - 1 : 0; };
        for (const auto& ref : fact_references(text)) {
            const std::string written = "{place." + ref.place + "." + ref.field + "}";
            const Place* place = find_place(c, ref.place);
            const std::string* value = place ? field_of(*place, ref.field) : nullptr;
            if (place == nullptr && reported("places.csv", ref.place)) continue;
            if (place == nullptr)
                d.error(file, line_at(ref.begin), item, written + ": places.csv has no place \"" + ref.place + "\"", "write the id of a place of places.csv");
            else if (value == nullptr)
                d.error(file, line_at(ref.begin), item, written + ": a place has no \"" + ref.field + "\" to show here",
                        "write {place." + ref.place + ".phone}, .address or .name");
            else if (value->empty())
                d.error(file, line_at(ref.begin), item,
                        written + ": place \"" + ref.place + "\" has no " + ref.field + " in places.csv, so the text would show nothing",
                        "add the " + ref.field + " to places.csv, or write the text without it");
        }
        for (const auto& [at, id] : wordless_links(text)) {
            const Link* link = find_link(c, id);
            if (link && !link_shown_text(*link) && !reported("links.csv", id))
                d.error(file, line_at(at), item, "[](link:" + id + ") has no words, and a " + link->kind + " link has no number or address of its own to show",
                        "write the words to show between [ and ], e.g. [directions](link:" + id + ")");
        }
        for (const auto& number : written_numbers(text)) {
            const auto known = std::find_if(numbers.begin(), numbers.end(), [&](const auto& n) { return n.first == number.digits; });
            if (known != numbers.end())
                d.warning(file, line_at(number.at), item, "the number " + number.written + " is written into the text, so a change in places.csv or links.csv would not reach it",
                          "write " + known->second + " instead: the build puts the number there, in every language");
        }
    };
    for (const auto& [lang, texts] : c.texts) {
        const std::string folder = "lang/" + lang + "/";
        for (const auto& [key, value] : texts.strings) {
            const auto line = c.source_lines.find({folder + "strings.txt", key});
            check(folder + "strings.txt", line == c.source_lines.end() ? 0 : line->second, "key \"" + key + "\"", value);
        }
        for (const auto& [id, guide] : texts.guides) {
            const std::string file = folder + "guides/" + id + ".md";
            check(file, 1, "guide \"" + id + "\"", guide.title + "\n" + guide.summary);
            check(file, guide.body_line, "guide \"" + id + "\"", guide.body);
        }
    }
}

}  // namespace content
