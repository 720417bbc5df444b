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

// A notice with {language} filled in with a language's own name.
static TextBlock naming(const App& app, content::Localized notice, const std::string& lang) {
    const auto* l = app.bundle().language(lang);
    notice.text = fill(notice.text, "{language}", l ? l->native_name : lang);
    return text_of(app.bundle(), notice);
}

TextBlock fallback_notice(const App& app, const std::string& shown_lang) {
    return naming(app, app.bundle().ui("fallback.notice", app.lang()), shown_lang);
}

TextBlock outdated_notice(const App& app) {
    return naming(app, app.bundle().ui("outdated.notice", app.lang()), app.bundle().meta().source_language);
}

std::vector<TextBlock> dated_notices(const App& app, const std::string& target) {
    std::vector<TextBlock> out;
    for (const auto& text : app.bundle().notices(target, app.lang(), app.today())) out.push_back(text_of(app.bundle(), text, true));
    return out;
}

}  // namespace kiosk
