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
    /// The id of `path`'s content in the last commit ("" when it has none): what an editor's
    /// change is based on, so two changes of one file never overwrite each other silently.
    std::string revision(const std::string& path) const;
    /// Writes `text` to `path` and commits it alone, by `author`. Returns the commit's id.
    std::string commit(const std::string& path, const std::string& text, const std::string& author, const std::string& message);
    /// The commits that changed `path`, newest first, at most `count`.
    std::vector<SourceCommit> history(const std::string& path, int count) const;
    /// `path` as commit `id` had it; none when it had no such file.
    std::optional<std::string> file_at(const std::string& id, const std::string& path) const;

private:
    std::filesystem::path source_;
    git_repository* repo_ = nullptr;
};

}  // namespace content::console
