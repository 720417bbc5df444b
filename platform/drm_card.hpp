#pragma once
// Which /dev/dri/cardN the kiosk draws on. On a Raspberry Pi 4 or 5 the render-only GPU (v3d)
// and the display controller (vc4) are two cards whose numbers can swap between boots, and SDL
// 2.26 tries card0 first, so a kiosk may come up on the card with no screen. The card is chosen
// here, by what is plugged in, and handed to SDL (SDL_HINT_KMSDRM_DEVICE_INDEX).
#include <filesystem>
#include <optional>
#include <string>

namespace platform {

struct DrmChoice {
    int index = -1;      // N of /dev/dri/cardN; -1: none found, SDL chooses
    std::string reason;  // one line for the log
};

/// `wanted`: empty or "auto" picks the first card with a connector whose status is
/// "connected", else the first with any connector; a path such as
/// /dev/dri/by-path/platform-gpu-card (stable across boots) or /dev/dri/card1 names the card.
/// `sys_drm` and `dev_dri` are /sys/class/drm and /dev/dri, other folders in tests.
DrmChoice choose_drm_card(const std::string& wanted, const std::filesystem::path& sys_drm = "/sys/class/drm",
                          const std::filesystem::path& dev_dri = "/dev/dri");

}  // namespace platform
