#pragma once
// How much of a source each language translates: every text item that any language has (a UI
// string, a place's note, a guide) and, per language, the share it has and the list it lacks.
// Content managers read it to know what to send to translators; `kiosk-bundle coverage` prints
// it as text and as a self-contained HTML page.
#include <filesystem>
#include <string>
#include <vector>

#include "content/model/model.hpp"

namespace content {

struct LanguageCoverage {
    std::string code, native_name;
    int translated = 0, total = 0;     // translated: there and up to date
    std::vector<std::string> missing;  // item names: `string:<key>`, `guide:<id>`, sorted
    std::vector<std::string> outdated; // translated from a source text that has changed since, sorted
    double share() const { return total == 0 ? 1.0 : static_cast<double>(translated) / total; }
};

/// Per language, in the source's language order. A guide counts as translated when its title,
/// summary and every block of its body are there, and as outdated when any of them is; a string when it is
/// there and not empty. Outdated items are not counted as translated.
std::vector<LanguageCoverage> coverage(const Content& content);

/// The same from a built bundle (`kiosk-bundle info`): its languages, the strings any of them
/// has, its guides; the guides the build marked outdated are outdated.
std::vector<LanguageCoverage> bundle_coverage(const std::filesystem::path& bundle);

/// The report as text: a line per language ("fr   97.2 %  206/212  4 outdated  2 missing"),
/// then what each has outdated and lacks.
std::string coverage_text(const std::vector<LanguageCoverage>& languages);
/// The same as one HTML page with no outside files: a bar per language, the missing items.
std::string coverage_html(const std::vector<LanguageCoverage>& languages, const std::string& title);

}  // namespace content
