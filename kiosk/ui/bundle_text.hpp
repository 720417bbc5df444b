#pragma once
// The bundle's texts as screens and the chrome lay them out: in the direction of the language
// each is actually written in, with the marker and notice a fallback text carries.
#include <string>
#include <vector>

#include "content/model/bundle.hpp"
#include "kiosk/ui/text_layout.hpp"

namespace kiosk {

class App;

/// What a category or guide card shows, read once when the screen is built.
struct CardText {
    std::string id;
    TextBlock title, summary;
    std::string fallback;  // native name of the language the title falls back to, or empty
};
CardText card_text(const content::Bundle& bundle, const std::string& id, const content::Localized& title,
                   const content::Localized& summary);

/// A text in the direction of the language it is actually written in.
TextBlock text_of(const content::Bundle& bundle, const content::Localized& text, bool bold = false);
/// The native name of the language a fallback text is in; empty when it is not a fallback.
std::string fallback_marker(const content::Bundle& bundle, const content::Localized& text);
/// "Not yet available in your language — shown in English" for a fallback language code.
TextBlock fallback_notice(const App& app, const std::string& shown_lang);
/// "This translation may be out of date: the Italiano text has changed since", naming the
/// bundle's source language: for a text translated from a source text that changed since.
TextBlock outdated_notice(const App& app);
/// The dated notices (notices.csv) on `target` — home, guide:<id>, place:<id> — shown today,
/// each in the language it is written in.
std::vector<TextBlock> dated_notices(const App& app, const std::string& target);

}  // namespace kiosk
