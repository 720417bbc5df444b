// Fuzzes the kiosk's command line (kiosk/config/options.cpp): the input is the arguments,
// separated by NUL bytes, as a systemd unit or a technician's shell passes them; then how they
// combine and what a configuration file fills in.
#include <vector>

#include "kiosk/config/options.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> words{"kiosk"};
    const std::string_view text = fuzz::text_of(data, size);
    for (size_t pos = 0; pos <= text.size();) {
        const size_t end = std::min(text.find('\0', pos), text.size());
        words.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::string error;
    auto options = kiosk::parse_options(static_cast<int>(words.size()), argv.data(), error);
    if (!options) {
        fuzz::require(!error.empty());
        return 0;
    }
    kiosk::take_settings(*options, kiosk::Settings{});
    (void)kiosk::combination_problem(*options);
    return 0;
}
