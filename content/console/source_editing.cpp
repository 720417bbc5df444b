#include "content/console/source_editing.hpp"

#include <unistd.h>

#include <algorithm>
#include <string_view>

#include "content/build/source.hpp"
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

}  // namespace

std::optional<std::string> edit_refusal(const std::string& path, const User& user) {
    const auto lang = editable_language(path);
    if (!lang) return "\"" + path + "\" is not a file the console edits. Fix: open a guide, strings.txt or one of the source's CSV tables";
    if (user.role == Role::Publisher) return "a publisher reviews and publishes; changes are made by editors and translators";
    if (user.role == Role::Translator && std::find(user.languages.begin(), user.languages.end(), *lang) == user.languages.end())
        return user.name + " translates only into their languages. Fix: ask an editor, or an administrator to add the language";
    return std::nullopt;
}

SaveResult save_file(SourceRepo& repo, const std::string& path, const std::string& text, const std::string& base, const User& user) {
    SaveResult result;
    const std::string current_revision = repo.revision(path);
    if (base != current_revision) {
        result.kind = SaveResult::Kind::Conflict;
        result.revision = current_revision;
        result.current = read_file(repo.folder() / path).value_or("");
        return result;
    }
    // The whole source, checked with the change in it, in a copy: nothing is written until it reads.
    const fs::path trial = fs::temp_directory_path() / ("kiosk-console-check-" + std::to_string(::getpid()) + "-" + base.substr(0, 12));
    fs::remove_all(trial);
    fs::copy(repo.folder(), trial, fs::copy_options::recursive);
    fs::remove_all(trial / ".git");
    write_file_atomically(trial / path, text, 0644);
    Diagnostics diagnostics;
    load_source(trial, diagnostics);
    fs::remove_all(trial);
    for (const auto& d : diagnostics.all())
        if (d.severity == Diagnostic::Severity::Error) result.problems.push_back(d);
    if (!result.problems.empty()) {
        result.kind = SaveResult::Kind::Invalid;
        return result;
    }
    result.commit = repo.commit(path, text, user.name, "Change " + path);
    result.revision = repo.revision(path);
    return result;
}

}  // namespace content::console
