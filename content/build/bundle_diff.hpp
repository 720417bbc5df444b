#pragma once
// What changed between two bundles, for content managers to check an update before they sign
// and publish it: every table the bundle has (but what the build derives: fonts, search index),
// each row added, removed or changed, with the old and the new wording; places moved in metres.
#include <filesystem>
#include <string>
#include <vector>

namespace content {

/// One line per change, `SUBJECT: added`, `SUBJECT: removed` or `SUBJECT: FIELD "old" → "new"`
/// (a guide's body: the lines that differ), in a fixed order; empty when the bundles say the
/// same. Texts longer than 160 bytes are shortened, for logs and terminals, unless `whole_texts`
/// (a publisher's review reads every word). Throws BundleError when either cannot be read.
std::vector<std::string> diff_bundles(const std::filesystem::path& old_bundle, const std::filesystem::path& new_bundle, bool whole_texts = false);

}  // namespace content
