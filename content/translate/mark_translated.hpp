#pragma once
// Recording which source text a language's translations were made from (translated-from.txt):
// import-po records every entry it takes or confirms, and `kiosk-bundle mark-translated` the
// items a content manager checked by hand, so that they stop counting as outdated.
#include <filesystem>
#include <string>
#include <vector>

#include "content/build/translation_items.hpp"

namespace content {

/// Records, for each item of `items` whose context is in `contexts` (translated into `lang`, now
/// or by the caller), that the translation was made from its current text to translate. The
/// record keeps the language's other items and drops those the source no longer has. When
/// anything changes, writes lang/<lang>/translated-from.txt and lang/source-texts.txt (the texts
/// any language's record names), each atomically; returns whether it did.
bool mark_translated(const std::filesystem::path& source, const Content& content, const std::string& lang,
                     const std::vector<TranslationItem>& items, const std::vector<std::string>& contexts);

}  // namespace content
