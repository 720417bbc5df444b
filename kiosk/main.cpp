// kiosk: the Torino information kiosk. This file only chooses the run mode; wiring.hpp makes
// the parts each mode needs.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>

#include "content/text/text_files.hpp"
#include "kiosk/admin/pin_gate.hpp"
#include "kiosk/print/printer_setup.hpp"
#include "kiosk/shell/script.hpp"
#include "kiosk/wiring.hpp"
#include "platform/log.hpp"
#include "platform/ogg_audio.hpp"
#include "platform/speech_synth.hpp"
#include "platform/wav_file.hpp"

namespace fs = std::filesystem;

namespace {

int fail(const std::string& message) {
    std::cerr << "kiosk: " << message << "\n";
    return 1;
}

// kiosk --hash-pin < pin: the configuration's admin_pin_hash line.
int hash_pin() {
    std::string pin, error;
    std::getline(std::cin, pin);
    const auto hash = kiosk::PinGate::hash(pin, error);
    if (!hash) return fail(error);
    std::cout << "admin_pin_hash = " << *hash << "\n";
    return 0;
}

// --print-preview and --print-to: a ticket as files, with no display and no printer.
int write_tickets(kiosk::Setup& s) {
    const auto& o = s.options;
    std::string error;
    if (!kiosk::write_ticket_files(*s.bundle, *s.start, s.lang, s.settings, o.paper, o.print_preview, o.print_to, error)) return fail(error);
    for (const auto& file : {o.print_preview, o.print_to})
        if (!file.empty()) std::cout << "wrote " << file << " (ticket of " << s.start->str() << ", " << s.lang << ")\n";
    return s.clean_exit();
}

int screenshot(kiosk::Setup& s, kiosk::Session& session) {
    std::string error;
    if (!session.runner->screenshot(s.options.screenshot, error)) return fail(error);
    std::cout << "wrote " << s.options.screenshot << " (" << session.app->route().str() << ", " << session.app->lang() << ")\n";
    return s.clean_exit();
}

// --speak-to: what the screen says from the top, as a WAV, and its words on standard output.
int speak_to(kiosk::Setup& s, kiosk::Session& session) {
    session.runner->settle();
    const auto said = session.runner->page_speech();
    std::string error;
    auto synth = platform::SpeechSynth::open(error);
    if (!synth) return fail(error);
    const auto voices = synth->voice_languages();
    std::vector<int16_t> samples;
    std::set<std::string> voiceless;
    for (const auto& u : said) {
        const std::string voice = kiosk::voice_for(u.lang, voices);
        std::cout << u.lang << (u.recording ? " (recorded)" : voice.empty() ? " (no voice)" : "") << ": " << u.text << "\n";
        if (u.recording) {
            const auto recorded = platform::decode_ogg_vorbis(*u.recording, synth->sample_rate(), error);
            if (!recorded) return fail(error);
            samples.insert(samples.end(), recorded->begin(), recorded->end());
            continue;
        }
        if (voice.empty()) {
            voiceless.insert(u.lang);
            continue;
        }
        if (!synth->synthesize(u.text, voice, 175, [&](std::span<const int16_t> part) {
                samples.insert(samples.end(), part.begin(), part.end());
                return true;
            }, error))
            return fail(error);
    }
    if (samples.empty())
        return fail("nothing on " + session.app->route().str() + " in " + session.app->lang() + " can be spoken: espeak-ng has no voice for " +
                    (voiceless.empty() ? std::string("its texts") : *voiceless.begin()) +
                    ". Fix: record the screen's texts and put the recordings in the bundle, or choose another language");
    if (!platform::write_wav(s.options.speak_to, synth->sample_rate(), samples, error)) return fail(error);
    std::cout << "wrote " << s.options.speak_to << " (" << session.app->route().str() << ", " << session.app->lang() << ", "
              << samples.size() * 1000 / static_cast<size_t>(synth->sample_rate()) << " ms)\n";
    return s.clean_exit();
}

int run_script(kiosk::Setup& s, kiosk::Session& session) {
    const auto& file = s.options.script;
    const auto text = content::read_file(file);
    if (!text) return fail("cannot read the script " + file);
    std::string error;
    auto script = kiosk::Script::parse(*text, file, error);
    if (!script) return fail(error);
    if (!script->run(*session.runner, *session.app, error)) return fail(error);
    std::cout << "script " << file << " passed\n";
    return s.clean_exit();
}

// systemd stops the kiosk with SIGTERM. Until the display is up, SIGTERM and SIGINT wait
// (blocked; the threads started meanwhile inherit that): then SDL's handlers turn them into a
// quit event, the frame loop ends and the run is struck off the crash-loop guard's list. Their
// default action before that would end the run unrecorded, counted as a failed start.
void hold_stop_signals(int how) {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(how, &stop, nullptr);
}

// Restarts the kiosk in place (same process id, so a service manager sees no exit).
void restart_self(char** argv) {
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    ::execv(ec ? argv[0] : exe.c_str(), argv);
    platform::log::problem(std::string("cannot restart: ") + std::strerror(errno));
}

}  // namespace

int main(int argc, char** argv) {
    hold_stop_signals(SIG_BLOCK);
    std::string error;
    auto options = kiosk::parse_options(argc, argv, error);
    if (!options) return fail(error);
    if (options->help) {
        std::cout << kiosk::kUsage;
        return 0;
    }
    if (options->version) {
        std::cout << "kiosk " << KIOSK_VERSION << "\n";
        return 0;
    }
    if (options->hash_pin) return hash_pin();

    auto setup = kiosk::configure(std::move(*options), error);
    if (!setup) return fail(error);
    const kiosk::Options& o = setup->options;
    if (o.usage_csv) {
        if (!setup->usage) return fail("--usage-csv reads the counters named by usage_db. Fix: give --config with usage_db = FILE");
        setup->usage->export_csv(std::cout);
        return 0;
    }
    if (!kiosk::choose_content(*setup, error)) return fail(error);
    if (!o.print_preview.empty() || !o.print_to.empty()) return write_tickets(*setup);

    auto session = kiosk::open_session(*setup, error);
    if (!session) return fail(error);
    hold_stop_signals(SIG_UNBLOCK);
    if (!o.screenshot.empty()) return screenshot(*setup, *session);
    if (!o.script.empty()) return run_script(*setup, *session);
    if (!o.speak_to.empty()) return speak_to(*setup, *session);
    if (kiosk::run_kiosk(*setup, *session)) {
        setup->clean_exit();
        session.reset();
        setup->usage.reset();  // counts written before the process image is replaced
        restart_self(argv);
        return 1;
    }
    return setup->clean_exit();
}
