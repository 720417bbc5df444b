#include "kiosk/input/scroll_area.hpp"

#include <imgui_internal.h>  // SetNextWindowScroll: the offset is applied in the frame it is set

#include <algorithm>
#include <cmath>

#include "kiosk/input/pointer.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui.hpp"

namespace kiosk {

namespace {
constexpr float kEdgeRelax = 0.15f;    // s: how fast the glow fades after the finger lifts
constexpr float kEdgeResistance = 0.5f;  // a pull past the edge shows half the finger's movement
}  // namespace

void ScrollArea::pull(float amount) { edge_ = std::clamp(edge_ + amount * kEdgeResistance, -400.0f, 400.0f); }

float ScrollArea::reveal(float top, float bottom) {
    float move = 0;
    if (bottom > pos_.y + size_.y) move = bottom - (pos_.y + size_.y);
    if (top - move < pos_.y) move = top - pos_.y;
    const float before = offset_;
    offset_ = std::clamp(offset_ + move, 0.0f, max_);
    velocity_ = 0;
    return offset_ - before;
}

void ScrollArea::begin(const char* id, ImVec2 pos, ImVec2 size, Pointer& pointer, const Theme& theme, float dt) {
    pos_ = pos;
    size_ = size;
    dt = std::clamp(dt, 0.0f, 0.1f);  // after a long sleep, glide on from where it was
    const bool mine = contains(pos, size, pointer.origin());
    if (pointer.dragging() && mine) {
        held_ = true;
        velocity_ = 0;
        float move = -pointer.take_drag_delta().y;
        // Pulling back from an edge first undoes the pull.
        if (edge_ != 0 && (edge_ > 0) != (move > 0)) {
            const float undo = std::min(std::abs(move), std::abs(edge_) / kEdgeResistance);
            edge_ += (move > 0 ? undo : -undo) * kEdgeResistance;
            if (std::abs(edge_) < 0.5f) edge_ = 0;
            move += move > 0 ? -undo : undo;
        }
        const float target = offset_ + move;
        offset_ = std::clamp(target, 0.0f, max_);
        if (target != offset_) pull(target - offset_);
    } else if (held_) {
        held_ = false;
        if (const auto fling = pointer.take_fling()) velocity_ = -fling->y;
    } else if (velocity_ != 0) {
        const float target = offset_ + velocity_ * dt;
        velocity_ *= std::exp(-dt / kGlideTime);
        offset_ = std::clamp(target, 0.0f, max_);
        if (target != offset_) {  // the edge stops the glide and glows with its speed
            edge_ = std::clamp(velocity_ * 0.08f, -160.0f, 160.0f);
            velocity_ = 0;
        }
        if (std::abs(velocity_) < kGlideStopSpeed) velocity_ = 0;
    }
    if (!held_ && edge_ != 0) {
        edge_ *= std::exp(-dt / kEdgeRelax);
        if (std::abs(edge_) < 0.5f) edge_ = 0;
    }
    if (contains(pos, size, pointer.position()))
        if (const float wheel = pointer.take_wheel(); wheel != 0) {
            velocity_ = 0;
            offset_ = std::clamp(offset_ - wheel * theme.px(120), 0.0f, max_);
        }

    ImGui::SetCursorScreenPos(pos);
    ImGui::SetNextWindowScroll(ImVec2(-1, offset_));
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoSavedSettings |
                                           ImGuiWindowFlags_NoScrollWithMouse);
}

void ScrollArea::end(const Theme& theme) {
    max_ = ImGui::GetScrollMaxY();
    offset_ = std::min(offset_, max_);
    // The glow: a band of the header's colour fading into the page, as deep as the pull.
    if (edge_ != 0) {
        ImDrawList* list = ImGui::GetWindowDrawList();
        const float depth = std::min(std::abs(edge_), theme.px(160));
        const float alpha = std::min(1.0f, std::abs(edge_) / theme.px(80)) * 0.45f;
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(theme.header);
        const ImU32 strong = ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, alpha));
        const ImU32 clear = ImGui::ColorConvertFloat4ToU32(ImVec4(c.x, c.y, c.z, 0));
        const float x0 = pos_.x, x1 = pos_.x + size_.x;
        if (edge_ < 0) list->AddRectFilledMultiColor(ImVec2(x0, pos_.y), ImVec2(x1, pos_.y + depth), strong, strong, clear, clear);
        else list->AddRectFilledMultiColor(ImVec2(x0, pos_.y + size_.y - depth), ImVec2(x1, pos_.y + size_.y), clear, clear, strong, strong);
    }
    ImGui::EndChild();
}

void ScrollArea::reset() {
    offset_ = velocity_ = edge_ = 0;
    held_ = false;
}

}  // namespace kiosk
