// The ESC/POS stream of a ticket, read back by the tests' own decoder: initialise first, raster
// images as wide as the paper in bands, feed past the cutter and cut last, for both paper widths.
#include <doctest/doctest.h>

#include <algorithm>

#include "kiosk/print/escpos.hpp"
#include "tests/escpos_decoder.hpp"

using kiosk::Bitmap1;
namespace escpos = kiosk::escpos;

namespace {
Bitmap1 checkerboard(int width, int height) {
    Bitmap1 b(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if ((x / 8 + y / 8) % 2 == 0) b.set(x, y);
    return b;
}
}  // namespace

TEST_CASE("a ticket's stream: ESC @, GS v 0 bands as wide as the paper, feed and cut, on 58 and 80 mm paper") {
    for (const int paper : {58, 80}) {
        CAPTURE(paper);
        const int dots = escpos::dots_for_paper(paper);
        CHECK(dots == (paper == 58 ? 384 : 576));
        const Bitmap1 picture = checkerboard(dots, 600);  // more than two bands
        const auto bytes = escpos::ticket_bytes({picture});
        const auto d = test::escpos::decode(bytes);
        REQUIRE_MESSAGE(d.error.empty(), d.error);
        REQUIRE(d.commands.size() >= 4);
        CHECK(d.commands.front() == "ESC @");
        CHECK(d.commands[d.commands.size() - 2] == "ESC d");
        CHECK(d.commands.back() == "GS V");
        CHECK(d.feed_lines >= 3);
        REQUIRE(d.rasters.size() == 3);
        for (const auto& r : d.rasters) {
            CHECK(r.mode == 0);
            CHECK(r.width_bytes == dots / 8);
            CHECK(r.rows <= escpos::kBandRows);
        }
        CHECK(d.rasters[0].rows + d.rasters[1].rows + d.rasters[2].rows == 600);
        // The dots that come out are the picture's, every one.
        REQUIRE(d.width == dots);
        REQUIRE(d.height == 600);
        int wrong = 0;
        for (int y = 0; y < 600; ++y)
            for (int x = 0; x < dots; ++x) wrong += (d.dark[size_t(y * dots + x)] != 0) != picture.dark(x, y);
        CHECK(wrong == 0);
        // Cut is GS V 66 0: feed to the cutter, then a partial cut (the ticket does not fall).
        CHECK(bytes[bytes.size() - 4] == 0x1d);
        CHECK(bytes[bytes.size() - 2] == 66);
    }
    CHECK(escpos::dots_for_paper(70) == 0);
}

TEST_CASE("the printer's own QR command: model 2, module size, level M, store and print") {
    const auto bytes = escpos::ticket_bytes({Bitmap1(384, 10), escpos::NativeQr{"https://example.org/a?b=1", 6}, Bitmap1(384, 10)});
    const auto d = test::escpos::decode(bytes);
    REQUIRE_MESSAGE(d.error.empty(), d.error);
    REQUIRE(d.native_qr.size() == 1);
    CHECK(d.native_qr[0] == "https://example.org/a?b=1");
    CHECK(std::count(d.commands.begin(), d.commands.end(), "GS ( k") == 5);
    CHECK(d.rasters.size() == 2);
}

TEST_CASE("the paper sensor's answer: bits 5 and 6 mean out of paper") {
    CHECK(escpos::paper_out(0x72));
    CHECK_FALSE(escpos::paper_out(0x12));
    CHECK_FALSE(escpos::paper_out(0x1e));  // near end only: it still prints
}
