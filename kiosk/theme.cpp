#include "theme.hpp"

#include <algorithm>

#include "bundle.hpp"
#include "bundle_fonts.hpp"
#include "catalog.hpp"
#include "font_set.hpp"
#include "glyph_atlas.hpp"

namespace kiosk {

std::unique_ptr<Theme> Theme::create(const content::Bundle& bundle, int width, int height,
                                     const std::filesystem::path& font_root, std::vector<std::string>& warnings, int max_atlas) {
    auto theme = std::make_unique<Theme>();
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
    theme->engine.atlas = std::make_unique<fonts::GlyphAtlas>(512, max_atlas);

    // ImGui's own font draws nothing a visitor sees; it is only there because ImGui needs one.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->AddFontDefault();
    io.Fonts->Build();

    auto style = [&](float size_1080) { return TextStyle{&theme->engine, theme->px(size_1080)}; };
    theme->body = style(32);
    theme->heading = style(42);
    theme->title = style(54);
    theme->small = style(28);
    return theme;
}

}  // namespace kiosk
