#include "platform/wav_file.hpp"

#include <cstring>
#include <fstream>
#include <vector>

namespace platform {

namespace {
// WAV is little-endian whatever the machine.
void put(std::vector<char>& out, uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}
void put(std::vector<char>& out, const char* tag) { out.insert(out.end(), tag, tag + 4); }
}  // namespace

bool write_wav(const std::filesystem::path& path, int sample_rate, std::span<const int16_t> samples, std::string& error) {
    const auto data_bytes = static_cast<uint32_t>(samples.size() * 2);
    std::vector<char> out;
    out.reserve(44 + data_bytes);
    put(out, "RIFF");
    put(out, 36 + data_bytes, 4);
    put(out, "WAVE");
    put(out, "fmt ");
    put(out, 16, 4);                                     // the format chunk's size
    put(out, 1, 2);                                      // PCM
    put(out, 1, 2);                                      // mono
    put(out, static_cast<uint32_t>(sample_rate), 4);
    put(out, static_cast<uint32_t>(sample_rate) * 2, 4); // bytes a second
    put(out, 2, 2);                                      // bytes a sample
    put(out, 16, 2);                                     // bits a sample
    put(out, "data");
    put(out, data_bytes, 4);
    for (int16_t s : samples) put(out, static_cast<uint16_t>(s), 2);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    if (!file.write(out.data(), static_cast<std::streamsize>(out.size())) || !file.flush()) {
        error = "cannot write " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace platform
