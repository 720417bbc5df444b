#pragma once
// The kiosk's configuration file: how the panel is mounted and how big it is, how long a visitor
// may stay idle, the kiosk's own hours, the admin PIN, where counters go, the languages offered,
// where its content comes from and how it is updated. `key = value` lines,
// `#` comments; every key is documented in docs/configuration.md.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

struct Settings {
    int rotation = 0;                 // degrees clockwise: 0, 90, 180, 270
    float screen_width_mm = 0, screen_height_mm = 0;  // the panel's visible area unturned; 0: unknown
    std::chrono::seconds idle_timeout{90};    // no touch this long: back to the attract screen
    std::chrono::seconds idle_countdown{10};  // the last part of it shows "Still there?"
    std::string hours;                // OpenStreetMap opening_hours; empty: always on
    std::string admin_pin_hash;       // libsodium crypto_pwhash_str; empty: no admin panel
    std::string usage_db;             // anonymous daily counters; empty: not kept
    std::optional<std::pair<double, double>> position;  // where the kiosk stands: latitude, longitude
    std::string location;             // the kiosk's place in words, printed on tickets
    std::string printer;              // /dev/usb/lp0, serial:/dev/ttyUSB0@19200 or cups:QUEUE; empty: none
    int printer_paper = 80;           // mm: 58 or 80
    bool printer_native_qr = false;   // the printer's own QR command instead of raster (escpos.hpp)
    std::chrono::seconds printer_timeout{10};
    // The sound output speech goes to, by SDL's name (the panel's speaker, a headset jack; the
    // kiosk's log lists the names when it cannot open one); empty: the default; "none": silent.
    std::string audio_device;
    std::string display;              // the DRM card: auto, or a path such as /dev/dri/by-path/platform-gpu-card

    std::vector<std::string> languages;  // offered to visitors; empty: all the bundle's
    std::vector<std::string> fallback;   // for missing texts; empty: the bundle's own

    // Content and updates; the command line's options of the same names win over these.
    std::string bundle;                  // the factory bundle, shown when the store has nothing better
    std::string store;                   // the bundle store; empty: none, and no updates
    std::vector<std::string> trust;      // minisign public key files the store's bundles are checked with
    std::vector<std::string> trust_root; // the fleet's root keys: a keyring they sign names more publishers
    std::string update_url, bundle_name, inbox, channel;
    std::chrono::seconds check_every{900};
    // Reports to the console's fleet view; empty url: none.
    std::string report_url, report_token;
    std::chrono::seconds report_every{300};
    int max_bundle_mb = 512;

    /// Pixels per millimetre on a panel `panel_width` pixels wide; 0 when the size is unknown.
    float pixels_per_mm(float panel_width) const { return screen_width_mm > 0 ? panel_width / screen_width_mm : 0; }
};

/// Reads a configuration file. On a mistake returns nullopt with `error` naming the file, the
/// line, the key and the fix.
std::optional<Settings> load_settings(const std::filesystem::path& file, std::string& error);
/// The same for a configuration's text, its messages naming it `name`.
std::optional<Settings> parse_settings(std::string_view text, const std::string& name, std::string& error);

}  // namespace kiosk
