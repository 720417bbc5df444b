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
    std::vector<std::string> files_written;  // relative to the source
};

/// Reads `po`, checks it against `source` (the PO syntax, its Language, each entry's msgctxt,
/// msgid, fuzzy flag, placeholders and guide markup), and when nothing is refused writes the
/// changed files of lang/<code>/, each atomically. Refusals go into `diagnostics`, all of them,
/// and the result is then nullopt with no file changed.
std::optional<PoImport> import_po(const std::filesystem::path& source, const std::filesystem::path& po, Diagnostics& diagnostics);

/// The one line `kiosk-bundle import-po` prints.
std::string import_summary(const PoImport& import);

}  // namespace content
