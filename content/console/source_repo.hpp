#pragma once
// The content source folder as a git repository (libgit2, its one user here): every save from
// the console is a commit with the editor's name, so the history of each file, what changed and
// who changed it come from git, and a content manager may still edit by hand and commit.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct git_repository;

namespace content::console {

struct SourceCommit {
    std::string id, author, message;
    std::int64_t time = 0;  // seconds since the epoch
};

class SourceRepo {
public:
    /// Opens the repository at `source`; a folder that is not one yet becomes one, its files
    /// committed as they are. Throws std::runtime_error with libgit2's message.
    explicit SourceRepo(const std::filesystem::path& source);
    ~SourceRepo();
    SourceRepo(const SourceRepo&) = delete;
    SourceRepo& operator=(const SourceRepo&) = delete;

    const std::filesystem::path& folder() const { return source_; }
    /// The id of `path`'s content in the last commit, or in commit `at` ("" when it has none):
    /// what an editor's change is based on, so two changes of one file never overwrite each
    /// other silently.
    std::string revision(const std::string& path, const std::string& at = "HEAD") const;
    /// Writes `text` to `path` and commits it alone, by `author`. Returns the commit's id.
    std::string commit(const std::string& path, const std::string& text, const std::string& author, const std::string& message);
    /// The commits that changed `path`, newest first, at most `count`.
    std::vector<SourceCommit> history(const std::string& path, int count) const;
    /// `path` as commit `id` had it; none when it had no such file.
    std::optional<std::string> file_at(const std::string& id, const std::string& path) const;
    /// The text a revision() named, for merging a change made on it; none when unknown.
    std::optional<std::string> text_of(const std::string& revision) const;
    /// The first parent of commit `id`; "" for the first commit.
    std::string parent_of(const std::string& id) const;

    /// HEAD's commit id; "" before the first commit.
    std::string head() const;
    /// Commits `paths` as the folder holds them now (written already), by `author`.
    std::string commit_paths(const std::vector<std::string>& paths, const std::string& author, const std::string& message);
    /// Commits everything the folder holds now, deletions included, by `author`.
    std::string commit_all(const std::string& author, const std::string& message);
    /// Names HEAD `name` (a lightweight tag such as published/v7), moving the name if it exists.
    void tag_head(const std::string& name);
    /// The commit a tag names; "" when there is no such tag.
    std::string tagged(const std::string& name) const;
    /// Writes the files of commit `id` into `folder` (which must not exist yet).
    void export_files(const std::string& id, const std::filesystem::path& folder) const;
    /// Replaces the folder's files (not .git) by those of commit `id`; commit them with commit_all.
    void check_out_files(const std::string& id);
    /// The commits after `since` up to HEAD, newest first; all of them when `since` is "".
    std::vector<SourceCommit> commits_since(const std::string& since) const;

private:
    std::vector<SourceCommit> walk(const std::string& path, const std::string& since, int count) const;

    std::filesystem::path source_;
    git_repository* repo_ = nullptr;
};

/// Merges two changes of one text made from `base` line by line, as git merges files: changes
/// to different items (a key of strings.txt, a row of a table, a block of a guide) both kept.
/// None when both changed the same lines: a conflict, for the people to settle.
std::optional<std::string> merge_texts(const std::string& base, const std::string& theirs, const std::string& yours);

}  // namespace content::console
