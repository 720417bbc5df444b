#pragma once
// Loads and checks a content source folder (docs/content-format.md). Every problem found is
// reported, not just the first, so a content manager can fix a whole batch in one go.
#include <filesystem>
#include <optional>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Checks that depend on when the source is checked, not only on what it says.
struct SourceChecks {
    std::optional<CivilDate> today;  // in Torino; given: an expired bundle and past stops are reported
};

/// Reads SRC into a Content. Problems go into `diagnostics`; when it has errors the returned
/// content is incomplete and must not be written out.
Content load_source(const std::filesystem::path& source, Diagnostics& diagnostics, const SourceChecks& checks = {});

/// The interface string keys the kiosk asks a bundle for, which every bundle must provide (in at
/// least one fallback language); tests/ui_string_keys_tests.cpp holds it to the kiosk's code.
const std::vector<std::string>& required_string_keys();

/// What is wrong with `value` as interface string `key` in `lang`, and its fix: a placeholder
/// the kiosk fills in left out, a counted message without the language's plural forms. Checked
/// by the build and by a translator's PO import alike.
struct StringProblem {
    std::string problem, fix;
};
std::optional<StringProblem> string_problem(const std::string& key, const std::string& value, const std::string& lang);

}  // namespace content
