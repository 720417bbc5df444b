// Choosing the DRM card on a Raspberry Pi, whose render-only GPU and display controller may
// swap card numbers between boots: sysfs and /dev/dri laid out as on a Pi 4, in a folder.
#include <doctest/doctest.h>

#include "platform/drm_card.hpp"
#include "tests/test_support.hpp"

using namespace test;

namespace {

// /sys/class/drm as a Pi shows it: the v3d card with no outputs, vc4's with two HDMI ports.
void pi_sysfs(const fs::path& sys, int v3d, int vc4, const std::string& hdmi1 = "connected") {
    fs::create_directories(sys / ("card" + std::to_string(v3d)));
    fs::create_directories(sys / "renderD128");
    const std::string card = "card" + std::to_string(vc4);
    fs::create_directories(sys / card);
    for (const auto& [port, status] : {std::pair<std::string, std::string>{"HDMI-A-1", hdmi1}, {"HDMI-A-2", "disconnected"}}) {
        fs::create_directories(sys / (card + "-" + port));
        write(sys / (card + "-" + port) / "status", status + "\n");
    }
}

}  // namespace

TEST_CASE("the card with a screen plugged in is chosen, whichever number it got this boot") {
    TempDir dir;
    SUBCASE("display controller on card1") {
        pi_sysfs(dir / "sys1", 0, 1);
        const auto c = platform::choose_drm_card("auto", dir / "sys1", dir / "dev");
        CHECK(c.index == 1);
        CHECK(c.reason == "card1 has a screen connected");
    }
    SUBCASE("the numbers swapped") {
        pi_sysfs(dir / "sys0", 1, 0);
        CHECK(platform::choose_drm_card("", dir / "sys0", dir / "dev").index == 0);
    }
    SUBCASE("no screen reports connected (a panel on DSI may say unknown): the card with outputs") {
        pi_sysfs(dir / "sys", 0, 1, "unknown");
        const auto c = platform::choose_drm_card("auto", dir / "sys", dir / "dev");
        CHECK(c.index == 1);
        CHECK(c.reason.find("first with a display output") != std::string::npos);
    }
    SUBCASE("no DRM at all: SDL chooses") {
        fs::create_directories(dir / "empty");
        CHECK(platform::choose_drm_card("auto", dir / "empty", dir / "dev").index == -1);
    }
}

TEST_CASE("a card named in the configuration by its stable by-path name, or its number") {
    TempDir dir;
    fs::create_directories(dir / "dev/by-path");
    write(dir / "dev/card0", "");
    write(dir / "dev/card1", "");
    fs::create_symlink("../card1", dir / "dev/by-path/platform-gpu-card");
    CHECK(platform::choose_drm_card("/dev/dri/by-path/platform-gpu-card", dir / "sys", dir / "dev").index == 1);
    CHECK(platform::choose_drm_card("/dev/dri/card0", dir / "sys", dir / "dev").index == 0);
    const auto bad = platform::choose_drm_card("/dev/dri/by-path/platform-nothing", dir / "sys", dir / "dev");
    CHECK(bad.index == -1);
    CHECK(bad.reason.find("Fix: ls -l /dev/dri/by-path/") != std::string::npos);
}
