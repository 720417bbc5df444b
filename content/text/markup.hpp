#pragma once
// The guide body markup (docs/content-format.md): headings, paragraphs, numbered steps, list
// items, **bold** and [links](target). Parsed once per guide into blocks of styled spans that
// the kiosk lays out; the parser knows nothing of fonts or screens.
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct Span {
    std::string text;
    bool bold = false;
    std::string target;  // empty unless the span is a link: link:<id>, an id of links.csv
    bool is_link() const { return !target.empty(); }
};

enum class BlockKind { Heading, Subheading, Paragraph, Step, Bullet };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    std::vector<Span> spans;
    int number = 0;  // 1-based position for steps
    int line = 0;    // line in the body, for error messages
};

struct MarkupError {
    int line = 0;
    std::string problem;
    std::string fix;
};

struct Markup {
    std::vector<Block> blocks;
    std::vector<MarkupError> errors;
};

Markup parse_markup(std::string_view body);

/// What a line of a body starts: its block kind and the length of its marker ("## ", "- ",
/// "12. "); a plain line is a Paragraph with no marker. The one rule parse_markup and the
/// translation tools' block splitting (body_blocks.hpp) share.
struct LineStart {
    BlockKind kind = BlockKind::Paragraph;
    size_t marker = 0;
    bool bad_heading = false;  // # marks that are not "# " or "## " (marker covers them)
};
LineStart line_start(std::string_view line);

/// The link targets a body refers to (with their lines), for reference checks.
struct LinkReference {
    int line;
    std::string target;
};
std::vector<LinkReference> link_references(const Markup& markup);

/// Text of a block without markup, for search and tests.
std::string plain_text(const Block& block);

}  // namespace content
