#pragma once
// The kiosk's command line.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/settings.hpp"

namespace kiosk {

struct Options {
    std::string config;           // the configuration file (docs/configuration.md); empty: defaults
    std::string bundle;           // empty: look in the usual places; with --store, the factory bundle
    std::string store;            // a bundle store (kiosk-bundle install) to start from
    std::string preview;          // a content source folder, shown unsigned and rebuilt on change (content managers)
    std::vector<std::string> trusted_keys;  // minisign public key files
    std::vector<std::string> root_keys;     // the fleet's root keys, which sign the publishers' keyring
    // bundle_name: the name `kiosk-bundle publish` uses unless told (published_folder::kDefaultName)
    std::string update_url, bundle_name = "torino.kbundle", inbox, channel;  // updates (need a store)
    int check_every_s = 900, max_bundle_mb = 512;
    std::string fonts = "/usr/share/fonts";  // fallback when the bundle's fonts cannot be read
    std::string lang;             // empty: start on the language chooser
    std::vector<std::string> fallback;  // empty: the bundle's own fallback languages
    std::string open;             // route to start on
    std::optional<std::pair<int, int>> windowed;
    std::pair<int, int> size{1920, 1080};  // headless size
    std::string screenshot;       // write this PNG and exit
    std::string script;           // run this script headless and exit
    std::string speak_to;         // write the --open screen's speech as a WAV and exit
    std::string audio_device;     // SDL's name of the sound output; "none": silent; empty: the default
    std::string print_preview;    // write the --open screen's ticket as a PNG and exit
    std::string print_to;         // write the bytes the printer would receive and exit
    int paper = 0;                // --paper 58|80; 0: the configuration's
    bool headless = false;        // the interactive loop on the offscreen driver (benchmarks, tests)
    std::optional<int> exit_after_ms;
    bool version = false, help = false;
    bool hash_pin = false;   // read a PIN on standard input, print its hash for admin_pin_hash
    bool usage_csv = false;  // print the usage counters (usage_db of --config) as CSV
    // Given on the command line, so the configuration's values do not replace them.
    bool bundle_name_given = false, check_every_given = false, max_bundle_mb_given = false;
};

/// Parses argv; on a mistake returns nullopt and sets `error` to one line saying what to fix.
std::optional<Options> parse_options(int argc, char** argv, std::string& error);

/// Options that cannot go together (a preview with a store, updates without one); none when
/// fine. Checked once the configuration has filled in what the command line left unsaid.
std::optional<std::string> combination_problem(const Options& options);

/// Fills what the command line left unsaid from the configuration file; the command line wins.
/// A preview takes only the languages from it, never where bundles come from.
void take_settings(Options& options, const Settings& settings);

extern const char* const kUsage;

}  // namespace kiosk
