#include "kiosk/print/escpos.hpp"

#include <algorithm>

namespace kiosk::escpos {

namespace {
void put16(std::vector<uint8_t>& out, int v) {
    out.push_back(static_cast<uint8_t>(v & 0xff));
    out.push_back(static_cast<uint8_t>((v >> 8) & 0xff));
}
void append(std::vector<uint8_t>& out, const std::vector<uint8_t>& more) { out.insert(out.end(), more.begin(), more.end()); }

// GS ( k with function `fn` and its parameters: cn is 49 (QR code) for all of them.
std::vector<uint8_t> qr_function(uint8_t fn, const std::vector<uint8_t>& params) {
    std::vector<uint8_t> out = {0x1d, 0x28, 0x6b};
    put16(out, static_cast<int>(params.size()) + 2);
    out.push_back(49);
    out.push_back(fn);
    append(out, params);
    return out;
}

Bitmap1 band(const Bitmap1& image, int y0, int rows) {
    Bitmap1 part(image.width(), rows);
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < image.width(); ++x)
            if (image.dark(x, y0 + y)) part.set(x, y);
    return part;
}
}  // namespace

int dots_for_paper(int paper_mm) { return paper_mm == 58 ? kDots58mm : paper_mm == 80 ? kDots80mm : 0; }

std::vector<uint8_t> raster(const Bitmap1& image) {
    std::vector<uint8_t> out = {0x1d, 0x76, 0x30, 0x00};  // GS v 0, mode 0 (normal density)
    put16(out, image.stride());
    put16(out, image.height());
    for (int y = 0; y < image.height(); ++y) out.insert(out.end(), image.row(y), image.row(y) + image.stride());
    return out;
}

std::vector<uint8_t> native_qr(const NativeQr& qr) {
    std::vector<uint8_t> out = {0x1b, 0x61, 0x01};             // ESC a 1: centre
    append(out, qr_function(65, {50, 0}));                      // model 2
    append(out, qr_function(67, {static_cast<uint8_t>(std::clamp(qr.module_dots, 1, 16))}));
    append(out, qr_function(69, {49}));                         // error correction M, as on screen
    std::vector<uint8_t> data(qr.text.begin(), qr.text.end());
    data.insert(data.begin(), 48);                              // m = 48 for function 80 (store)
    append(out, qr_function(80, data));
    append(out, qr_function(81, {48}));                         // print the stored symbol
    append(out, {0x0a, 0x1b, 0x61, 0x00});                      // end the line, back to left
    return out;
}

std::vector<uint8_t> ticket_bytes(const std::vector<Block>& blocks) {
    std::vector<uint8_t> out = {0x1b, 0x40};  // ESC @: forget whatever the last job left set
    for (const auto& block : blocks) {
        if (const auto* image = std::get_if<Bitmap1>(&block)) {
            for (int y = 0; y < image->height(); y += kBandRows) append(out, raster(band(*image, y, std::min(kBandRows, image->height() - y))));
        } else {
            append(out, native_qr(std::get<NativeQr>(block)));
        }
    }
    append(out, {0x1b, 0x64, static_cast<uint8_t>(kFeedLines)});  // ESC d n: past the cutter
    append(out, {0x1d, 0x56, 66, 0});                                // GS V 66 0: feed, partial cut
    return out;
}

bool paper_out(uint8_t answer) { return (answer & 0x60) == 0x60; }

}  // namespace kiosk::escpos
