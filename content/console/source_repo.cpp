#include "content/console/source_repo.hpp"

#include <git2.h>

#include <fstream>
#include <memory>
#include <stdexcept>

#include "content/text/text_files.hpp"

namespace content::console {

namespace {

// libgit2's last error as an exception, with what was being done.
void check(int code, const std::string& doing) {
    if (code >= 0) return;
    const git_error* e = git_error_last();
    throw std::runtime_error(doing + ": " + (e && e->message ? e->message : "libgit2 error " + std::to_string(code)));
}

template <class T, void (*Free)(T*)>
struct Owned {
    T* p = nullptr;
    ~Owned() {
        if (p) Free(p);
    }
};
using Object = Owned<git_object, git_object_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Index = Owned<git_index, git_index_free>;
using Signature = Owned<git_signature, git_signature_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Entry = Owned<git_tree_entry, git_tree_entry_free>;

std::string hex(const git_oid* id) {
    char text[GIT_OID_HEXSZ + 1];
    git_oid_tostr(text, sizeof text, id);
    return text;
}

// The blob id of `path` in `tree`, "" when it has none.
std::string blob_in(git_tree* tree, const std::string& path) {
    Entry entry;
    if (git_tree_entry_bypath(&entry.p, tree, path.c_str()) != 0) return {};
    return hex(git_tree_entry_id(entry.p));
}

// Commits the index as it is, on top of HEAD when there is one.
std::string commit_index(git_repository* repo, const std::string& author, const std::string& message) {
    Index index;
    check(git_repository_index(&index.p, repo), "reading the index");
    git_oid tree_id, commit_id, head_id;
    check(git_index_write_tree(&tree_id, index.p), "writing the tree");
    Tree tree;
    check(git_tree_lookup(&tree.p, repo, &tree_id), "reading the tree");
    Signature who;
    check(git_signature_now(&who.p, author.c_str(), (author + "@kiosk-console").c_str()), "naming the author");
    Commit parent;
    if (git_reference_name_to_id(&head_id, repo, "HEAD") == 0) check(git_commit_lookup(&parent.p, repo, &head_id), "reading HEAD");
    const git_commit* parents[] = {parent.p};
    check(git_commit_create(&commit_id, repo, "HEAD", who.p, who.p, "UTF-8", message.c_str(), tree.p, parent.p ? 1 : 0, parents),
          "committing");
    return hex(&commit_id);
}

}  // namespace

SourceRepo::SourceRepo(const std::filesystem::path& source) : source_(source) {
    git_libgit2_init();
    if (git_repository_open(&repo_, source.c_str()) == 0) return;
    check(git_repository_init(&repo_, source.c_str(), 0), "making " + source.string() + " a git repository");
    Index index;
    check(git_repository_index(&index.p, repo_), "reading the index");
    check(git_index_add_all(index.p, nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "adding the source's files");
    check(git_index_write(index.p), "writing the index");
    commit_index(repo_, "kiosk-console", "The source as the console found it");
}

SourceRepo::~SourceRepo() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
}

std::string SourceRepo::revision(const std::string& path, const std::string& at) const {
    Object head;
    if (git_revparse_single(&head.p, repo_, (at + "^{tree}").c_str()) != 0) return {};
    return blob_in(reinterpret_cast<git_tree*>(head.p), path);
}

std::string SourceRepo::commit(const std::string& path, const std::string& text, const std::string& author, const std::string& message) {
    write_file_atomically(source_ / path, text, 0644);
    return commit_paths({path}, author, message);
}

std::vector<SourceCommit> SourceRepo::history(const std::string& path, int count) const { return walk(path, "", count); }

std::vector<SourceCommit> SourceRepo::commits_since(const std::string& since) const { return walk("", since, 100000); }

// HEAD's ancestry, newest first, down to `since` (left out); with a path, only the commits that
// changed it.
std::vector<SourceCommit> SourceRepo::walk(const std::string& path, const std::string& since, int count) const {
    std::vector<SourceCommit> out;
    Walk walk;
    check(git_revwalk_new(&walk.p, repo_), "walking the history");
    git_revwalk_sorting(walk.p, GIT_SORT_TIME | GIT_SORT_TOPOLOGICAL);
    if (git_revwalk_push_head(walk.p) != 0) return out;
    git_oid stop;
    if (!since.empty() && git_oid_fromstr(&stop, since.c_str()) == 0) git_revwalk_hide(walk.p, &stop);
    git_oid id;
    while (static_cast<int>(out.size()) < count && git_revwalk_next(&id, walk.p) == 0) {
        Commit c, parent;
        check(git_commit_lookup(&c.p, repo_, &id), "reading a commit");
        if (!path.empty()) {
            Tree tree, parent_tree;
            check(git_commit_tree(&tree.p, c.p), "reading a commit's tree");
            const std::string here = blob_in(tree.p, path);
            std::string before;
            if (git_commit_parentcount(c.p) > 0 && git_commit_parent(&parent.p, c.p, 0) == 0 && git_commit_tree(&parent_tree.p, parent.p) == 0)
                before = blob_in(parent_tree.p, path);
            if (here == before) continue;  // this commit left the file as it was
        }
        const git_signature* author = git_commit_author(c.p);
        out.push_back({hex(&id), author->name, git_commit_message(c.p), static_cast<std::int64_t>(author->when.time)});
    }
    return out;
}

std::optional<std::string> SourceRepo::file_at(const std::string& id, const std::string& path) const {
    Object blob;
    if (git_revparse_single(&blob.p, repo_, (id + ":" + path).c_str()) != 0 || git_object_type(blob.p) != GIT_OBJECT_BLOB) return std::nullopt;
    const auto* b = reinterpret_cast<git_blob*>(blob.p);
    return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
}

std::optional<std::string> SourceRepo::text_of(const std::string& revision) const {
    git_oid id;
    Object blob;
    if (revision.empty() || git_oid_fromstr(&id, revision.c_str()) != 0 || git_object_lookup(&blob.p, repo_, &id, GIT_OBJECT_BLOB) != 0)
        return std::nullopt;
    const auto* b = reinterpret_cast<git_blob*>(blob.p);
    return std::string(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<size_t>(git_blob_rawsize(b)));
}

std::string SourceRepo::parent_of(const std::string& id) const {
    git_oid oid;
    Commit c, parent;
    if (git_oid_fromstr(&oid, id.c_str()) != 0 || git_commit_lookup(&c.p, repo_, &oid) != 0 || git_commit_parent(&parent.p, c.p, 0) != 0) return {};
    return hex(git_commit_id(parent.p));
}

std::string SourceRepo::head() const {
    git_oid id;
    return git_reference_name_to_id(&id, repo_, "HEAD") == 0 ? hex(&id) : std::string();
}

std::string SourceRepo::commit_paths(const std::vector<std::string>& paths, const std::string& author, const std::string& message) {
    Index index;
    check(git_repository_index(&index.p, repo_), "reading the index");
    for (const auto& path : paths) check(git_index_add_bypath(index.p, path.c_str()), "adding " + path);
    check(git_index_write(index.p), "writing the index");
    return commit_index(repo_, author, message);
}

std::string SourceRepo::commit_all(const std::string& author, const std::string& message) {
    Index index;
    check(git_repository_index(&index.p, repo_), "reading the index");
    check(git_index_add_all(index.p, nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr), "adding the source's files");
    check(git_index_update_all(index.p, nullptr, nullptr, nullptr), "noting removed files");
    check(git_index_write(index.p), "writing the index");
    return commit_index(repo_, author, message);
}

void SourceRepo::tag_head(const std::string& name) {
    Object head;
    check(git_revparse_single(&head.p, repo_, "HEAD"), "reading HEAD");
    git_oid id;
    check(git_tag_create_lightweight(&id, repo_, name.c_str(), head.p, 1), "naming the commit " + name);
}

std::string SourceRepo::tagged(const std::string& name) const {
    Object target;
    if (git_revparse_single(&target.p, repo_, ("refs/tags/" + name + "^{commit}").c_str()) != 0) return {};
    return hex(git_object_id(target.p));
}

void SourceRepo::export_files(const std::string& id, const std::filesystem::path& folder) const {
    Object tree;
    check(git_revparse_single(&tree.p, repo_, (id + "^{tree}").c_str()), "reading commit " + id);
    struct Export {
        git_repository* repo;
        const std::filesystem::path& folder;
    } target{repo_, folder};
    std::filesystem::create_directories(folder);
    const auto write = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        const auto& to = *static_cast<Export*>(payload);
        const std::filesystem::path path = to.folder / root / git_tree_entry_name(entry);
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
            std::filesystem::create_directories(path);
            return 0;
        }
        Object blob;
        if (git_tree_entry_to_object(&blob.p, to.repo, entry) != 0) return -1;
        const auto* b = reinterpret_cast<git_blob*>(blob.p);
        std::ofstream out(path, std::ios::binary);  // a scratch copy: no need to sync it
        out.write(static_cast<const char*>(git_blob_rawcontent(b)), static_cast<std::streamsize>(git_blob_rawsize(b)));
        return out ? 0 : -1;
    };
    check(git_tree_walk(reinterpret_cast<git_tree*>(tree.p), GIT_TREEWALK_PRE, write, &target), "writing the files of commit " + id);
}

void SourceRepo::check_out_files(const std::string& id) {
    Object tree;
    check(git_revparse_single(&tree.p, repo_, (id + "^{tree}").c_str()), "reading commit " + id);
    git_checkout_options options;
    check(git_checkout_options_init(&options, GIT_CHECKOUT_OPTIONS_VERSION), "preparing the checkout");
    options.checkout_strategy = GIT_CHECKOUT_FORCE;  // files HEAD has and the commit lacks are removed
    check(git_checkout_tree(repo_, tree.p, &options), "taking the files of commit " + id);
}

std::optional<std::string> merge_texts(const std::string& base, const std::string& theirs, const std::string& yours) {
    git_merge_file_input in[3];
    const std::string* texts[3] = {&base, &theirs, &yours};
    for (int i = 0; i < 3; ++i) {
        git_merge_file_input_init(&in[i], GIT_MERGE_FILE_INPUT_VERSION);
        in[i].ptr = texts[i]->data();
        in[i].size = texts[i]->size();
    }
    git_libgit2_init();  // usable without a SourceRepo open
    git_merge_file_result result{};
    check(git_merge_file(&result, &in[0], &in[1], &in[2], nullptr), "merging two changes");
    std::optional<std::string> merged;
    if (result.automergeable) merged.emplace(result.ptr, result.len);
    git_merge_file_result_free(&result);
    git_libgit2_shutdown();
    return merged;
}

}  // namespace content::console
