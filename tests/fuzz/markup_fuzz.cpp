// Fuzzes the guide markup parser (content/text/markup.cpp): every guide body of a source, of a
// translator's PO file and of a bundle the kiosk opens goes through it; and the translation
// tools' cutting of a body into blocks (body_blocks.cpp), which must see the parser's blocks and
// put them back together unchanged.
#include "content/text/body_blocks.hpp"
#include "content/text/markup.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Markup markup = parse_markup(fuzz::text_of(data, size));
    int last_line = 0;
    for (const auto& block : markup.blocks) {
        fuzz::require(block.line > last_line);  // blocks in the order of their lines
        last_line = block.line;
        fuzz::require(block.kind == BlockKind::Step ? block.number >= 1 : block.number == 0);
        (void)plain_text(block);
    }
    for (const auto& e : markup.errors) fuzz::require(e.line >= 1 && !e.problem.empty() && !e.fix.empty());
    for (const auto& ref : link_references(markup)) fuzz::require(!ref.target.empty());

    const auto blocks = split_body(fuzz::text_of(data, size));
    fuzz::require(blocks.size() == markup.blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) fuzz::require(blocks[i].kind == markup.blocks[i].kind && blocks[i].line == markup.blocks[i].line);
    if (markup.errors.empty()) {  // a body the source accepts: joined, it splits into the same blocks
        const auto again = split_body(join_body(blocks));
        fuzz::require(again.size() == blocks.size());
        for (size_t i = 0; i < again.size(); ++i) fuzz::require(again[i].kind == blocks[i].kind && again[i].text == blocks[i].text);
    }
    return 0;
}
