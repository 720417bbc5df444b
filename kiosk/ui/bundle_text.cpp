#include "kiosk/ui/bundle_text.hpp"

#include "kiosk/app/app.hpp"
#include "kiosk/words/words.hpp"

namespace kiosk {

static bool is_rtl(const content::Bundle& bundle, const std::string& lang) {
    const auto* l = bundle.language(lang);
    return l && l->direction == content::Direction::RightToLeft;
}

TextBlock text_of(const content::Bundle& bundle, const content::Localized& text, bool bold) {
    return TextBlock::plain(text.text, text.lang, is_rtl(bundle, text.lang), bold);
}

std::string fallback_marker(const content::Bundle& bundle, const content::Localized& text) {
    if (!text.is_fallback) return {};
    const auto* l = bundle.language(text.lang);
    return l ? l->native_name : text.lang;
}

CardText card_text(const content::Bundle& bundle, const std::string& id, const content::Localized& title,
                   const content::Localized& summary) {
    return {id, text_of(bundle, title), text_of(bundle, summary), fallback_marker(bundle, title)};
}

TextBlock fallback_notice(const App& app, const std::string& shown_lang) {
    auto notice = app.bundle().ui("fallback.notice", app.lang());
    const auto* l = app.bundle().language(shown_lang);
    const std::string name = l ? l->native_name : shown_lang;
    notice.text = fill(notice.text, "{language}", name);
    return text_of(app.bundle(), notice);
}

}  // namespace kiosk
