#include "kiosk/ui/pictogram.hpp"

#include <array>
#include <numbers>

namespace kiosk {

namespace {

constexpr float kPi = std::numbers::pi_v<float>;
constexpr std::array<std::string_view, 7> kIcons = {"phone", "document", "home", "basket", "heart", "info", "pin"};

ImVec2 at(ImVec2 c, float s, float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); }  // x, y in -0.5 … 0.5

// A handset: a mobile phone's body, its screen and its button.
void phone(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    l->AddRectFilled(at(c, s, -0.25f, -0.42f), at(c, s, 0.25f, 0.42f), ink, s * 0.08f);
    l->AddRectFilled(at(c, s, -0.19f, -0.32f), at(c, s, 0.19f, 0.22f), paper, s * 0.02f);
    l->AddCircleFilled(at(c, s, 0, 0.32f), s * 0.045f, paper, 16);
}

// A page with its corner folded and three lines of text.
void document(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    const float w = s * 0.06f;
    l->PathLineTo(at(c, s, -0.3f, -0.42f));
    l->PathLineTo(at(c, s, 0.12f, -0.42f));
    l->PathLineTo(at(c, s, 0.3f, -0.24f));
    l->PathLineTo(at(c, s, 0.3f, 0.42f));
    l->PathLineTo(at(c, s, -0.3f, 0.42f));
    l->PathStroke(ink, ImDrawFlags_Closed, w);
    l->AddTriangleFilled(at(c, s, 0.12f, -0.42f), at(c, s, 0.3f, -0.24f), at(c, s, 0.12f, -0.24f), ink);
    for (const float y : {-0.08f, 0.08f, 0.24f}) l->AddLine(at(c, s, -0.17f, y), at(c, s, 0.17f, y), ink, w);
    (void)paper;
}

// A house: its roof, its walls and the door.
void home(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    l->AddTriangleFilled(at(c, s, -0.45f, -0.02f), at(c, s, 0, -0.44f), at(c, s, 0.45f, -0.02f), ink);
    l->AddRectFilled(at(c, s, -0.32f, -0.04f), at(c, s, 0.32f, 0.42f), ink);
    l->AddRectFilled(at(c, s, -0.08f, 0.12f), at(c, s, 0.08f, 0.42f), paper, s * 0.02f);
}

// A shopping basket: the handle, the basket and its slats.
void basket(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    l->PathArcTo(at(c, s, 0, -0.08f), s * 0.26f, kPi, 2 * kPi, 24);
    l->PathStroke(ink, 0, s * 0.06f);
    l->AddQuadFilled(at(c, s, -0.44f, -0.08f), at(c, s, 0.44f, -0.08f), at(c, s, 0.32f, 0.4f), at(c, s, -0.32f, 0.4f), ink);
    for (const float x : {-0.18f, 0.0f, 0.18f}) l->AddLine(at(c, s, x, 0.02f), at(c, s, x * 0.85f, 0.3f), paper, s * 0.05f);
}

// A heart: two round lobes and the point below.
void heart(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32) {
    const float r = s * 0.22f;
    l->AddCircleFilled(at(c, s, -0.19f, -0.14f), r, ink, 32);
    l->AddCircleFilled(at(c, s, 0.19f, -0.14f), r, ink, 32);
    l->AddTriangleFilled(at(c, s, -0.4f, -0.06f), at(c, s, 0.4f, -0.06f), at(c, s, 0, 0.42f), ink);
}

// "i" in a circle: information.
void info(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    l->AddCircleFilled(c, s * 0.45f, ink, 48);
    l->AddCircleFilled(at(c, s, 0, -0.2f), s * 0.065f, paper, 16);
    l->AddRectFilled(at(c, s, -0.055f, -0.06f), at(c, s, 0.055f, 0.28f), paper, s * 0.02f);
}

// A map pin: where something is.
void pin(ImDrawList* l, ImVec2 c, float s, ImU32 ink, ImU32 paper) {
    const ImVec2 head = at(c, s, 0, -0.14f);
    const float r = s * 0.28f;
    l->AddCircleFilled(head, r, ink, 32);
    l->AddTriangleFilled(at(c, s, -0.245f, -0.0f), at(c, s, 0.245f, 0.0f), at(c, s, 0, 0.44f), ink);
    l->AddCircleFilled(head, r * 0.42f, paper, 24);
}

}  // namespace

bool known_pictogram(std::string_view icon) {
    for (const auto known : kIcons)
        if (icon == known) return true;
    return false;
}

bool draw_pictogram(ImDrawList* list, std::string_view icon, ImVec2 centre, float size, ImU32 ink, ImU32 paper) {
    if (icon == "phone") phone(list, centre, size, ink, paper);
    else if (icon == "document") document(list, centre, size, ink, paper);
    else if (icon == "home") home(list, centre, size, ink, paper);
    else if (icon == "basket") basket(list, centre, size, ink, paper);
    else if (icon == "heart") heart(list, centre, size, ink, paper);
    else if (icon == "info") info(list, centre, size, ink, paper);
    else if (icon == "pin") pin(list, centre, size, ink, paper);
    else return false;
    return true;
}

}  // namespace kiosk
