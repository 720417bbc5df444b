#pragma once
// What changed between two bundles, for content managers to check an update before they sign
// and publish it: guides, places and links added or removed; per language, the guides' and the
// short strings' texts added, removed and changed; places moved, their hours and details changed.
#include <filesystem>
#include <string>
#include <vector>

namespace content {

/// One line per change, in a fixed order (meta, languages, guides, strings, places, links);
/// empty when the bundles say the same. Throws BundleError when either cannot be read.
std::vector<std::string> diff_bundles(const std::filesystem::path& old_bundle, const std::filesystem::path& new_bundle);

}  // namespace content
