// Touch behaviour of the real UI, headless: taps, drags that scroll and glide, the edge glow,
// the tap-versus-drag threshold, and a panel mounted turned.
#include <doctest/doctest.h>

#include "tests/kiosk_fixture.hpp"

using namespace test;
using kiosk::Route;

namespace {
ImVec2 middle(const std::pair<ImVec2, ImVec2>& r) { return ImVec2((r.first.x + r.second.x) / 2, (r.first.y + r.second.y) / 2); }
}  // namespace

TEST_CASE("a fling glides on, slows down and stops") {
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    const auto& page = k.runner.chrome().page();
    REQUIRE(page.max_offset() > 1000);  // a long page
    k.drag(ImVec2(960, 800), ImVec2(960, 500), 6);  // 300 px up in 96 ms: a flick
    const float at_release = page.offset();
    CHECK(at_release == doctest::Approx(300).epsilon(0.05));  // the page followed the finger
    REQUIRE(page.velocity() > 1000);

    std::vector<float> offsets{page.offset()};
    for (int i = 0; i < 200 && k.runner.wants_frame(); ++i) {
        k.step();
        offsets.push_back(page.offset());
    }
    CHECK_FALSE(k.runner.wants_frame());  // it stopped, and asks for no more frames
    CHECK(page.velocity() == 0);
    CHECK(offsets.back() > at_release + 300);  // it glided on well past where the finger left it
    // Each frame moves less than the one before: it slows down.
    for (size_t i = 2; i < offsets.size(); ++i) CHECK(offsets[i] - offsets[i - 1] <= offsets[i - 1] - offsets[i - 2] + 0.01f);
    CHECK(offsets.size() > 20);  // not an instant jump
    // Friction stopped it, not the end of the page; its last moves were a crawl.
    CHECK(offsets.back() < page.max_offset() - 10);
    size_t last = offsets.size() - 1;
    while (last > 1 && offsets[last] == offsets[last - 1]) --last;
    CHECK(offsets[last] - offsets[last - 1] < (offsets[1] - offsets[0]) / 4);
    const long frames = k.runner.frames();
    k.step(500);
    CHECK(k.runner.frames() == frames);
    CHECK(page.offset() == offsets.back());
}

TEST_CASE("a finger that rests before lifting does not fling") {
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    const auto& page = k.runner.chrome().page();
    k.drag(ImVec2(960, 800), ImVec2(960, 500), 6, 120);
    CHECK(page.velocity() == 0);
    const float offset = page.offset();
    for (int i = 0; i < 10; ++i) k.step();
    CHECK(page.offset() == offset);
}

TEST_CASE("pulling past the top glows at the edge, and the glow fades") {
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    const auto& page = k.runner.chrome().page();
    k.capture();
    const auto before = k.pixels;
    k.finger(SDL_FINGERDOWN, ImVec2(960, 300));
    k.step();
    for (int y = 320; y <= 600; y += 40) {
        k.finger(SDL_FINGERMOTION, ImVec2(960, static_cast<float>(y)));
        k.step();
    }
    CHECK(page.offset() == 0);
    CHECK(page.edge() < -50);
    k.capture();
    // Below the header and notice strip, the top of the page is tinted with the header's blue.
    int tinted = 0;
    for (int x = 0; x < kWidth; x += 4) tinted += k.at(x, 190) != Rgb{before[(190 * kWidth + x) * 4], before[(190 * kWidth + x) * 4 + 1], before[(190 * kWidth + x) * 4 + 2]};
    CHECK(tinted > kWidth / 8);
    k.finger(SDL_FINGERUP, ImVec2(960, 600));
    for (int i = 0; i < 100 && k.runner.wants_frame(); ++i) k.step();
    CHECK(page.edge() == 0);
    CHECK_FALSE(k.runner.wants_frame());
}

TEST_CASE("a press that moves a little still taps; one that moves further scrolls and taps nothing") {
    // A guide longer than the screen, its link card near the top.
    Kiosk k(demo_bundle(), "en", Route::guide("permit-booking"), 1280, 720);
    const ImVec2 card = middle(k.rect("link:prenotafacile"));
    // Held on the card: it shows its pressed colour.
    k.finger(SDL_FINGERDOWN, card);
    k.step();
    k.finger(SDL_FINGERMOTION, ImVec2(card.x + 6, card.y + 8));  // a trembling finger, under the threshold
    k.step();
    k.capture();
    const Rgb pressed = k.at(static_cast<int>(card.x), static_cast<int>(k.rect("link:prenotafacile").first.y + 6));
    CHECK(pressed == Rgb{196, 214, 236});
    k.finger(SDL_FINGERUP, ImVec2(card.x + 6, card.y + 8));
    k.step();
    k.step();
    CHECK(k.app.route() == Route::qr("prenotafacile"));

    k.tap("nav:back");
    const ImVec2 again = middle(k.rect("link:prenotafacile"));
    k.drag(again, ImVec2(again.x, again.y - 60), 4, 100);
    for (int i = 0; i < 5; ++i) k.step();
    CHECK(k.app.route() == Route::guide("permit-booking"));  // dragged: no tap
    CHECK(k.runner.chrome().page().offset() > 0);  // it scrolled instead
    k.capture();
    const auto r = k.rect("link:prenotafacile");  // and the card no longer looks pressed
    CHECK_FALSE(k.at(static_cast<int>((r.first.x + r.second.x) / 2), static_cast<int>(r.first.y + 6)) == Rgb{196, 214, 236});
}

TEST_CASE("a panel mounted turned: the UI is drawn turned and taps land on the intended control") {
    for (const int degrees : {90, 180, 270}) {
        INFO(degrees << " degrees");
        kiosk::Settings settings;
        settings.rotation = degrees;
        // A landscape panel: turned a quarter, the UI is portrait.
        Kiosk k(demo_bundle(), "en", Route::home(), 1920, 1080, settings);
        const ImVec2 ui = k.runner.display_size();
        CHECK(ui.x == (degrees == 180 ? 1920 : 1080));
        CHECK(ui.y == (degrees == 180 ? 1080 : 1920));
        k.capture();
        CHECK(k.w == 1920);
        CHECK(k.h == 1080);
        // The UI's header (its top edge) lies along the panel edge the rotation puts it on.
        const ImVec2 header = k.runner.rotation().to_panel(ImVec2(ui.x / 2, 10), k.runner.panel_size());
        CHECK(k.at(static_cast<int>(header.x), static_cast<int>(header.y)) == kHeaderBlue);
        const ImVec2 opposite = k.runner.rotation().to_panel(ImVec2(ui.x / 2, ui.y / 2), k.runner.panel_size());
        CHECK_FALSE(k.at(static_cast<int>(opposite.x), static_cast<int>(opposite.y)) == kHeaderBlue);
        // A finger on the panel where the card is drawn opens it.
        const ImVec2 on_panel = k.runner.rotation().to_panel(middle(k.rect("category:housing")), k.runner.panel_size());
        k.finger_on_panel(SDL_FINGERDOWN, on_panel);
        k.finger_on_panel(SDL_FINGERUP, on_panel);
        k.runner.settle();
        CHECK(k.app.route() == Route::guide("housing-support"));  // the category's one guide
    }
}

TEST_CASE("no cursor in kiosk mode, and ImGui never changes or draws one") {
    Kiosk k(demo_bundle(), "en", Route::home());
    CHECK(SDL_ShowCursor(SDL_QUERY) == SDL_DISABLE);
    k.runner.frame();  // makes the kiosk's ImGui context current
    CHECK((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) != 0);
    CHECK_FALSE(ImGui::GetIO().MouseDrawCursor);
}

TEST_CASE("a tap whose press and release arrive within one frame opens what it touched") {
    Kiosk k(demo_bundle(), "en", Route::home());
    const ImVec2 at = *k.runner.hits().center("category:food");
    const long frames = k.runner.frames();
    k.finger(SDL_FINGERDOWN, at);
    k.finger(SDL_FINGERUP, at);  // both queued before the next frame
    k.runner.settle();
    CHECK(k.app.route() == Route::guide("food-help"));  // the category's one guide
    CHECK(k.runner.frames() - frames <= 6);
}
