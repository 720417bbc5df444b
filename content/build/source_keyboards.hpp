#pragma once
// Loads keyboards.txt, the on-screen keyboard layouts of a content source
// (docs/content-format.md). The file is optional: without it the bundle has no layouts.
#include <filesystem>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// Reads SRC/keyboards.txt into content.keyboards, checking it against content.languages.
void load_keyboards(const std::filesystem::path& source, Content& content, Diagnostics& diagnostics);

/// A language no layout lists gets the first layout on the kiosk; once the language's texts are
/// loaded, one whose letters that layout mostly lacks (Pashto with Latin keys) is an error
/// naming the letters and the fix, on its line of languages.csv.
void check_keyboard_scripts(const Content& content, Diagnostics& diagnostics);

}  // namespace content
