#include "content/console/source_editing.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string_view>

#include "content/build/source.hpp"
#include "content/console/item_merge.hpp"
#include "content/text/text_files.hpp"

namespace content::console {

namespace fs = std::filesystem;

namespace {

bool lower_letters(std::string_view s, size_t min, size_t max) {
    return s.size() >= min && s.size() <= max && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// The language folder of an editable path ("" for one of the source's tables); none when the
// console does not edit it. A fixed set of names: nothing outside the source, no .git, no fonts
// or map data by hand.
std::optional<std::string> editable_language(std::string_view path) {
    for (const char* table : {"places.csv", "stops.csv", "links.csv", "notices.csv", "categories.csv", "guides.csv"})
        if (path == table) return std::string();
    if (!path.starts_with("lang/")) return std::nullopt;
    path.remove_prefix(5);
    const size_t slash = path.find('/');
    if (slash == std::string_view::npos || !lower_letters(path.substr(0, slash), 2, 3)) return std::nullopt;
    const std::string_view file = path.substr(slash + 1);
    if (file == "strings.txt" || file == "spoken.txt") return std::string(path.substr(0, slash));
    if (!file.starts_with("guides/") || !file.ends_with(".md")) return std::nullopt;
    const std::string_view id = file.substr(7, file.size() - 10);
    const bool id_ok = !id.empty() && id.front() != '-' &&
                       std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
    return id_ok ? std::optional(std::string(path.substr(0, slash))) : std::nullopt;
}

std::atomic<int> trials{0};  // one trial folder per check, even for two checks of one revision

}  // namespace

std::optional<std::string> edit_refusal(const std::string& path, const User& user) {
    const auto lang = editable_language(path);
    if (!lang) return "\"" + path + "\" is not a file the console edits. Fix: open a guide, strings.txt or one of the source's CSV tables";
    if (user.role == Role::Publisher) return "a publisher reviews and publishes; changes are made by editors and translators";
    if (user.role == Role::Translator && std::find(user.languages.begin(), user.languages.end(), *lang) == user.languages.end())
        return user.name + " translates only into their languages. Fix: ask an editor, or an administrator to add the language";
    return std::nullopt;
}

TrialCopy::TrialCopy(const fs::path& source)
    : folder(fs::temp_directory_path() / ("kiosk-console-check-" + std::to_string(::getpid()) + "-" + std::to_string(++trials))) {
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (const auto& entry : fs::directory_iterator(source))
        if (entry.path().filename() != ".git") fs::copy(entry.path(), folder / entry.path().filename(), fs::copy_options::recursive);
}

TrialCopy::~TrialCopy() {
    std::error_code ignored;
    fs::remove_all(folder, ignored);
}

std::vector<Diagnostic> errors_in(const Diagnostics& d, const fs::path& root) {
    std::vector<Diagnostic> errors;
    const std::string prefix = root.string() + "/";
    for (auto item : d.all()) {
        if (item.severity != Diagnostic::Severity::Error) continue;
        if (item.file.starts_with(prefix)) item.file.erase(0, prefix.size());  // named as the editor knows it
        errors.push_back(std::move(item));
    }
    return errors;
}

std::vector<Diagnostic> TrialCopy::errors() const {
    Diagnostics diagnostics;
    load_source(folder, diagnostics);
    return errors_in(diagnostics, folder);
}

std::vector<Diagnostic> source_errors_with(const fs::path& source, const std::string& path, const std::string& text) {
    const TrialCopy trial(source);
    write_file_atomically(trial.folder / path, text, 0644);
    return trial.errors();
}

SaveResult save_file(SourceRepo& repo, const std::string& path, const std::string& text, const std::string& base, const User& user) {
    SaveResult result;
    const std::string current_revision = repo.revision(path);
    std::string to_save = text;
    if (base != current_revision) {
        const auto made_on = repo.text_of(base);
        const std::string current = read_file(repo.folder() / path).value_or("");
        auto merged = made_on ? merge_texts(*made_on, current, text) : std::nullopt;
        if (!merged && made_on && merges_by_item(path)) merged = merge_items(path, *made_on, current, text);
        if (!merged) {
            result.kind = SaveResult::Kind::Conflict;
            result.revision = current_revision;
            result.current = current;
            return result;
        }
        to_save = *merged;
        result.merged = true;
    }
    if (to_save == read_file(repo.folder() / path)) {  // nothing changes: no empty commit in the history
        result.revision = current_revision;
        return result;
    }
    result.problems = source_errors_with(repo.folder(), path, to_save);
    if (!result.problems.empty()) {
        result.kind = SaveResult::Kind::Invalid;
        return result;
    }
    result.commit = repo.commit(path, to_save, user.name, (result.merged ? "Change " + path + " (merged with a change made meanwhile)" : "Change " + path));
    result.revision = repo.revision(path);
    return result;
}

}  // namespace content::console
