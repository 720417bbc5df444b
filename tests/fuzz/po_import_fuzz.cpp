// Fuzzes `kiosk-bundle import-po` (content/translate/po_import.cpp) on a copy of the small
// source tests/fuzz/source (English and Italian, one guide): the PO file is read, then every
// entry checked against the source (placeholders, plural forms, guide markup) before anything is
// written. A refused file must leave the source as it was; an accepted one is undone for the
// next input.
#include <map>

#include "content/text/text_files.hpp"
#include "content/translate/po_import.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) files[entry.path().string()] = content::read_file(entry.path()).value_or("");
    return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path source = [] {
        const fs::path copy = fuzz::scratch() / "source";
        fs::remove_all(copy);
        fs::copy(KIOSK_FUZZ_SOURCE, copy, fs::copy_options::recursive);
        return copy;
    }();
    static const auto original = files_of(source / "lang");
    const fs::path po = fuzz::scratch() / "in.po";
    fuzz::write(po, fuzz::text_of(data, size));
    content::Diagnostics d;
    const auto imported = content::import_po(source, po, d);
    fuzz::require(imported.has_value() != d.has_errors());
    const auto now = files_of(source / "lang");
    if (!imported) fuzz::require(now == original);  // refused: nothing changed
    if (now != original) {
        fs::remove_all(source / "lang");
        for (const auto& [path, text] : original) fuzz::write(path, text);
    }
    return 0;
}
