#include "tests/escpos_decoder.hpp"

#include <algorithm>
#include <cstdio>

#include "platform/png.hpp"

namespace test::escpos {

Decoded decode(const std::vector<uint8_t>& b) {
    Decoded d;
    size_t i = 0;
    const auto need = [&](size_t n, const char* what) {
        if (i + n <= b.size()) return true;
        d.error = std::string("stream ends inside ") + what;
        return false;
    };
    const auto u16 = [&](size_t at) { return int(b[at]) | int(b[at + 1]) << 8; };
    while (i < b.size() && d.error.empty()) {
        const uint8_t c = b[i];
        if (c == 0x0a) {
            d.commands.push_back("LF");
            ++i;
        } else if (c == 0x1b) {
            if (!need(2, "ESC")) break;
            const uint8_t op = b[i + 1];
            if (op == '@') {
                d.commands.push_back("ESC @");
                i += 2;
            } else if (op == 'a' || op == 'd') {
                if (!need(3, "ESC a/d")) break;
                d.commands.push_back(op == 'a' ? "ESC a" : "ESC d");
                if (op == 'd') d.feed_lines += b[i + 2];
                i += 3;
            } else {
                d.error = "unknown ESC " + std::to_string(op);
            }
        } else if (c == 0x1d) {
            if (!need(2, "GS")) break;
            const uint8_t op = b[i + 1];
            if (op == 'v') {
                if (!need(8, "GS v 0 header")) break;
                if (b[i + 2] != '0' && b[i + 2] != 0) { d.error = "GS v without 0"; break; }
                RasterHeader h{b[i + 3], u16(i + 4), u16(i + 6)};
                i += 8;
                const size_t size = size_t(h.width_bytes) * size_t(h.rows);
                if (!need(size, "GS v 0 data")) break;
                d.commands.push_back("GS v 0");
                d.rasters.push_back(h);
                const int w = h.width_bytes * 8;
                // Images print one under the other, from the left margin.
                const int new_width = std::max(d.width, w);
                std::vector<uint8_t> grown(size_t(new_width) * size_t(d.height + h.rows), 0);
                for (int y = 0; y < d.height; ++y)
                    std::copy_n(&d.dark[size_t(y) * size_t(d.width)], d.width, &grown[size_t(y) * size_t(new_width)]);
                for (int y = 0; y < h.rows; ++y)
                    for (int x = 0; x < w; ++x)
                        grown[size_t(d.height + y) * size_t(new_width) + size_t(x)] = (b[i + size_t(y) * size_t(h.width_bytes) + size_t(x / 8)] >> (7 - x % 8)) & 1;
                d.dark = std::move(grown);
                d.width = new_width;
                d.height += h.rows;
                i += size;
            } else if (op == '(') {
                if (!need(5, "GS ( header")) break;
                if (b[i + 2] != 'k') { d.error = "GS ( other than k"; break; }
                const size_t len = size_t(u16(i + 3));
                if (!need(5 + len, "GS ( k data")) break;
                d.commands.push_back("GS ( k");
                if (len >= 3 && b[i + 5] == 49 && b[i + 6] == 80) d.native_qr.emplace_back(b.begin() + long(i) + 8, b.begin() + long(i + 5 + len));
                i += 5 + len;
            } else if (op == 'V') {
                if (!need(3, "GS V")) break;
                const uint8_t m = b[i + 2];
                d.commands.push_back("GS V");
                i += (m == 65 || m == 66) ? 4 : 3;
                if (i > b.size()) d.error = "GS V without its n";
            } else {
                d.error = "unknown GS " + std::to_string(op);
            }
        } else {
            d.error = "unexpected byte " + std::to_string(c) + " at " + std::to_string(i);
        }
    }
    return d;
}

bool write_png(const Decoded& d, const std::string& path, std::string& error) {
    const int margin = 24;
    const int w = d.width + 2 * margin, h = d.height + 2 * margin;
    std::vector<unsigned char> rgba(size_t(w) * size_t(h) * 4, 255);
    for (int y = 0; y < d.height; ++y)
        for (int x = 0; x < d.width; ++x)
            if (d.dark[size_t(y) * size_t(d.width) + size_t(x)]) {
                unsigned char* p = &rgba[(size_t(y + margin) * size_t(w) + size_t(x + margin)) * 4];
                p[0] = p[1] = p[2] = 0;
            }
    return platform::write_png(path, w, h, rgba, error);
}

}  // namespace test::escpos
