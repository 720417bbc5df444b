#pragma once
// Reading back the QR codes the kiosk draws, with the stock zbarimg on a screenshot of the frame.
#include <doctest/doctest.h>

#include "platform/png.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

namespace test {

/// What zbarimg reads in the kiosk's current frame, one line per code; empty when it finds none.
inline std::string decode_screen(Kiosk& k, const std::string& name) {
    k.capture();
    TempDir dir;
    const fs::path png = dir / (name + ".png");
    std::string error;
    REQUIRE_MESSAGE(platform::write_png(png, k.w, k.h, k.pixels, error), error);
    const auto r = run("zbarimg --quiet --raw --nodbus " + png.string() + " 2>/dev/null");
    std::string text = r.output;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

}  // namespace test
