#pragma once
// Draws a QR code on screen: dark modules on white with the quiet zone around, always, in every
// look: phones' readers expect dark on light, and high contrast's light-on-black would not scan.
#include <imgui.h>

#include "qr_code.hpp"

namespace kiosk {

/// The side in pixels, quiet zone included, nearest to `target` at which every module is a
/// whole number of pixels (at least one).
float qr_side_near(const QrCode& code, float target);

/// Draws the code, quiet zone included, in a square of at most `side` pixels at `min`, with
/// whole-pixel modules on whole-pixel positions so edges stay crisp. Returns the side drawn.
float draw_qr(ImDrawList* list, ImVec2 min, const QrCode& code, float side);

}  // namespace kiosk
