#pragma once
// A WAV file of 16-bit mono PCM: what kiosk --speak-to writes, so a screen's speech can be heard
// and checked (sox) without a sound card.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace platform {

/// Writes `samples` at `sample_rate` to `path` (replacing it); false with `error` when it cannot.
bool write_wav(const std::filesystem::path& path, int sample_rate, std::span<const int16_t> samples, std::string& error);

}  // namespace platform
