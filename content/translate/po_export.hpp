#pragma once
// `kiosk-bundle export-po`: one language of a source as a PO file for translators.
#include <string>

#include "content/model/model.hpp"

namespace content {

/// The PO file for `lang` (a code of content.languages): one entry per translation item
/// (translation_items.hpp) with msgctxt = the item, msgid = the text to translate from, msgstr =
/// the language's text or empty, and `#.` notes on where it goes and what must stay. An outdated
/// translation is marked fuzzy with the text it was made from as `#| msgid`, as msgmerge marks
/// one. `content` must have loaded without errors.
std::string export_po(const Content& content, const std::string& lang);

}  // namespace content
