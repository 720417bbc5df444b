#pragma once
// Changing one text in a source file and nothing else: the other lines, comments, order and
// line endings stay byte for byte, so a translation import diffs as exactly what it changed.
#include <optional>
#include <string>

namespace content {

/// A strings.txt text with `key`'s line holding `value` (what is left of the `=` kept as it
/// was), or, when the file has no such key, a `key = value` line appended.
std::string set_string(std::string file_text, const std::string& key, const std::string& value);

/// The fields of a guide file to change; the others stay as they are.
struct GuideEdit {
    std::optional<std::string> title, summary;
    std::optional<std::string> body;  // everything below the --- line
};

/// A guide file (docs/content-format.md) with the edit's fields changed: the `title:` and
/// `summary:` lines replaced (a missing one added above ---), the body replaced whole. Without
/// `file_text`, a new file `title: ...`, `summary: ...`, `---`, body; the edit must then have a
/// title and a body.
std::string set_guide_fields(const std::optional<std::string>& file_text, const GuideEdit& edit);

}  // namespace content
