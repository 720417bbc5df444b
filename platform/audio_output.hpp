#pragma once
// Sound out of the kiosk: 16-bit mono samples queued to an SDL audio device (the panel's speaker,
// a headset jack, or in tests SDL's dummy or disk driver). Samples are queued from any thread and
// played in order; clear() silences at once. How far playing has got tells which words are heard.
#include <SDL.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace platform {

class AudioOutput {
public:
    /// Opens `device` by its SDL name (empty: the system's default) at `sample_rate`; none, with
    /// `error` naming the device and SDL's reason, when it cannot.
    static std::unique_ptr<AudioOutput> open(const std::string& device, int sample_rate, std::string& error);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    /// Adds samples after those queued; safe from any thread.
    void queue(std::span<const int16_t> samples);
    /// Drops every sample not yet played.
    void clear();
    /// Samples queued and not yet handed to the device.
    size_t waiting() const;
    int sample_rate() const { return rate_; }
    /// The names SDL gives this machine's output devices, for the configuration's audio_device.
    static std::string device_names();

private:
    AudioOutput(SDL_AudioDeviceID id, int rate) : id_(id), rate_(rate) {}
    SDL_AudioDeviceID id_;
    int rate_;
};

}  // namespace platform
