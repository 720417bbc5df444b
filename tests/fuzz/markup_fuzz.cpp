// Fuzzes the guide markup parser (content/text/markup.cpp): every guide body of a source, of a
// translator's PO file and of a bundle the kiosk opens goes through it.
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
    return 0;
}
