#pragma once
// The bundle's interface strings as the screens and tickets put them together: a string in the
// visitor's language, and its `{field}` placeholders filled in.
#include <string>

#include "content/model/bundle.hpp"

namespace kiosk {

/// The interface string `key` in `lang` (or the language it falls back to), as text.
inline std::string say(const content::Bundle& bundle, const std::string& key, const std::string& lang) { return bundle.ui(key, lang).text; }

/// `text` with its first `field` ("{day}") replaced by `value`.
inline std::string fill(std::string text, const std::string& field, const std::string& value) {
    if (const auto at = text.find(field); at != std::string::npos) text.replace(at, field.size(), value);
    return text;
}

}  // namespace kiosk
