#pragma once
// The editor's preview: a screen of the source drawn by the kiosk program itself, run headless
// on the source folder (`kiosk --preview SRC --lang L --open ROUTE --size WxH --screenshot`), so
// the picture comes from the kiosk's own layout, shaping and fonts — never an imitation of them.
#include <filesystem>
#include <optional>
#include <string>

namespace content::console {

struct PreviewRequest {
    std::string lang;            // a language code of the source
    std::string route;           // kiosk --open's route: home, guide/<id>, category/<id>, …
    bool portrait = false;       // 1080×1920 instead of 1920×1080
};

/// Why a request cannot be drawn (a language or route the kiosk would not read), or none.
std::optional<std::string> preview_refusal(const PreviewRequest& request);

struct PreviewResult {
    std::string png;    // empty when the kiosk drew nothing
    std::string error;  // then what it said
};

/// Runs `kiosk` on `source` and returns its PNG. `work` holds the picture meanwhile. A kiosk
/// that has not finished after 60 s is stopped.
PreviewResult render_preview(const std::filesystem::path& kiosk, const std::filesystem::path& source, const PreviewRequest& request,
                             const std::filesystem::path& work);

}  // namespace content::console
