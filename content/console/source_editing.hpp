#pragma once
// Saving a content manager's change to one file of the source: who may change which file, the
// whole source checked with the change in it before anything is written (the same loader as
// `kiosk-bundle validate`), a change made on an older version of the file refused with both
// texts (unless the two changes touch different items and merge), and a saved change committed
// by its author.
#include <filesystem>
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

/// The errors among `d`, files named relative to `root` (the folder that was loaded).
std::vector<Diagnostic> errors_in(const Diagnostics& d, const std::filesystem::path& root);

/// A scratch copy of the source's files (not .git), removed with the object: changes are tried
/// there and only a change that reads whole is written to the source.
struct TrialCopy {
    explicit TrialCopy(const std::filesystem::path& source);
    ~TrialCopy();
    TrialCopy(const TrialCopy&) = delete;
    TrialCopy& operator=(const TrialCopy&) = delete;
    std::filesystem::path folder;
    /// The errors the copy has as a source, files named relative to it.
    std::vector<Diagnostic> errors() const;
};

/// Every error the whole source would have with `text` as `path`, checked in a copy (the same
/// loader as `kiosk-bundle validate`); files named relative to the source. Nothing is written.
std::vector<Diagnostic> source_errors_with(const std::filesystem::path& source, const std::string& path, const std::string& text);

struct SaveResult {
    enum class Kind { Saved, Conflict, Invalid } kind = Kind::Saved;
    bool merged = false;               // Saved: with another change made meanwhile to other items of the file
    std::string commit;                // Saved: the commit's id; "" when the text was the file's already
    std::string revision;              // Saved: the file's new revision; Conflict: the current one
    std::string current;               // Conflict: the file as someone else saved it
    std::vector<Diagnostic> problems;  // Invalid: every error the source would have, with the change
};

/// Saves `text` as `path`, made from revision `base` (what revision() said when the editor
/// opened it). When someone saved the file meanwhile, the two changes are merged if they touch
/// different items (merge_texts), else it is a conflict. Call only when edit_refusal() said none.
SaveResult save_file(SourceRepo& repo, const std::string& path, const std::string& text, const std::string& base, const User& user);

}  // namespace content::console
