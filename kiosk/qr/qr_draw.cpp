#include "kiosk/qr/qr_draw.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/theme.hpp"

namespace kiosk {

namespace {
constexpr ImU32 kDark = IM_COL32(0, 0, 0, 255), kLight = IM_COL32(255, 255, 255, 255);

int modules_with_border(const QrCode& code) { return code.size() + 2 * QrCode::kQuietZone; }
}  // namespace

float screen_px_per_mm(const Theme& theme) {
    // Theme::min_touch is 9 mm when the size is configured. 1920 px over a 15.6" 16:9 panel's
    // 345 mm is 5.56 px/mm; Theme::scale carries it to other resolutions.
    return theme.min_touch > 0 ? theme.min_touch / 9 : 5.56f * theme.scale;
}

int qr_module_px(const QrCode& code, const Theme& theme, float target_mm) {
    const float per_mm = screen_px_per_mm(theme);
    const int smallest = static_cast<int>(std::ceil(kMinModuleMm * per_mm - 0.01f));  // 4.448 px is 5, 4.0001 is 4
    const int near = static_cast<int>(std::round(target_mm * per_mm / static_cast<float>(modules_with_border(code))));
    return std::max({1, smallest, near});
}

float qr_side_mm(const QrCode& code, const Theme& theme, float target_mm) {
    return static_cast<float>(qr_module_px(code, theme, target_mm) * modules_with_border(code));
}

float draw_qr(ImDrawList* list, ImVec2 min, const QrCode& code, float side) {
    const int modules = modules_with_border(code);
    const float module = std::max(1.0f, std::floor(side / static_cast<float>(modules)));
    const float x0 = std::floor(min.x), y0 = std::floor(min.y);
    const float drawn = module * static_cast<float>(modules);
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + drawn, y0 + drawn), kLight);
    const float inner_x = x0 + module * QrCode::kQuietZone, inner_y = y0 + module * QrCode::kQuietZone;
    // One rectangle per run of dark modules in a row: fewer vertices than one per module.
    for (int y = 0; y < code.size(); ++y)
        for (int x = 0; x < code.size();) {
            if (!code.dark(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < code.size() && code.dark(end, y)) ++end;
            const float top = inner_y + module * static_cast<float>(y);
            list->AddRectFilled(ImVec2(inner_x + module * static_cast<float>(x), top),
                                ImVec2(inner_x + module * static_cast<float>(end), top + module), kDark);
            x = end;
        }
    return drawn;
}

}  // namespace kiosk
