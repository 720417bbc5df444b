#include "platform/speech_synth.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>

namespace platform {

namespace {

// espeak-ng calls back with no context of its own but the user data given to espeak_Synth.
struct Call {
    const SpeechSynth::Sink* sink;
    bool stopped = false;
};

int on_samples(short* wav, int count, espeak_EVENT* events) {
    Call* call = events ? static_cast<Call*>(events->user_data) : nullptr;
    if (!call || call->stopped) return 1;
    if (wav && count > 0 && !(*call->sink)(std::span<const int16_t>(wav, static_cast<size_t>(count)))) {
        call->stopped = true;
        return 1;  // espeak-ng stops making this text
    }
    return 0;
}

std::atomic<bool> in_use{false};
int engine_rate = 0;  // set once espeak-ng is started: it stays for the process

}  // namespace

std::unique_ptr<SpeechSynth> SpeechSynth::open(std::string& error) {
    if (in_use.exchange(true)) {
        error = "espeak-ng is already in use in this process (it has one engine per process)";
        return nullptr;
    }
    // Started once and kept: espeak-ng 1.51's espeak_Terminate can wait forever for a thread of
    // its own that nothing wakes, so the engine lives as long as the process and a later
    // SpeechSynth takes it over. Synchronous: the caller's thread makes the samples and gets them
    // through the callback; no audio device of espeak-ng's own. DONT_EXIT: a missing data
    // folder is an error, not an exit.
    if (engine_rate <= 0) engine_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (engine_rate <= 0) {
        in_use = false;
        error = "espeak-ng could not start (is espeak-ng-data installed?)";
        return nullptr;
    }
    espeak_SetSynthCallback(on_samples);
    return std::unique_ptr<SpeechSynth>(new SpeechSynth(engine_rate));
}

SpeechSynth::~SpeechSynth() { in_use = false; }

std::set<std::string> SpeechSynth::voice_languages() const {
    std::set<std::string> languages;
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v)
        // A list of (priority byte, name, zero byte), ended by a zero byte.
        for (const char* entry = (*v)->languages; entry && entry[0] != 0; entry += 1 + std::strlen(entry + 1) + 1) {
            std::string name(entry + 1);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            languages.insert(name);
        }
    return languages;
}

bool SpeechSynth::has_voice(const std::string& voice) {
    if (voice == voice_) return true;
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) return false;
    voice_ = voice;
    return true;
}

bool SpeechSynth::synthesize(const std::string& text, const std::string& voice, int words_per_minute, const Sink& sink,
                             std::string& error) {
    if (!has_voice(voice)) {
        error = "espeak-ng has no voice \"" + voice + "\"";
        return false;
    }
    espeak_SetParameter(espeakRATE, std::clamp(words_per_minute, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);
    Call call{&sink};
    unsigned int id = 0;
    const espeak_ERROR result =
        espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, &id, &call);
    if (result != EE_OK && !call.stopped) {
        error = "espeak-ng could not speak the text (error " + std::to_string(static_cast<int>(result)) + ")";
        return false;
    }
    return true;
}

}  // namespace platform
