#include "platform/ogg_audio.hpp"

#include <stb/stb_vorbis.h>

#include <cmath>
#include <cstdlib>
#include <memory>

namespace platform {

std::optional<std::vector<int16_t>> decode_ogg_vorbis(std::span<const unsigned char> ogg, int sample_rate, std::string& error) {
    int channels = 0, rate = 0;
    short* raw = nullptr;
    const int frames = stb_vorbis_decode_memory(ogg.data(), static_cast<int>(ogg.size()), &channels, &rate, &raw);
    const std::unique_ptr<short, decltype(&std::free)> owned(raw, &std::free);
    if (frames <= 0 || channels <= 0 || rate <= 0 || !raw) {
        error = "the recording is not Ogg Vorbis that can be decoded";
        return std::nullopt;
    }
    // One channel: the channels' mean.
    std::vector<float> mono(static_cast<size_t>(frames));
    for (size_t f = 0; f < mono.size(); ++f) {
        float sum = 0;
        for (int c = 0; c < channels; ++c) sum += raw[f * static_cast<size_t>(channels) + static_cast<size_t>(c)];
        mono[f] = sum / static_cast<float>(channels);
    }
    // The output's rate: each sample between the two nearest of the recording's.
    const double step = static_cast<double>(rate) / sample_rate;
    const auto count = static_cast<size_t>(std::floor(static_cast<double>(frames - 1) / step)) + 1;
    std::vector<int16_t> out(count);
    for (size_t i = 0; i < count; ++i) {
        const double at = static_cast<double>(i) * step;
        const auto left = static_cast<size_t>(at);
        const auto right = std::min(left + 1, mono.size() - 1);
        const double t = at - static_cast<double>(left);
        out[i] = static_cast<int16_t>(std::lround(mono[left] * (1 - t) + mono[right] * t));
    }
    return out;
}

}  // namespace platform
