#pragma once
// The kiosk's voice: what to say, in which language, said on a worker thread and played as it is
// made, so the first words come out while the rest is still being made. Saying something new
// stops what was being said (any new action interrupts, as ADA 707.5 asks). Nothing said is
// stored: the log of what was asked to be said is there for tests (`--script` expect-speech),
// holds the last kLogLength utterances in memory and is dropped with each visitor. Without an
// engine or a sound device the kiosk still works, silently, and keeps the log.
#include <atomic>
#include <chrono>
#include <optional>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "platform/audio_output.hpp"
#include "platform/speech_synth.hpp"

namespace kiosk {

/// Something to say: its words and their language. `item` says what on the screen it reads
/// (an index the caller chose), so the screen can highlight what is being heard.
struct Utterance {
    std::string text, lang;
    int item = -1;
    /// A person reading the text (Ogg Vorbis from the bundle): played instead of the voice.
    std::shared_ptr<const std::vector<unsigned char>> recording = nullptr;
    /// A tone instead of words (the text says what it means, for the log): the countdown's.
    bool tone = false;
    /// The part of the item these words say, as the caller counts ([from, to); to -1: all of it):
    /// one sentence of a paragraph.
    int from = 0, to = -1;
};

/// What is being heard: an utterance's item and part; item -1 when nothing is.
struct Heard {
    int item = -1, from = 0, to = -1;
    bool operator==(const Heard&) const = default;
};

/// The espeak-ng voice that speaks `lang` (a bundle's language code): the code itself, but for
/// Chinese the Mandarin voice that reads Chinese characters (espeak-ng's "cmn" reads digits in
/// English). Empty when there is none; another language's voice is never taken instead.
std::string voice_for(const std::string& lang, const std::set<std::string>& voices);

class Speech {
public:
    /// A voice that speaks through `output`. Either may be null: then nothing is heard, and the
    /// log is kept as if it were.
    Speech(std::unique_ptr<platform::SpeechSynth> synth, std::unique_ptr<platform::AudioOutput> output);
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    /// Stops what is being said and says these, in order.
    void say(std::vector<Utterance> utterances);
    void say(std::string text, std::string lang, int item = -1) { say({{std::move(text), std::move(lang), item}}); }
    /// Silence at once.
    void stop();
    /// Words are being made or heard.
    bool speaking() const;
    /// The item and part of the utterance being heard now.
    Heard heard() const;

    /// The kiosk has a speech engine: the pages offer Listen.
    bool has_engine() const { return synth_ != nullptr; }
    /// The engine has a voice for `lang`; without one, only recorded texts are read.
    bool has_voice(const std::string& lang) const { return !voice_for(lang, voices_).empty(); }
    /// Words are heard: an engine and a sound device.
    bool audible() const { return synth_ && output_; }
    /// Loudness, 0 to 1, and speed in words a minute (espeak-ng's 80 to 450; 175 usual).
    float volume() const { return volume_; }
    void set_volume(float volume);
    int rate() const { return rate_; }
    void set_rate(int words_per_minute);

    /// Told on the worker thread whenever what is heard may have moved on (a new utterance began,
    /// speech ended): the frame loop wakes to show it.
    void set_on_progress(std::function<void()> on_progress) { on_progress_ = std::move(on_progress); }

    /// When the first sound of what was last asked was handed to the sound device; none while it
    /// is being made (benchmarks: key press to first sound).
    std::optional<std::chrono::steady_clock::time_point> first_sound() const;

    /// What the kiosk was asked to say, in order, since the log was last taken (at most the last
    /// kLogLength utterances).
    std::vector<Utterance> take_log();
    static constexpr size_t kLogLength = 500;

    /// The samples of the tone a `tone` utterance plays: half a second, two notes rising.
    static std::vector<int16_t> tone(int sample_rate);

private:
    void work();
    // An utterance's place in what was queued: samples [begin, end) of the current job.
    struct Mark {
        Heard heard;
        uint64_t begin, end;
    };

    std::unique_ptr<platform::SpeechSynth> synth_;
    std::unique_ptr<platform::AudioOutput> output_;
    std::set<std::string> voices_;
    std::atomic<float> volume_{1.0f};
    std::atomic<int> rate_{175};
    std::function<void()> on_progress_;
    std::vector<Utterance> log_;

    mutable std::mutex mutex_;  // guards what follows
    std::condition_variable wake_;
    std::vector<Utterance> pending_;
    uint64_t job_ = 0;          // counts say() and stop(): the worker drops what an older job made
    bool working_ = false, quit_ = false;
    std::vector<Mark> marks_;   // the current job's utterances queued so far
    uint64_t queued_ = 0;       // samples of the current job queued
    std::optional<std::chrono::steady_clock::time_point> first_sound_;
    std::thread worker_;
};

}  // namespace kiosk
