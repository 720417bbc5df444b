#pragma once
// Draws a QR code on screen: dark modules on white with the quiet zone around, always, in every
// look: phones' readers expect dark on light, and high contrast's light-on-black would not scan.
#include <imgui.h>

#include "kiosk/qr/qr_code.hpp"

namespace kiosk {

struct Theme;

/// The smallest module a phone reads from about 40 cm, in millimetres on the glass.
constexpr float kMinModuleMm = 0.8f;

/// Pixels per millimetre on the glass: from the configured screen size, else those of a 15.6"
/// 1080p panel (5.56 px/mm), the usual kiosk screen.
float screen_px_per_mm(const Theme& theme);

/// The pixels of one module: a whole number, at least kMinModuleMm on the glass, and as near
/// as that allows to a symbol (quiet zone included) of `target_mm`.
int qr_module_px(const QrCode& code, const Theme& theme, float target_mm);
/// The side in pixels, quiet zone included, of the code drawn with qr_module_px() modules.
float qr_side_mm(const QrCode& code, const Theme& theme, float target_mm);

/// Draws the code, quiet zone included, in a square of at most `side` pixels at `min`, with
/// whole-pixel modules on whole-pixel positions so edges stay crisp. Returns the side drawn.
float draw_qr(ImDrawList* list, ImVec2 min, const QrCode& code, float side);

}  // namespace kiosk
