// Fuzzes the kiosk's configuration file (kiosk/config/settings.cpp): `key = value` lines, each
// key's value read and checked (rotation, sizes, seconds, opening hours, the position, the
// printer's address, lists). A mistake is one message naming the file, line and key, with a fix.
#include "kiosk/config/options.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto settings = kiosk::parse_settings(fuzz::text_of(data, size), "kiosk.conf", error);
    if (!settings) {
        fuzz::require(error.starts_with("kiosk.conf") && error.find("Fix: ") != std::string::npos);
        return 0;
    }
    fuzz::require(settings->idle_countdown < settings->idle_timeout);
    fuzz::require(settings->max_bundle_mb >= 1 && settings->check_every.count() >= 60);
    fuzz::require(settings->rotation % 90 == 0 && settings->rotation >= 0 && settings->rotation < 360);
    (void)settings->pixels_per_mm(1920);
    // What the configuration says reaches the running kiosk unchanged (kiosk/wiring.cpp).
    kiosk::Options options;
    kiosk::take_settings(options, *settings);
    fuzz::require(options.check_every_s == settings->check_every.count() && options.max_bundle_mb == settings->max_bundle_mb);
    return 0;
}
