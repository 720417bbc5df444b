// Fuzzes the reading of translators' PO files (content/translate/po_file.cpp): GNU libgettextpo
// does the reading, through our error handlers, which jump out of the library on a fatal error.
// What reads must write and read back the same.
#include "content/translate/po_file.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::scratch() / "in.po";
    fuzz::write(path, fuzz::text_of(data, size));
    const PoRead read = read_po(path);
    for (const auto& p : read.problems) fuzz::require(p.line >= 0 && !p.message.empty());
    if (!read.problems.empty()) return 0;
    std::vector<PoEntry> entries;
    for (const auto& e : read.entries)
        if (!e.obsolete && !e.has_plural) entries.push_back(e);
    PoHeader header;
    for (const auto& field : read.header) header.push_back(field);
    try {
        fuzz::write(path, write_po(header, entries));
    } catch (const std::runtime_error&) {
        return 0;  // libgettextpo refuses to write what it read (a message it cannot encode)
    }
    const PoRead again = read_po(path);
    fuzz::require(again.problems.empty() && again.entries.size() == entries.size());
    for (size_t i = 0; i < entries.size(); ++i)
        fuzz::require(again.entries[i].msgctxt == entries[i].msgctxt && again.entries[i].msgid == entries[i].msgid &&
                      again.entries[i].msgstr == entries[i].msgstr && again.entries[i].fuzzy == entries[i].fuzzy);
    return 0;
}
