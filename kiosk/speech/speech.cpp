#include "kiosk/speech/speech.hpp"

#include <algorithm>
#include <initializer_list>
#include <cmath>
#include <utility>

#include "platform/audio_output.hpp"
#include "platform/log.hpp"
#include "platform/ogg_audio.hpp"
#include "platform/speech_synth.hpp"

namespace kiosk {

std::string voice_for(const std::string& lang, const std::set<std::string>& voices) {
    const std::string voice = lang == "zh" ? "cmn-latn-pinyin" : lang;
    return voices.contains(voice) ? voice : std::string();
}

Speech::Speech(std::unique_ptr<platform::SpeechSynth> synth, std::unique_ptr<platform::AudioOutput> output)
    : synth_(std::move(synth)), output_(std::move(output)) {
    if (synth_) voices_ = synth_->voice_languages();
    if (audible()) worker_ = std::thread([this] { work(); });
}

Speech::~Speech() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
        ++job_;
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void Speech::say(std::vector<Utterance> utterances) {
    log_.insert(log_.end(), utterances.begin(), utterances.end());
    if (log_.size() > kLogLength) log_.erase(log_.begin(), log_.end() - static_cast<std::ptrdiff_t>(kLogLength));
    {
        std::lock_guard lock(mutex_);
        ++job_;
        pending_ = std::move(utterances);
        marks_.clear();
        queued_ = 0;
        first_sound_.reset();
        if (output_) output_->clear();
    }
    wake_.notify_all();
}

void Speech::stop() { say({}); }

bool Speech::speaking() const {
    std::lock_guard lock(mutex_);
    return working_ || !pending_.empty() || (output_ && output_->waiting() > 0);
}

Heard Speech::heard() const {
    std::lock_guard lock(mutex_);
    if (!output_ || marks_.empty()) return {};
    const uint64_t waiting = output_->waiting();
    if (waiting == 0 && !working_) return {};  // all of it heard
    const uint64_t heard = queued_ - std::min<uint64_t>(waiting, queued_);
    for (const auto& m : marks_)
        if (heard < m.end) return m.heard;
    return marks_.back().heard;  // the next words are still being made
}

void Speech::set_volume(float volume) { volume_ = std::clamp(volume, 0.0f, 1.0f); }

void Speech::set_rate(int words_per_minute) { rate_ = std::clamp(words_per_minute, 80, 450); }

std::optional<std::chrono::steady_clock::time_point> Speech::first_sound() const {
    std::lock_guard lock(mutex_);
    return first_sound_;
}

std::vector<Utterance> Speech::take_log() { return std::exchange(log_, {}); }

std::vector<int16_t> Speech::tone(int sample_rate) {
    // Two short rising notes, E5 then A5, each faded in and out so it does not click.
    std::vector<int16_t> samples;
    for (const double pitch : {659.25, 880.0}) {
        const int n = sample_rate * 18 / 100;
        for (int i = 0; i < n; ++i) {
            const double fade = std::min({1.0, i / (0.01 * sample_rate), (n - i) / (0.02 * sample_rate)});
            samples.push_back(static_cast<int16_t>(std::lround(9000 * fade * std::sin(2 * 3.14159265358979 * pitch * i / sample_rate))));
        }
    }
    return samples;
}

void Speech::work() {
    std::vector<int16_t> scaled;
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return quit_ || !pending_.empty(); });
        if (quit_) return;
        const uint64_t job = job_;
        std::vector<Utterance> utterances = std::exchange(pending_, {});
        working_ = true;
        for (const Utterance& u : utterances) {
            if (job_ != job) break;
            const std::string voice = voice_for(u.lang, voices_);
            if ((voice.empty() && !u.recording && !u.tone) || u.text.empty()) continue;
            marks_.push_back({{u.item, u.from, u.to}, queued_, queued_});
            lock.unlock();
            if (on_progress_) on_progress_();
            std::string error;
            const auto queue = [&](std::span<const int16_t> samples) {
                const float gain = volume_;
                scaled.resize(samples.size());
                for (size_t i = 0; i < samples.size(); ++i) scaled[i] = static_cast<int16_t>(std::lround(samples[i] * gain));
                std::lock_guard still(mutex_);
                if (job_ != job) return false;  // a newer job: these words are no longer wanted
                output_->queue(scaled);
                if (queued_ == 0) first_sound_ = std::chrono::steady_clock::now();
                queued_ += scaled.size();
                marks_.back().end = queued_;
                return true;
            };
            bool ok = true;
            if (u.tone) {
                queue(tone(output_->sample_rate()));
            } else if (u.recording) {
                const auto samples = platform::decode_ogg_vorbis(*u.recording, output_->sample_rate(), error);
                ok = samples.has_value();
                if (ok) queue(*samples);
            } else {
                ok = synth_->synthesize(u.text, voice, rate_, queue, error);
            }
            if (!ok) platform::log::problem("speech: " + error);
            lock.lock();
        }
        working_ = false;
        lock.unlock();
        if (on_progress_) on_progress_();
        lock.lock();
    }
}

}  // namespace kiosk
