#include "platform/display.hpp"

#include <SDL.h>

#include <cstdlib>
#include <string>

namespace platform {

std::unique_ptr<Display> Display::open(const DisplayOptions& options, std::string& error) {
    const bool offscreen = options.mode == DisplayOptions::Mode::Offscreen;
    if (offscreen) {
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        // The software renderer draws into the window surface; without this SDL would present
        // that surface through an OpenGL context, loading Mesa and LLVM for nothing.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    } else if (const char* renderer = std::getenv("SDL_RENDER_DRIVER"); renderer && std::string(renderer) == "software") {
        // Asked for on a display too (X11 without a GPU): the same, or SDL would still load
        // Mesa and LLVM to present the surface — 60 MB more and 0.3 s more to the first frame.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    if (!offscreen && !std::getenv("SDL_VIDEODRIVER")) {
        // Probe only what can be there, so a machine without a screen gets one clear message
        // (libwayland prints its own complaint when probed without a compositor).
        SDL_SetHint(SDL_HINT_VIDEODRIVER, std::getenv("WAYLAND_DISPLAY") ? "wayland,x11,KMSDRM" : "x11,KMSDRM");
    }
    if (!offscreen && options.drm_card >= 0) SDL_SetHint(SDL_HINT_KMSDRM_DEVICE_INDEX, std::to_string(options.drm_card).c_str());
    // A kiosk must never blank itself or give up the screen on focus loss.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("no display found (") + SDL_GetError() +
                "). To render a screen without a display: kiosk --screenshot out.png [--open ROUTE] [--lang CODE]";
        return nullptr;
    }
    std::unique_ptr<Display> d(new Display());
    d->driver_ = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    // SDL 2.26 quietly falls back to its offscreen or dummy driver when no screen answers; a
    // kiosk asked to show itself must say so rather than run invisibly.
    if (!offscreen && (d->driver_ == "offscreen" || d->driver_ == "dummy")) {
        error = "no display found (tried KMSDRM, X11 and Wayland). To render a screen without a display: "
                "kiosk --screenshot out.png [--open ROUTE] [--lang CODE]";
        return nullptr;
    }
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    int w = options.width, h = options.height;
    if (options.mode == DisplayOptions::Mode::Fullscreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        w = h = 0;
    } else if (options.mode == DisplayOptions::Mode::Windowed) {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    d->window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!d->window_) {
        error = std::string("cannot open a window on the ") + d->driver_ + " display: " + SDL_GetError();
        return nullptr;
    }
    if (options.hide_cursor) SDL_ShowCursor(SDL_DISABLE);
    // On the console, OpenGL ES 2: what the Pi's V3D and Mesa drive natively. SDL 2.26 would
    // pick its desktop OpenGL renderer first, which on KMSDRM put only its first frame on the
    // screen (seen booting the card's image under qemu with virtio-gpu and Mesa), and its
    // software renderer none. SDL falls back to the others if GLES 2 cannot start;
    // SDL_RENDER_DRIVER in the environment still chooses, for a technician trying another.
    if (d->driver_ == "KMSDRM" && !std::getenv("SDL_RENDER_DRIVER")) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    // Offscreen always uses the software renderer so screenshots are the same on every machine.
    if (!offscreen)
        d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!d->renderer_) d->renderer_ = SDL_CreateRenderer(d->window_, -1, SDL_RENDERER_SOFTWARE);
    if (!d->renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return nullptr;
    }
    return d;
}

std::string Display::describe() const {
    SDL_RendererInfo info{};
    std::string renderer = "none";
    if (SDL_GetRendererInfo(renderer_, &info) == 0) {
        renderer = info.name;
        if (info.flags & SDL_RENDERER_PRESENTVSYNC) renderer += " with vsync";
    }
    int w = 0, h = 0;
    size(w, h);
    return driver_ + ", renderer " + renderer + ", " + std::to_string(w) + "x" + std::to_string(h);
}

Display::~Display() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

void Display::size(int& width, int& height) const {
    if (SDL_GetRendererOutputSize(renderer_, &width, &height) != 0) SDL_GetWindowSize(window_, &width, &height);
}

std::vector<unsigned char> Display::read_pixels(int& width, int& height) const {
    size(width, height);
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width * 4) != 0) pixels.clear();
    return pixels;
}

}  // namespace platform
