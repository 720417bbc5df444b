#pragma once
// The translations a source holds that were made from a text which has changed since
// (lang/<code>/translated-from.txt against today's text to translate): one warning each, on the
// translation's own line, with the old and the new source text and the two ways to fix it.
#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// `source` is the folder as the user named it, for the command in the fix.
void check_outdated_translations(const Content& content, const std::string& source, Diagnostics& diagnostics);

}  // namespace content
