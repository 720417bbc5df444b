#pragma once
// Recorded speech out of a bundle: an Ogg Vorbis file decoded (stb_vorbis, libstb) into 16-bit
// mono samples at the rate the kiosk's sound output plays.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace platform {

/// The samples of `ogg` at `sample_rate` (channels mixed to one, resampled linearly); none, with
/// `error`, when it is no Ogg Vorbis that decodes.
std::optional<std::vector<int16_t>> decode_ogg_vorbis(std::span<const unsigned char> ogg, int sample_rate, std::string& error);

}  // namespace platform
