#pragma once
// Speech from text, offline: espeak-ng turns a text into 16-bit mono PCM with one of its voices.
// espeak-ng keeps one engine per process and is not thread-safe, so one SpeechSynth at a time
// uses it, from one thread at a time (the kiosk's speech worker). Nothing spoken is stored.
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>

namespace platform {

class SpeechSynth {
public:
    /// Starts espeak-ng with its data from the system (espeak-ng-data); none, with `error` saying
    /// why, when it cannot.
    static std::unique_ptr<SpeechSynth> open(std::string& error);
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    /// Samples per second of what synthesize() gives (22050 with espeak-ng's voices).
    int sample_rate() const { return rate_; }
    /// Every language espeak-ng has a voice for, by the names espeak_SetVoiceByName takes ("en",
    /// "en-gb", "cmn-latn-pinyin"), lower case.
    std::set<std::string> voice_languages() const;
    /// Whether espeak-ng has a voice by this name ("en", "ar", "cmn-latn-pinyin"); it becomes the
    /// voice in use when it has.
    bool has_voice(const std::string& voice);

    /// Hands the samples that speak `text` (UTF-8) to `sink` as they are made, at `words_per_minute`
    /// (80 to 450; 175 is espeak-ng's usual). `sink` returning false stops it early: the words are
    /// no longer wanted. False with `error` when the voice is unknown or synthesis fails.
    using Sink = std::function<bool(std::span<const int16_t>)>;
    bool synthesize(const std::string& text, const std::string& voice, int words_per_minute, const Sink& sink, std::string& error);

private:
    explicit SpeechSynth(int rate) : rate_(rate) {}
    int rate_;
    std::string voice_;  // the voice set last: setting one loads its dictionary
};

}  // namespace platform
