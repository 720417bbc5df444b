#pragma once
// What several harnesses share: the fuzzer's bytes as text, and a private folder for the
// parsers that read a path (libgettextpo, the source loader, the map loader). The folder is
// $KIOSK_FUZZ_SCRATCH (tests/fuzz/run-fuzzers gives each harness its own and removes it), else
// a fresh kiosk-fuzz-XXXXXX in the system's temporary folder, left there.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        if (const char* given = std::getenv("KIOSK_FUZZ_SCRATCH")) {
            std::filesystem::create_directories(given);
            return std::filesystem::path(given);
        }
        std::string templ = (std::filesystem::temp_directory_path() / "kiosk-fuzz-XXXXXX").string();
        if (!mkdtemp(templ.data())) std::abort();
        return std::filesystem::path(templ);
    }();
    return dir;
}

inline void write(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) std::abort();
}

// A harness's own claim about the code under test failed: libFuzzer reports it as a crash.
inline void require(bool holds) {
    if (!holds) __builtin_trap();
}

}  // namespace fuzz
