// What the text engine costs a frame at 1080p (issue 4: a cached guide page ≤ 2 ms of CPU per
// frame, its first layout ≤ 20 ms). Each frame is the kiosk's own: ImGui's new frame, the
// chrome and the guide screen laid out and drawn into draw lists, ImGui's render — everything
// but the GPU's (or the software renderer's) pixel work, which is not the text engine's.
// Run: build/release/tests/bench/text_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <imgui.h>

#include "content/model/bundle.hpp"
#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/input/pointer.hpp"
#include "kiosk/shell/chrome.hpp"
#include "kiosk/shell/screen_stack.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/ui.hpp"

namespace {

const char* const kLanguages[] = {"it", "en", "fr", "es", "ar", "fa", "ur", "uk", "ru", "zh", "ro", "sq", "ti", "am", "so", "bn"};
constexpr int kWidth = 1920, kHeight = 1080;

// The kiosk's frame without a display: everything the UI thread does but rasterising pixels.
struct HeadlessKiosk {
    ImGuiContext* context = ImGui::CreateContext();
    std::shared_ptr<const content::Bundle> bundle = std::make_shared<content::Bundle>(KIOSK_DEMO_BUNDLE);
    kiosk::App app;
    std::unique_ptr<kiosk::Theme> theme;
    kiosk::ScreenStack screens{app};
    kiosk::Chrome chrome;
    kiosk::HitMap hits;
    kiosk::Pointer pointer;

    HeadlessKiosk(const std::string& lang, const std::string& guide) : app(bundle, lang, kiosk::Route::guide(guide)) {
        ImGui::SetCurrentContext(context);
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().Fonts->AddFontDefault();  // ImGui wants one, as in Runner::install_theme
        ImGui::GetIO().Fonts->Build();
        new_theme();
    }
    ~HeadlessKiosk() { ImGui::DestroyContext(context); }

    void new_theme() {
        std::vector<std::string> warnings;
        theme = kiosk::Theme::create(*bundle, kWidth, kHeight, "/usr/share/fonts", warnings);
    }
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.DeltaTime = 1.0f / 60;
        screens.collect();
        app.collect();
        theme->engine.atlas->begin_frame();
        ImGui::NewFrame();
        hits.clear();
        kiosk::FrameTime time{{}, io.DeltaTime, {}};
        kiosk::Ui ui{app, *theme, hits, pointer, time, nullptr, nullptr, false};
        chrome.draw(ui, screens.current(), io.DisplaySize);
        ImGui::Render();
        theme->engine.atlas->take_dirty();
    }
};

// Guides are long in food-help and housing-support; food-help is the screenshots' page.
void BM_CachedGuideFrame(benchmark::State& state) {
    const std::string lang = kLanguages[state.range(0)];
    HeadlessKiosk k(lang, "food-help");
    for (int i = 0; i < 3; ++i) k.frame();  // the page is laid out and its glyphs rasterised
    for (auto _ : state) k.frame();
    state.SetLabel(lang);
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}

// A page the visitor has just opened: the screen reads the bundle, shapes and lays out every
// paragraph, and draws. Glyphs already in the atlas (the visitor was on another page).
void BM_FirstGuideLayout(benchmark::State& state) {
    const std::string lang = kLanguages[state.range(0)];
    HeadlessKiosk k(lang, "food-help");
    for (int i = 0; i < 3; ++i) k.frame();
    for (auto _ : state) {
        k.app.open(kiosk::Route::guide("housing-support"));
        k.frame();
        k.app.open(kiosk::Route::guide("food-help"));
        k.frame();
    }
    state.SetLabel(lang + ", two pages an iteration");
}

// The same with new fonts and an empty atlas (the first page after start or after a content
// update): every paragraph is shaped and every glyph rasterised too.
void BM_FirstGuideLayoutColdAtlas(benchmark::State& state) {
    const std::string lang = kLanguages[state.range(0)];
    HeadlessKiosk k(lang, "food-help");
    for (auto _ : state) {
        state.PauseTiming();
        k.app.open(kiosk::Route::guide("housing-support"));
        k.frame();
        k.new_theme();  // new fonts and an empty atlas: everything is shaped and rasterised
        k.app.open(kiosk::Route::guide("food-help"));
        state.ResumeTiming();
        k.frame();
    }
    state.SetLabel(lang);
}

// A keystroke in search, as the visitor sees it: the next frame runs the query, reads and lays
// out up to 20 result cards, and draws them with the keyboard (issue 5: search answers in
// <= 5 ms a keystroke; search_bench times the query alone on 2,000 guides x 16 languages).
void BM_SearchKeystrokeFrame(benchmark::State& state) {
    const std::pair<const char*, const char*> words[] = {{"it", "permesso"}, {"ar", "السكن"}, {"uk", "житло"}, {"zh", "居留许可"}};
    const auto [lang, word] = words[state.range(0)];
    const std::u32string letters = fonts::decode_utf8(word);
    HeadlessKiosk k(lang, "food-help");
    k.app.open(kiosk::Route::search());
    for (int i = 0; i < 3; ++i) k.frame();
    for (auto _ : state) {
        for (size_t n = 1; n <= letters.size(); ++n) {
            k.app.set_search_text(fonts::encode_utf8(letters.substr(0, n)));
            k.frame();
        }
        state.PauseTiming();
        k.app.set_search_text({});
        k.frame();
        state.ResumeTiming();
    }
    state.SetLabel(std::string(lang) + " \"" + word + "\", " + std::to_string(letters.size()) + " keystrokes an iteration");
    state.counters["keystrokes"] = static_cast<double>(letters.size());  // time per keystroke: Time / keystrokes
}

}  // namespace

BENCHMARK(BM_SearchKeystrokeFrame)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CachedGuideFrame)->DenseRange(0, 15)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstGuideLayout)->DenseRange(0, 15)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FirstGuideLayoutColdAtlas)->DenseRange(0, 15)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
