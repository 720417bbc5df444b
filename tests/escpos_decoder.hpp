#pragma once
// Reads an ESC/POS byte stream back as a printer would, for the tests: the commands in order
// and the raster images stacked into the picture that comes out on paper. Written from the
// Epson ESC/POS reference, independently of the kiosk's encoder, so the two check each other.
#include <cstdint>
#include <string>
#include <vector>

namespace test::escpos {

struct RasterHeader {
    int mode, width_bytes, rows;
};

struct Decoded {
    std::vector<std::string> commands;     // "ESC @", "GS v 0", "ESC d", "GS V", "GS ( k", "LF", ...
    std::vector<RasterHeader> rasters;
    std::vector<std::string> native_qr;    // texts stored with GS ( k function 80
    int feed_lines = 0;                    // ESC d total
    int width = 0, height = 0;             // the paper picture, in dots
    std::vector<uint8_t> dark;             // width × height, 1 for a dark dot
    std::string error;                     // what could not be read; empty when all was
};

Decoded decode(const std::vector<uint8_t>& bytes);

/// The picture as an RGBA PNG with a white margin, for zbarimg and for people.
bool write_png(const Decoded& d, const std::string& path, std::string& error);

}  // namespace test::escpos
