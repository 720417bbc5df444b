#include "content/console/source_editing.hpp"

#include <unistd.h>

#include <algorithm>
#include <regex>

#include "content/build/source.hpp"
#include "content/text/text_files.hpp"

namespace content::console {

namespace fs = std::filesystem;

std::optional<std::string> edit_refusal(const std::string& path, const User& user) {
    // A fixed set of names: nothing outside the source, no .git, no fonts or map data by hand.
    static const std::regex editable(
        R"((lang/([a-z]{2,3})/(guides/[a-z0-9][a-z0-9-]*\.md|strings\.txt|spoken\.txt))|places\.csv|stops\.csv|links\.csv|notices\.csv|categories\.csv|guides\.csv)");
    std::smatch m;
    if (!std::regex_match(path, m, editable))
        return "\"" + path + "\" is not a file the console edits. Fix: open a guide, strings.txt or one of the source's CSV tables";
    if (user.role == Role::Publisher) return "a publisher reviews and publishes; changes are made by editors and translators";
    if (user.role == Role::Translator) {
        const std::string lang = m[2];
        if (lang.empty() || std::find(user.languages.begin(), user.languages.end(), lang) == user.languages.end())
            return user.name + " translates only into their languages. Fix: ask an editor, or an administrator to add the language";
    }
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
