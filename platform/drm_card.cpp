#include "platform/drm_card.hpp"

#include <charconv>
#include <fstream>
#include <map>

namespace platform {

namespace fs = std::filesystem;

namespace {

// N for "cardN"; nullopt for anything else (renderD128, card1-HDMI-A-1, ...).
std::optional<int> card_number(const std::string& name) {
    if (!name.starts_with("card")) return std::nullopt;
    int n = -1;
    const auto [end, ec] = std::from_chars(name.data() + 4, name.data() + name.size(), n);
    if (ec != std::errc() || end != name.data() + name.size() || n < 0) return std::nullopt;
    return n;
}

std::string first_line(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

}  // namespace

DrmChoice choose_drm_card(const std::string& wanted, const fs::path& sys_drm, const fs::path& dev_dri) {
    if (!wanted.empty() && wanted != "auto") {
        // The path's own name, or the cardN it links to (by-path and by-id names are symlinks).
        std::error_code ec;
        fs::path target = fs::path(wanted).lexically_normal();
        if (wanted.starts_with("/dev/dri/")) target = dev_dri / fs::path(wanted).lexically_relative("/dev/dri");
        const fs::path resolved = fs::canonical(target, ec);
        if (const auto n = card_number((ec ? target : resolved).filename().string()))
            return {*n, "display " + wanted + ": card" + std::to_string(*n)};
        return {-1, "display " + wanted + " is not a DRM card (" + (ec ? ec.message() : "no cardN there") +
                        "); SDL chooses. Fix: ls -l /dev/dri/by-path/ and give one of those, or auto"};
    }
    // Connectors appear as cardN-HDMI-A-1, cardN-DSI-1, ... with a status file.
    std::map<int, int> connectors, connected;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(sys_drm, ec)) {
        const std::string name = entry.path().filename().string();
        const auto dash = name.find('-');
        if (dash == std::string::npos) continue;
        const auto n = card_number(name.substr(0, dash));
        if (!n) continue;
        ++connectors[*n];
        if (first_line(entry.path() / "status") == "connected") ++connected[*n];
    }
    if (!connected.empty()) return {connected.begin()->first, "card" + std::to_string(connected.begin()->first) + " has a screen connected"};
    if (!connectors.empty())
        return {connectors.begin()->first, "no screen reports connected; card" + std::to_string(connectors.begin()->first) +
                                               " is the first with a display output"};
    return {-1, "no DRM card with a display output in " + sys_drm.string() + "; SDL chooses"};
}

}  // namespace platform
