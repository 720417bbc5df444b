// Fuzzes the `key = value` readers (content/text/text_files.cpp): bundle.ini, strings.txt, a
// guide's header, keyboards.txt and map/layers.txt in blocks, the kiosk's configuration, and the
// store's status file, which the admin panel reads back (the kiosk status report).
#include "content/text/text_files.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const KeyValueResult lines = parse_key_values(text);
    for (const auto& e : lines.entries) fuzz::require(e.line >= 1 && !e.key.empty() && trim(e.key) == e.key);
    const KeyValueBlocks blocks = parse_key_value_blocks(text);
    for (const auto& block : blocks.blocks)
        for (const auto& e : block.entries) fuzz::require(e.line >= block.first_line && !e.key.empty());
    (void)split_words(text);
    return 0;
}
