#include "pointer.hpp"

namespace kiosk {

void Pointer::press(float x, float y, bool touch) {
    pos_ = ImVec2(x, y);
    down_ = true;
    seen_ = false;
    release_pending_ = false;
    leave_pending_ = false;
    touch_ = touch;
}

void Pointer::release(float x, float y) {
    pos_ = ImVec2(x, y);
    if (!down_) return;
    if (seen_) down_ = false;
    else release_pending_ = true;
    leave_pending_ = touch_;
}

bool Pointer::on_event(const SDL_Event& e, float w, float h) {
    switch (e.type) {
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return false;
            pos_ = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
            return true;
        case SDL_MOUSEBUTTONDOWN:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
            press(static_cast<float>(e.button.x), static_cast<float>(e.button.y), false);
            return true;
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return false;
            release(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
            return true;
        case SDL_FINGERDOWN: press(e.tfinger.x * w, e.tfinger.y * h, true); return true;
        case SDL_FINGERMOTION: pos_ = ImVec2(e.tfinger.x * w, e.tfinger.y * h); return true;
        case SDL_FINGERUP: release(e.tfinger.x * w, e.tfinger.y * h); return true;
        default: return false;
    }
}

void Pointer::apply(ImGuiIO& io) const {
    io.MousePos = pos_;
    io.MouseDown[0] = down_;
}

void Pointer::after_frame() {
    if (down_) {
        seen_ = true;
        if (release_pending_) {
            down_ = false;
            release_pending_ = false;
        }
        return;
    }
    if (leave_pending_) {
        pos_ = ImVec2(-FLT_MAX, -FLT_MAX);
        leave_pending_ = false;
    }
}

}  // namespace kiosk
