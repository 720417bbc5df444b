#pragma once
// The bundle's interface strings as the screens and tickets put them together: a string in the
// visitor's language, and its `{field}` placeholders filled in.
#include <string>

#include "content/model/bundle.hpp"
#include "content/text/phone_number.hpp"

namespace kiosk {

/// The interface string `key` in `lang` (or the language it falls back to), as text.
inline std::string say(const content::Bundle& bundle, const std::string& key, const std::string& lang) { return bundle.ui(key, lang).text; }

/// `text` isolated as left-to-right (U+2066 LRI … U+2069 PDI): a number, time, URL or code
/// keeps its own order inside right-to-left text ("011 0112 5500" does not become
/// "5500 0112 011", "9:00–17:00" not "17:00–9:00"), and the words around it keep theirs.
inline std::string isolated(const std::string& text) { return "\u2066" + text + "\u2069"; }

/// What a link's QR code carries: a phone number as a phone dials it, any other link as written.
inline std::string qr_text_of(const content::LinkView& link) { return link.kind == "tel" ? content::dial_uri(link.target) : link.target; }

/// `text` with its first `field` ("{day}") replaced by `value`.
inline std::string fill(std::string text, const std::string& field, const std::string& value) {
    if (const auto at = text.find(field); at != std::string::npos) text.replace(at, field.size(), value);
    return text;
}

}  // namespace kiosk
