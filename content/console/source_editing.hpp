#pragma once
// Saving a content manager's change to one file of the source: who may change which file, the
// whole source checked with the change in it before anything is written (the same loader as
// `kiosk-bundle validate`), a change made on an older version of the file refused with both
// texts, and a saved change committed by its author.
#include <optional>
#include <string>
#include <vector>

#include "content/console/accounts.hpp"
#include "content/console/source_repo.hpp"
#include "content/text/diagnostics.hpp"

namespace content::console {

/// Why `user` may not change `path`, or none when they may. Only the source's own files
/// (bundle-relative paths such as lang/ar/guides/food-help.md, places.csv) can be changed;
/// a translator changes only their languages' folders; a publisher publishes and changes nothing.
std::optional<std::string> edit_refusal(const std::string& path, const User& user);

struct SaveResult {
    enum class Kind { Saved, Conflict, Invalid } kind = Kind::Saved;
    std::string commit;                // Saved: the commit's id
    std::string revision;              // Saved: the file's new revision; Conflict: the current one
    std::string current;               // Conflict: the file as someone else saved it
    std::vector<Diagnostic> problems;  // Invalid: every error the source would have, with the change
};

/// Saves `text` as `path`, made from revision `base` (what revision() said when the editor
/// opened it). Call only when edit_refusal() said none.
SaveResult save_file(SourceRepo& repo, const std::string& path, const std::string& text, const std::string& base, const User& user);

}  // namespace content::console
