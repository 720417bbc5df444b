#include "content/text/body_blocks.hpp"

#include "content/text/text_files.hpp"

namespace content {

std::vector<BodyBlock> split_body(std::string_view body) {
    std::vector<BodyBlock> blocks;
    bool open_paragraph = false, blank = false;
    for_each_line(body, [&](int line_no, const std::string& line) {
        if (line.empty()) {
            open_paragraph = false;
            blank = !blocks.empty();
            return;
        }
        const LineStart start = line_start(line);
        const std::string text = line.substr(start.marker);
        if (start.kind == BlockKind::Paragraph && open_paragraph) {
            // As parse_markup: a plain line right after another continues its paragraph.
            if (!blocks.back().text.empty() && !text.empty()) blocks.back().text += ' ';
            blocks.back().text += text;
            return;
        }
        blocks.push_back({start.kind, text, line_no, blank});
        blank = false;
        open_paragraph = start.kind == BlockKind::Paragraph;
    });
    return blocks;
}

std::string join_body(const std::vector<BodyBlock>& blocks) {
    std::string out;
    int step = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const BodyBlock& b = blocks[i];
        const bool after_paragraph = i > 0 && b.kind == BlockKind::Paragraph && blocks[i - 1].kind == BlockKind::Paragraph;
        if (i > 0 && (b.blank_before || after_paragraph)) out += '\n';
        step = b.kind == BlockKind::Step ? step + 1 : 0;
        switch (b.kind) {
            case BlockKind::Heading: out += "# "; break;
            case BlockKind::Subheading: out += "## "; break;
            case BlockKind::Bullet: out += "- "; break;
            case BlockKind::Step: out += std::to_string(step) + ". "; break;
            case BlockKind::Paragraph:
                // A paragraph that reads "2. …" or "- …" came from lines "2." and "…": written on
                // one line it would become a step, so it keeps a break after each such start.
                for (std::string_view rest = b.text;;) {
                    const LineStart start = line_start(rest);
                    if (start.marker == 0 || start.bad_heading) {
                        out += std::string(rest) + "\n";
                        break;
                    }
                    out += std::string(rest.substr(0, start.marker - 1)) + "\n";
                    rest.remove_prefix(start.marker);
                }
                continue;
        }
        out += b.text + "\n";
    }
    return out;
}

const char* block_kind_name(BlockKind kind) {
    switch (kind) {
        case BlockKind::Heading: return "heading";
        case BlockKind::Subheading: return "smaller heading";
        case BlockKind::Step: return "step";
        case BlockKind::Bullet: return "list item";
        case BlockKind::Paragraph: break;
    }
    return "paragraph";
}

}  // namespace content
