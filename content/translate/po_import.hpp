#pragma once
// `kiosk-bundle import-po`: a translator's PO file back into the source's language folder.
// Everything is checked before anything is written, so a refused file changes nothing.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/text/diagnostics.hpp"

namespace content {

struct PoImport {
    std::string lang;
    int changed = 0;    // items whose text the PO file changes
    int added = 0;      // items the language did not have
    int unchanged = 0;  // translations equal to the source's
    int empty = 0;      // empty msgstr: not imported; an existing translation stays as it is
    int skipped = 0;    // stale, fuzzy or unknown entries: not imported, each a warning
    std::vector<std::string> files_written;  // relative to the source
};

/// Reads `po`, checks it against `source` (the PO syntax, its Language, each entry's msgctxt,
/// msgid, fuzzy flag, placeholders and guide markup), and when nothing is refused writes the
/// changed files of lang/<code>/, each atomically, and records in translated-from.txt the text
/// each imported or confirmed entry was translated from. An entry whose msgid the source no
/// longer has (stale), that is fuzzy, or whose item is gone, is left out with a warning and the
/// rest imported. Mistakes in an entry (placeholders, markup, a broken line) are refused: they go
/// into `diagnostics`, all of them, and the result is then nullopt with no file changed.
std::optional<PoImport> import_po(const std::filesystem::path& source, const std::filesystem::path& po, Diagnostics& diagnostics);

/// The one line `kiosk-bundle import-po` prints.
std::string import_summary(const PoImport& import);

}  // namespace content
