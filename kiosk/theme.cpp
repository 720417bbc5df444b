#include "theme.hpp"

#include <imgui_freetype.h>

#include <algorithm>
#include <set>

#include "bundle.hpp"
#include "font_plan.hpp"
#include "utf8.hpp"

namespace kiosk {

namespace {

std::set<char32_t> characters_of(const content::Bundle& bundle) {
    std::set<char32_t> out;
    for (char32_t c = 0x20; c < 0x7F; ++c) out.insert(c);  // digits and ASCII for anything typed later
    for (char32_t c : std::u32string_view(U"·–—…")) out.insert(c);  // punctuation the kiosk adds itself
    for (char32_t c : fonts::decode_utf8(bundle.all_text()))
        if (c >= 0x20 && c <= 0xFFFF) out.insert(c);  // ImGui 1.86 holds 16-bit characters
    out.insert(0xFFFD);
    return out;
}

// ImGui wants a zero-terminated list of [first, last] pairs.
std::vector<ImWchar> to_ranges(const std::vector<char32_t>& sorted) {
    std::vector<ImWchar> ranges;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        ranges.push_back(static_cast<ImWchar>(sorted[i]));
        ranges.push_back(static_cast<ImWchar>(sorted[j]));
        i = j + 1;
    }
    ranges.push_back(0);
    return ranges;
}

}  // namespace

std::unique_ptr<Theme> Theme::create(const content::Bundle& bundle, int width, int height,
                                     const std::filesystem::path& font_dir, std::vector<std::string>& warnings) {
    auto theme = std::make_unique<Theme>();
    // Sizes are designed for 1920x1080; a portrait panel is the same screen turned, so compare
    // the long side with 1920 and the short side with 1080 and take the tighter fit.
    const float long_side = static_cast<float>(std::max(width, height)), short_side = static_cast<float>(std::min(width, height));
    theme->scale = std::min(long_side / 1920.0f, short_side / 1080.0f);

    std::vector<std::string> missing_files;
    const auto fonts = fonts::default_fonts(font_dir, missing_files);
    for (const auto& f : missing_files) warnings.push_back("font file not found: " + f);
    const auto plan = fonts::plan_fonts(characters_of(bundle), fonts);
    if (!plan.missing.empty())
        warnings.push_back(std::to_string(plan.missing.size()) + " character(s) of the bundle have no glyph in the installed fonts");
    for (const auto& chars : plan.per_font) theme->glyph_ranges_.push_back(to_ranges(chars));

    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // Every size merges all script fonts into one ImFont, so one draw call handles mixed text.
    auto add = [&](float size_1080, bool bold) -> ImFont* {
        ImFont* font = nullptr;
        for (size_t i = 0; i < fonts.size(); ++i) {
            if (theme->glyph_ranges_[i].size() <= 1) continue;
            ImFontConfig config;
            config.MergeMode = font != nullptr;
            config.OversampleH = 1;
            config.PixelSnapH = true;
            const auto& path = bold ? fonts[i].bold : fonts[i].regular;
            // A merged face drawn larger is moved down by half the growth so baselines stay level.
            const float size = theme->px(size_1080) * fonts[i].size_factor;
            config.GlyphOffset.y = font ? -(size - theme->px(size_1080)) * 0.5f : 0;
            ImFont* added = io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config,
                                                        theme->glyph_ranges_[i].data());
            if (!font) font = added;
        }
        if (!font) {
            warnings.push_back("no usable font in " + font_dir.string() + "; install fonts-noto-core");
            ImFontConfig config;
            config.SizePixels = theme->px(size_1080);
            font = io.Fonts->AddFontDefault(&config);
        }
        return font;
    };
    auto pair = [&](float size_1080) { return FontPair{add(size_1080, false), add(size_1080, true), theme->px(size_1080)}; };
    theme->body = pair(32);
    theme->heading = pair(42);
    theme->title = pair(54);
    theme->small = pair(28);
    io.Fonts->Build();
    return theme;
}

}  // namespace kiosk
