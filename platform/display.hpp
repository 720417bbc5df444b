#pragma once
// The machine's screen: an SDL window and renderer. Fullscreen on a kiosk (KMSDRM on the Pi),
// a window on a desktop, or offscreen with the software renderer for tests and screenshots.
#include <memory>
#include <string>
#include <vector>

struct SDL_Window;
struct SDL_Renderer;

namespace platform {

struct DisplayOptions {
    enum class Mode { Fullscreen, Windowed, Offscreen };
    Mode mode = Mode::Fullscreen;
    int width = 1920, height = 1080;  // ignored in Fullscreen mode
    std::string title = "Torino kiosk";
    /// No pointer on screen: a touch kiosk has none (KMSDRM shows one at start otherwise).
    bool hide_cursor = true;
    /// N of /dev/dri/cardN for KMSDRM (drm_card.hpp); -1: SDL chooses. SDL_KMSDRM_DEVICE_INDEX
    /// in the environment still wins, for a technician trying another card.
    int drm_card = -1;
};

class Display {
public:
    /// Opens the display; on failure returns null and sets `error` to one line a person can act on.
    static std::unique_ptr<Display> open(const DisplayOptions& options, std::string& error);
    ~Display();
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    /// Size in pixels of what the renderer draws to.
    void size(int& width, int& height) const;
    /// RGBA pixels of the current frame (call before present).
    std::vector<unsigned char> read_pixels(int& width, int& height) const;
    const std::string& driver() const { return driver_; }
    /// "KMSDRM, renderer opengles2 with vsync, 1920x1080": what a technician needs in the log.
    std::string describe() const;

private:
    Display() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::string driver_;
};

}  // namespace platform
