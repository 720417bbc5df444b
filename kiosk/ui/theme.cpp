#include "kiosk/ui/theme.hpp"

#include <algorithm>

#include "content/model/bundle.hpp"
#include "content/model/bundle_fonts.hpp"
#include "fonts/catalog.hpp"
#include "fonts/font_set.hpp"
#include "fonts/glyph_atlas.hpp"

namespace kiosk {

std::unique_ptr<Theme> Theme::create(const content::Bundle& bundle, int width, int height,
                                     const std::filesystem::path& font_root, std::vector<std::string>& warnings, int max_atlas,
                                     float pixels_per_mm, int first_atlas) {
    auto theme = std::make_unique<Theme>();
    theme->min_touch = 9 * pixels_per_mm;
    // Sizes are designed for 1920x1080; a portrait panel is the same screen turned, so compare
    // the long side with 1920 and the short side with 1080 and take the tighter fit.
    const float long_side = static_cast<float>(std::max(width, height)), short_side = static_cast<float>(std::min(width, height));
    theme->scale = std::min(long_side / 1920.0f, short_side / 1080.0f);

    try {
        theme->engine.fonts = content::load_bundle_fonts(bundle);
    } catch (const std::exception& e) {
        warnings.push_back(bundle.path().string() + ": the bundle's fonts cannot be read (" + e.what() + "); using the system's");
        theme->engine.fonts.reset();
    }
    if (!theme->engine.fonts || theme->engine.fonts->size() == 0) {
        if (theme->engine.fonts) warnings.push_back(bundle.path().string() + ": the bundle carries no fonts; using the system's");
        std::vector<std::string> problems;
        theme->engine.fonts = fonts::load_catalog(font_root, true, problems);
        for (const auto& p : problems) warnings.push_back("font not loaded: " + p);
    }
    if (theme->engine.fonts->size() == 0) warnings.push_back("no usable font: text cannot be drawn; install fonts-noto-core");
    theme->engine.atlas = std::make_unique<fonts::GlyphAtlas>(std::min(first_atlas, max_atlas), max_atlas);
    theme->set_look(false, false);
    return theme;
}

void Theme::set_look(bool larger_text, bool high_contrast) {
    larger_text_ = larger_text;
    high_contrast_ = high_contrast;
    const float grow = larger_text ? 1.3f : 1.0f;
    auto style = [&](float size_1080) { return TextStyle{&engine, px(size_1080) * grow}; };
    body = style(32);
    heading = style(42);
    title = style(54);
    small = style(28);
    label = TextStyle{&engine, px(28)};
    static_cast<Palette&>(*this) = high_contrast ? Palette::high_contrast() : Palette::standard();
}

const Palette& Palette::standard() {
    static const Palette p{
        IM_COL32(250, 250, 247, 255), IM_COL32(17, 17, 17, 255), IM_COL32(70, 70, 70, 255),
        IM_COL32(11, 61, 117, 255), IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 40), IM_COL32(255, 255, 255, 110),
        IM_COL32(232, 239, 247, 255), IM_COL32(196, 214, 236, 255), IM_COL32(11, 79, 156, 255), IM_COL32(11, 79, 156, 255),
        IM_COL32(255, 212, 0, 255), IM_COL32(17, 17, 17, 255),
        IM_COL32(255, 241, 194, 255), IM_COL32(94, 64, 0, 255),
        IM_COL32(230, 230, 230, 255)};
    return p;
}

const Palette& Palette::high_contrast() {
    static const Palette p{
        IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255), IM_COL32(235, 235, 235, 255),
        IM_COL32(0, 0, 0, 255), IM_COL32(255, 230, 0, 255), IM_COL32(70, 70, 70, 255), IM_COL32(170, 170, 170, 255),
        IM_COL32(28, 28, 28, 255), IM_COL32(90, 80, 0, 255), IM_COL32(255, 230, 0, 255), IM_COL32(255, 230, 0, 255),
        IM_COL32(255, 230, 0, 255), IM_COL32(0, 0, 0, 255),
        IM_COL32(40, 40, 40, 255), IM_COL32(255, 255, 160, 255),
        IM_COL32(50, 50, 50, 255)};
    return p;
}

}  // namespace kiosk
