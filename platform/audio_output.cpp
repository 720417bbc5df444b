#include "platform/audio_output.hpp"

namespace platform {

std::unique_ptr<AudioOutput> AudioOutput::open(const std::string& device, int sample_rate, std::string& error) {
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error = std::string("no sound: SDL cannot start audio (") + SDL_GetError() + ")";
        return nullptr;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;  // 46 ms at 22050 Hz: a key press is heard soon after the words are made
    const SDL_AudioDeviceID id = SDL_OpenAudioDevice(device.empty() ? nullptr : device.c_str(), 0, &want, &have, 0);
    if (id == 0) {
        error = "no sound: cannot open the audio device " + (device.empty() ? std::string("(the default)") : "\"" + device + "\"") +
                " (" + SDL_GetError() + "). Fix: name one of these in audio_device: " + device_names();
        return nullptr;
    }
    SDL_PauseAudioDevice(id, 0);
    return std::unique_ptr<AudioOutput>(new AudioOutput(id, sample_rate));
}

AudioOutput::~AudioOutput() { SDL_CloseAudioDevice(id_); }

void AudioOutput::queue(std::span<const int16_t> samples) {
    SDL_QueueAudio(id_, samples.data(), static_cast<Uint32>(samples.size_bytes()));
}

void AudioOutput::clear() { SDL_ClearQueuedAudio(id_); }

size_t AudioOutput::waiting() const { return SDL_GetQueuedAudioSize(id_) / sizeof(int16_t); }

std::string AudioOutput::device_names() {
    std::string names;
    const int n = SDL_GetNumAudioDevices(0);
    for (int i = 0; i < n; ++i)
        if (const char* name = SDL_GetAudioDeviceName(i, 0)) names += (names.empty() ? "\"" : ", \"") + std::string(name) + "\"";
    return names.empty() ? "(SDL lists none)" : names;
}

}  // namespace platform
