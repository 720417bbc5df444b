#include "content/text/markup.hpp"

#include <algorithm>

#include "content/text/text_files.hpp"

namespace content {

namespace {

// Only links of links.csv: each has a label in every language and opens its QR screen.
bool known_scheme(std::string_view target) {
    return target.starts_with("link:");
}

// Splits one logical line of text into spans, reporting unbalanced markers.
void parse_inline(std::string_view text, int line, Block& block, std::vector<MarkupError>& errors) {
    bool bold = false;
    Span current;
    auto flush = [&] {
        if (!current.text.empty()) block.spans.push_back(current);
        current = Span{};
        current.bold = bold;
    };
    current.bold = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && std::string_view("*[]\\").find(text[i + 1]) != std::string_view::npos) {
            current.text += text[++i];
        } else if (c == '*' && i + 1 < text.size() && text[i + 1] == '*') {
            flush();
            bold = !bold;
            current.bold = bold;
            ++i;
        } else if (c == '[') {
            const size_t close = text.find("](", i);
            const size_t end = close == std::string_view::npos ? close : text.find(')', close);
            if (end == std::string_view::npos) {
                errors.push_back({line, "a link starts with [ but has no ](target)",
                                  "write links as [text to show](link:<id>) or write \\[ for a plain ["});
                current.text += c;
                continue;
            }
            flush();
            Span link;
            link.text = std::string(text.substr(i + 1, close - i - 1));
            link.target = trim(text.substr(close + 2, end - close - 2));
            link.bold = bold;
            // No words, [](link:id): the build shows the link's number or host (build/facts.hpp).
            if (!known_scheme(link.target))
                errors.push_back({line, "link target \"" + link.target + "\" is not link:<id>",
                                  "add the phone number or address to links.csv with a label, and write [words](link:<id>): "
                                  "a tap on the words then opens its QR code"});
            block.spans.push_back(std::move(link));
            i = end;
        } else {
            current.text += c;
        }
    }
    if (bold)
        errors.push_back({line, "bold text opened with ** is never closed", "add the closing ** after the bold words"});
    flush();
}

}  // namespace

Markup parse_markup(std::string_view body) {
    Markup out;
    int step = 0;
    Block* paragraph = nullptr;  // the open paragraph that plain lines continue
    for_each_line(body, [&](int line_no, const std::string& line) {
        if (line.empty()) {
            paragraph = nullptr;
            return;
        }
        Block block;
        block.line = line_no;
        const LineStart start = line_start(line);
        block.kind = start.kind;
        if (start.bad_heading) {
            if (start.marker == line.size() && start.marker <= 2)
                out.errors.push_back({line_no, "a heading without words", "write the heading after the # and a space, or delete the line"});
            else
                out.errors.push_back({line_no, "only # and ## headings exist", "use # for a heading or ## for a smaller one, followed by a space"});
        }
        std::string_view rest = std::string_view(line).substr(start.marker);
        if (block.kind == BlockKind::Paragraph && paragraph) {
            // A plain line right after another continues the same paragraph.
            Block continuation;
            parse_inline(rest, line_no, continuation, out.errors);
            if (!paragraph->spans.empty() && !continuation.spans.empty()) paragraph->spans.back().text += ' ';
            for (auto& s : continuation.spans) paragraph->spans.push_back(std::move(s));
            return;
        }
        step = block.kind == BlockKind::Step ? step + 1 : 0;
        block.number = block.kind == BlockKind::Step ? step : 0;
        parse_inline(rest, line_no, block, out.errors);
        out.blocks.push_back(std::move(block));
        paragraph = out.blocks.back().kind == BlockKind::Paragraph ? &out.blocks.back() : nullptr;
    });
    return out;
}

LineStart line_start(std::string_view line) {
    if (line.starts_with("## ")) return {BlockKind::Subheading, 3};
    if (line.starts_with("# ")) return {BlockKind::Heading, 2};
    if (line.starts_with("- ")) return {BlockKind::Bullet, 2};
    if (const auto dot = line.find(". "); dot != std::string_view::npos && dot > 0 && dot <= 3 && line.find_first_not_of("0123456789") == dot)
        return {BlockKind::Step, dot + 2};
    // A line of only # (trimmed of its spaces) has nothing after the marks to skip to.
    if (line.starts_with("#")) return {BlockKind::Paragraph, std::min(line.find_first_not_of('#'), line.size()), true};
    return {};
}

std::vector<LinkReference> link_references(const Markup& markup) {
    std::vector<LinkReference> refs;
    for (const auto& b : markup.blocks)
        for (const auto& s : b.spans)
            if (s.is_link()) refs.push_back({b.line, s.target});
    return refs;
}

std::string plain_text(const Block& block) {
    std::string out;
    for (const auto& s : block.spans) out += s.text;
    return out;
}

}  // namespace content
