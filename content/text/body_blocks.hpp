#pragma once
// A guide body cut into the pieces a translator translates one at a time: each heading,
// paragraph, step and list item, with its inline markup (**bold**, [text](link:id)) kept and its
// line marker ("# ", "1. ") taken off, and put back together from such pieces. Blocks are
// those of parse_markup (markup.hpp): a paragraph's lines are one block, joined by a space.
#include <string>
#include <string_view>
#include <vector>

#include "content/text/markup.hpp"

namespace content {

struct BodyBlock {
    BlockKind kind = BlockKind::Paragraph;
    std::string text;  // inline markup, one line
    int line = 0;      // the block's first line in the body
    bool blank_before = false;  // a blank line between it and the block before
};

std::vector<BodyBlock> split_body(std::string_view body);

/// The body the blocks make: each on its own line, after a blank one where `blank_before` says
/// (and always between two paragraphs, which would otherwise be one), steps numbered 1, 2, 3
/// from each run's start. split_body(join_body(b)) gives b back (lines aside), and a body
/// written one line per block is given back byte for byte.
std::string join_body(const std::vector<BodyBlock>& blocks);

/// "paragraph", "step", … as a translator's note names a block.
const char* block_kind_name(BlockKind kind);

}  // namespace content
