#include "runner.hpp"

#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>

#include "app.hpp"
#include "display.hpp"
#include "event_wait.hpp"
#include "png.hpp"
#include "theme.hpp"

namespace kiosk {

Runner::Runner(platform::Display& display, App& app, const std::filesystem::path& font_dir)
    : display_(display), app_(app), font_dir_(font_dir) {
    // Touch must not also arrive as synthetic mouse events: the Pointer handles fingers itself.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext only does this when there is none
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing a visitor does is stored, not even window positions
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplSDLRenderer_Init(display_.renderer());
    glyph_texture_ = std::make_unique<GlyphTexture>(display_.renderer());
    apply_theme();
    last_frame_ = SDL_GetPerformanceCounter();
}

void Runner::apply_theme() {
    const ImVec2 size = display_size();
    themed_size_ = size;
    themed_generation_ = app_.bundle_generation();
    warnings_.clear();
    // 2048 is a Pi 3's largest texture; a smaller GPU limit is kept to (0 means no limit).
    SDL_RendererInfo info{};
    int max_atlas = 2048;
    if (SDL_GetRendererInfo(display_.renderer(), &info) == 0 && info.max_texture_width > 0)
        max_atlas = std::min({max_atlas, info.max_texture_width, info.max_texture_height});
    theme_ = Theme::create(app_.bundle(), static_cast<int>(size.x), static_cast<int>(size.y), font_dir_, warnings_, max_atlas);
    ImGui_ImplSDLRenderer_DestroyFontsTexture();  // the next frame uploads ImGui's own font again
    glyph_texture_->reset();

    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
    style.ItemSpacing = ImVec2(0, 0);
    style.ScrollbarSize = theme_->px(28);
    style.ScrollbarRounding = theme_->px(14);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme_->background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0.9f, 0.9f, 0.9f, 1);
    style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme_->card_border);
}

Runner::~Runner() {
    ImGui::SetCurrentContext(context_);
    glyph_texture_.reset();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context_);
}

const fonts::GlyphAtlas& Runner::glyph_atlas() const { return *theme_->engine.atlas; }

ImVec2 Runner::display_size() const {
    int w = 0, h = 0;
    display_.size(w, h);
    return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

void Runner::handle(const SDL_Event& e) {
    const ImVec2 size = display_size();
    if (pointer_.on_event(e, size.x, size.y)) {
        wanted_ = std::max(wanted_, 2);
        return;
    }
    switch (e.type) {
        case SDL_QUIT: quit_ = true; break;
        case SDL_WINDOWEVENT:
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
        case SDL_USEREVENT: wanted_ = std::max(wanted_, 2); break;
        default: break;
    }
}

bool Runner::wants_frame() const {
    // The App changes between frames too: a bundle swapped in, a script's navigation.
    return wanted_ > 0 || app_.changes() != drawn_changes_;
}

void Runner::pump() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) handle(e);
}

void Runner::frame(std::vector<unsigned char>* capture, int* width, int* height) {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_size();
    // A new bundle brings its own fonts: the theme is rebuilt before anything of it is drawn.
    if (io.DisplaySize.x != themed_size_.x || io.DisplaySize.y != themed_size_.y || app_.bundle_generation() != themed_generation_)
        apply_theme();
    const Uint64 now = SDL_GetPerformanceCounter();
    io.DeltaTime = std::max(1e-4f, static_cast<float>(now - last_frame_) / static_cast<float>(SDL_GetPerformanceFrequency()));
    last_frame_ = now;
    pointer_.apply(io);

    app_.collect();
    fonts::GlyphAtlas& atlas = *theme_->engine.atlas;
    atlas.begin_frame();
    theme_->engine.texture = glyph_texture_->prepare(atlas);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    hits_.clear();
    const long before = app_.changes();
    Ui ui{app_, *theme_, hits_};
    chrome_.draw(ui, io.DisplaySize);
    ImGui::Render();
    glyph_texture_->upload(atlas);

    SDL_Renderer* renderer = display_.renderer();
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme_->background);
    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (capture) {
        int w = 0, h = 0;
        *capture = display_.read_pixels(w, h);
        if (width) *width = w;
        if (height) *height = h;
    }
    SDL_RenderPresent(renderer);

    pointer_.after_frame();
    ++frames_;
    if (wanted_ > 0) --wanted_;
    if (app_.changes() != before) wanted_ = std::max(wanted_, 2);  // the new screen lays out next frame
    drawn_changes_ = app_.changes();
    if (pointer_.busy()) wanted_ = std::max(wanted_, 1);
    if (atlas.wants_redraw()) wanted_ = std::max(wanted_, 1);  // glyphs skipped for lack of room
}

void Runner::settle() {
    for (int i = 0; i < 30; ++i) {
        pump();
        if (!wants_frame()) return;
        frame();
    }
}

bool Runner::screenshot(const std::filesystem::path& path, std::string& error) {
    settle();
    std::vector<unsigned char> pixels;
    int w = 0, h = 0;
    frame(&pixels, &w, &h);
    return platform::write_png(path, w, h, pixels, error);
}

void Runner::run(platform::EventWaiter& waiter, std::optional<std::chrono::milliseconds> exit_after,
                 const std::function<void()>& between_frames) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto remaining = [&] {
        if (!exit_after) return std::chrono::milliseconds(3'600'000);
        return std::max(std::chrono::milliseconds(0),
                        std::chrono::duration_cast<std::chrono::milliseconds>(start + *exit_after - clock::now()));
    };
    while (!quit_) {
        if (!wants_frame()) {
            SDL_Event e;
            if (waiter.wait(e, remaining())) handle(e);
        }
        pump();
        if (between_frames) between_frames();
        if (wants_frame()) frame();
        if (exit_after && remaining().count() == 0) break;
    }
}

}  // namespace kiosk
