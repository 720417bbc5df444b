// Fuzzes the `kiosk --script` language's reader (kiosk/shell/script_parse.cpp): a script that
// reads is a list of known commands, each with a number for every argument that is one, in the
// ranges run() converts them from: pixels finite, milliseconds whole ints (script.cpp).
#include <cmath>

#include "kiosk/shell/script.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string error;
    const auto script = kiosk::Script::parse(std::string(fuzz::text_of(data, size)), "fuzz.kscript", error);
    fuzz::require(script.has_value() == error.empty());
    if (!script) {
        fuzz::require(error.starts_with("fuzz.kscript:") && error.find("Fix: ") != std::string::npos);
        return 0;
    }
    for (const auto& command : script->commands()) {
        // Which argument is milliseconds: wait's first, hold's third, drag's and pinch's fifth.
        const size_t ms = command.name == "wait" ? 0 : command.name == "hold" ? 2 : command.name == "drag" || command.name == "pinch" ? 4 : 99;
        for (size_t i = 0; i < command.numbers.size(); ++i) {
            const float v = command.numbers[i];
            fuzz::require(std::isfinite(v));
            if (i == ms) fuzz::require(v >= 0 && v <= static_cast<float>(kiosk::kScriptMaxMilliseconds));
        }
    }
    return 0;
}
