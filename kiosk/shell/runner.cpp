#include "kiosk/shell/runner.hpp"

#include <SDL.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <ctime>
#include <thread>

#include "fonts/utf8.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/ui/theme.hpp"
#include "platform/display.hpp"
#include "platform/event_wait.hpp"
#include "platform/memory.hpp"
#include "platform/png.hpp"

namespace kiosk {

namespace {
const platform::SystemClock kSystemClock;

std::chrono::nanoseconds thread_cpu_time() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}
}  // namespace

Runner::Runner(platform::Display& display, App& app, const std::filesystem::path& font_dir, const Settings& settings,
               const platform::Clock* clock)
    : display_(display), app_(app), settings_(settings), rotation_{settings.rotation}, clock_(clock ? clock : &kSystemClock),
      idle_(settings.idle_timeout, settings.idle_countdown), sleep_(settings.hours), font_dir_(font_dir), screens_(app),
      visitor_freed_(app.visitor()), silent_speech_(std::make_unique<Speech>(nullptr, nullptr)), narrator_(*silent_speech_) {
    idle_.touched(clock_->now());
    app_.set_clock(clock_);
    app_.set_here(settings.position);
    // Touch must not also arrive as synthetic mouse events: the Pointer handles fingers itself.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext only does this when there is none
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing a visitor does is stored, not even window positions
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.MouseDrawCursor = false;
    ImGui_ImplSDLRenderer_Init(display_.renderer());
    glyph_texture_ = std::make_unique<GlyphTexture>(display_.renderer());
    apply_theme();
    last_frame_ = clock_->now();
}

struct Runner::PendingBundle {
    std::shared_ptr<const content::Bundle> bundle;
    ThemeFit fit;  // the screen the theme is built for
    std::vector<std::string> warnings;
    std::unique_ptr<Theme> theme;
    std::atomic<bool> built{false};  // theme and warnings are set, and the worker touches them no more
    std::thread worker;
    ~PendingBundle() {
        if (worker.joinable()) worker.join();
    }
};

Runner::ThemeFit Runner::theme_fit(int first_atlas) const {
    const ImVec2 size = display_size();
    // 2048 is a Pi 3's largest texture; a smaller GPU limit is kept to (0 means no limit).
    SDL_RendererInfo info{};
    int max_atlas = 2048;
    if (SDL_GetRendererInfo(display_.renderer(), &info) == 0 && info.max_texture_width > 0)
        max_atlas = std::min({max_atlas, info.max_texture_width, info.max_texture_height});
    return {size, max_atlas, first_atlas, settings_.pixels_per_mm(panel_size().x)};
}

std::unique_ptr<Theme> Runner::make_theme(const content::Bundle& bundle, const ThemeFit& fit, std::vector<std::string>& warnings) const {
    return Theme::create(bundle, static_cast<int>(fit.size.x), static_cast<int>(fit.size.y), font_dir_, warnings, fit.max_atlas,
                         fit.pixels_per_mm, fit.first_atlas);
}

void Runner::apply_theme() {
    std::vector<std::string> warnings;
    auto theme = make_theme(app_.bundle(), theme_fit(512), warnings);
    install_theme(std::move(theme), std::move(warnings));
}

void Runner::install_theme(std::unique_ptr<Theme> theme, std::vector<std::string> warnings) {
    themed_size_ = display_size();
    themed_generation_ = app_.bundle_generation();
    warnings_ = std::move(warnings);
    theme_ = std::move(theme);
    theme_->set_look(app_.larger_text(), app_.high_contrast());
    // ImGui's own font draws nothing a visitor sees; it is only there because ImGui needs one.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
    ImGui_ImplSDLRenderer_DestroyFontsTexture();  // the next frame uploads ImGui's own font again
    glyph_texture_->reset();
    pointer_.set_drag_threshold(theme_->px(24));
    apply_style();
}

void Runner::replace_bundle(std::shared_ptr<const content::Bundle> next, std::function<void()> ready) {
    auto pending = std::make_unique<PendingBundle>();
    pending->bundle = std::move(next);
    // Measured here, on the UI thread, which alone may ask SDL. The new atlas starts as large
    // as the one in use: the first frame of the new bundle then has room for every glyph of the
    // screen, instead of growing over several frames.
    pending->fit = theme_fit(theme_->engine.atlas->width());
    pending->worker = std::thread([this, p = pending.get(), ready = std::move(ready)] {
        p->theme = make_theme(*p->bundle, p->fit, p->warnings);
        p->built.store(true, std::memory_order_release);
        if (ready) ready();
    });
    pending_ = std::move(pending);  // one still being built is waited for and dropped: the newest wins
}

bool Runner::bundle_ready() const { return pending_ && pending_->built.load(std::memory_order_acquire); }

void Runner::take_ready_bundle() {
    if (!bundle_ready()) return;
    auto pending = std::move(pending_);
    app_.replace_bundle(pending->bundle);
    // Built for another size (the screen turned meanwhile): the frame builds the right one.
    if (pending->fit.size.x == display_size().x && pending->fit.size.y == display_size().y)
        install_theme(std::move(pending->theme), std::move(pending->warnings));
    wanted_ = std::max(wanted_, 2);
}

void Runner::apply_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
    style.ItemSpacing = ImVec2(0, 0);
    style.ScrollbarSize = theme_->px(28);
    style.ScrollbarRounding = theme_->px(14);
    style.AntiAliasedLinesUseTex = false;  // those lines come from the font atlas, which shapes do not use
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme_->background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(theme_->scrollbar);
    style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme_->card_border);
}

Runner::~Runner() {
    pending_.reset();  // its worker uses this runner's settings
    ImGui::SetCurrentContext(context_);
    if (turned_) SDL_DestroyTexture(turned_);
    glyph_texture_.reset();
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(context_);
}

const fonts::GlyphAtlas& Runner::glyph_atlas() const { return *theme_->engine.atlas; }

ImVec2 Runner::panel_size() const {
    int w = 0, h = 0;
    display_.size(w, h);
    return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

ImVec2 Runner::display_size() const { return rotation_.logical_size(panel_size()); }

void Runner::handle(const SDL_Event& e) {
    const ImVec2 panel = panel_size();
    const auto now = clock_->now();
    // Fingers come in 0..1 of the panel (on KMSDRM with window id 0), the mouse in pixels; both
    // are turned into the UI's coordinates.
    const auto finger_at = [&] { return rotation_.to_logical(ImVec2(e.tfinger.x * panel.x, e.tfinger.y * panel.y), panel); };
    const auto mouse_at = [&](int x, int y) { return rotation_.to_logical(ImVec2(static_cast<float>(x), static_cast<float>(y)), panel); };
    bool input = true;
    // Speech mode: a finger explores, speaking what is under it, and a double tap activates what
    // was spoken; nothing is tapped or scrolled by a single touch.
    if (app_.speech_mode() && !counting_down_ && !sleep_.sleeping() &&
        (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERMOTION || e.type == SDL_FINGERUP)) {
        const ImVec2 at = finger_at();
        if (e.type == SDL_FINGERUP) {
            const bool second = last_lift_ && now - last_lift_->first < std::chrono::milliseconds(400) &&
                                std::abs(at.x - last_lift_->second.x) < theme_->touch() && std::abs(at.y - last_lift_->second.y) < theme_->touch();
            last_lift_.reset();
            if (second) narrator_.key(ReaderKey::Activate, drawn_text_, title(), app_, chrome_, pointer_, now);
            else last_lift_ = std::pair(now, at);
        } else {
            narrator_.explore(at, drawn_text_, app_);
        }
        sleep_.wake();
        idle_.touched(now);
        wanted_ = std::max(wanted_, 2);
        return;
    }
    switch (e.type) {
        case SDL_FINGERDOWN:
            if (!finger_ && !second_) {
                finger_ = e.tfinger.fingerId;
                pointer_.press(finger_at(), true, now);
            } else if (finger_ && !second_) {  // a second finger pinches; a third, or a palm, changes nothing
                second_ = e.tfinger.fingerId;
                pointer_.second_press(finger_at());
            }
            break;
        case SDL_FINGERMOTION:
            if (finger_ == e.tfinger.fingerId) pointer_.move(finger_at(), now);
            else if (second_ == e.tfinger.fingerId) pointer_.second_move(finger_at());
            break;
        case SDL_FINGERUP:
            if (finger_ == e.tfinger.fingerId) {
                finger_.reset();
                pointer_.release(finger_at(), now);
            } else if (second_ == e.tfinger.fingerId) {
                second_.reset();
                pointer_.second_release();
            }
            break;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID) return;
            pointer_.move(mouse_at(e.motion.x, e.motion.y), now);
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
            if (e.type == SDL_MOUSEBUTTONDOWN) pointer_.press(mouse_at(e.button.x, e.button.y), false, now);
            else pointer_.release(mouse_at(e.button.x, e.button.y), now);
            break;
        case SDL_MOUSEWHEEL:
            if (e.wheel.which == SDL_TOUCH_MOUSEID) return;
            pointer_.wheel(static_cast<float>(e.wheel.y));
            break;
        case SDL_KEYDOWN:
            // A keypad or keyboard: speech mode's keys. During the countdown or on a dark screen a
            // key only says "still here", as a touch does.
            if (!counting_down_ && !sleep_.sleeping())
                narrator_.key(reader_key(e.key.keysym.sym, app_.rtl()), drawn_text_, title(), app_, chrome_, pointer_, now);
            break;
        default: input = false;
    }
    if (input) {
        // A touch during the countdown only says "still here": it taps nothing under the veil;
        // on a dark screen it only wakes the kiosk.
        if (counting_down_ || sleep_.sleeping()) pointer_.cancel_press();
        sleep_.wake();
        idle_.touched(now);
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
    return wanted_ > 0 || app_.changes() != drawn_changes_ || (due_ && *due_ <= clock_->now()) || bundle_ready();
}

std::chrono::milliseconds Runner::until_due(std::chrono::milliseconds limit) const {
    if (!due_) return limit;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*due_ - clock_->now());
    return std::clamp(left, std::chrono::milliseconds(0), limit);
}

void Runner::pump() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) handle(e);
}

void Runner::render(ImU32 clear) {
    SDL_Renderer* renderer = display_.renderer();
    const ImVec2 size = display_size();
    const int w = static_cast<int>(size.x), h = static_cast<int>(size.y);
    if (rotation_.degrees != 0) {
        int tw = 0, th = 0;
        if (turned_ && (SDL_QueryTexture(turned_, nullptr, nullptr, &tw, &th) != 0 || tw != w || th != h)) {
            SDL_DestroyTexture(turned_);
            turned_ = nullptr;
        }
        if (!turned_) turned_ = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        SDL_SetRenderTarget(renderer, turned_);
    }
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(clear);
    SDL_SetRenderDrawColor(renderer, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(renderer);
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);  // how untextured shapes are drawn
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (rotation_.degrees != 0) {
        SDL_SetRenderTarget(renderer, nullptr);
        const ImVec2 panel = panel_size();
        // Turned about its centre, the upright picture covers the panel exactly.
        const SDL_Rect to{static_cast<int>(panel.x - size.x) / 2, static_cast<int>(panel.y - size.y) / 2, w, h};
        SDL_RenderCopyEx(renderer, turned_, nullptr, &to, rotation_.degrees, nullptr, SDL_FLIP_NONE);
    }
}

std::optional<float> Runner::visitor_idle(FrameTime& time) {
    const bool was_counting = counting_down_;
    counting_down_ = false;
    // Twice the time before a QR code (the phone is being got out) and in speech mode (EN 301 549
    // 5.1.3.16: a visitor listening needs longer).
    idle_.set_longer(screens_.current().shows_code() || app_.speech_mode());
    if (app_.route().screen == Route::Screen::Attract) return std::nullopt;  // nobody to wait for
    switch (idle_.phase(time.now)) {
        case IdleTimer::Phase::Expired:
            app_.new_visitor();
            return std::nullopt;
        case IdleTimer::Phase::Countdown: {
            if (!was_counting) narrator_.countdown(app_, std::lround(std::ceil(idle_.seconds_left(time.now))));
            counting_down_ = true;
            // One frame a second, as the number changes: on a software renderer a frame of the
            // veiled page costs tens of milliseconds.
            const float left = idle_.seconds_left(time.now);
            const float to_next = left - std::floor(left);
            time.wake_at(time.now + std::chrono::duration_cast<platform::Clock::time_point::duration>(
                                        std::chrono::duration<float>(to_next > 0.001f ? to_next : 1.0f)));
            return left;
        }
        case IdleTimer::Phase::Active: time.wake_at(idle_.next_change(time.now)); return std::nullopt;
    }
    return std::nullopt;
}

void Runner::watch_corners(FrameTime& time) {
    if (const auto due = pointer_.long_press_due(CornerGesture::kHold)) time.wake_at(*due);
    const auto at = pointer_.take_long_press(time.now, CornerGesture::kHold);
    if (!at || !CornerGesture::in_corner(*at, display_size())) return;
    pointer_.cancel_press();  // a long press in a corner is the gesture, not a tap on Back
    if (corners_.long_press(*at, display_size(), time.now)) app_.open(Route::admin());
}

void Runner::frame(std::vector<unsigned char>* capture, int* width, int* height) {
    const auto started = thread_cpu_time();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_size();
    take_ready_bundle();
    // A new bundle brings its own fonts: the theme is rebuilt before anything of it is drawn.
    if (io.DisplaySize.x != themed_size_.x || io.DisplaySize.y != themed_size_.y || app_.bundle_generation() != themed_generation_)
        apply_theme();
    if (theme_->larger_text() != app_.larger_text() || theme_->high_contrast() != app_.high_contrast()) {
        theme_->set_look(app_.larger_text(), app_.high_contrast());
        apply_style();
    }
    FrameTime time;
    time.now = clock_->now();
    // What is dated comes and goes at midnight in Torino: the header's clock wakes the loop as
    // each minute turns, and a dark kiosk builds the new day's screen when it wakes.
    if (app_.turn_day()) wanted_ = std::max(wanted_, 2);  // the new day's screen lays out next frame
    time.dt = std::max(1e-4f, std::chrono::duration<float>(time.now - last_frame_).count());
    io.DeltaTime = time.dt;
    last_frame_ = time.now;
    pointer_.apply(io);
    // A release is when ImGui taps; what the tap changed inside a screen (a key typed) is drawn
    // by the frame after it.
    const bool released = pressed_ && !io.MouseDown[0];
    pressed_ = io.MouseDown[0];

    screens_.collect();
    app_.collect();
    // Once a visitor is forgotten and their screens freed, the memory their visit took goes back
    // to the system: malloc would keep it, and the resident set would stay at the highest any
    // visit took it (130 to 146 MB in the soak, of which 52 MB in use; issue 20).
    if (app_.visitor() != visitor_freed_) {
        visitor_freed_ = app_.visitor();
        platform::return_free_memory();
    }
    fonts::GlyphAtlas& atlas = *theme_->engine.atlas;
    atlas.begin_frame();
    theme_->engine.texture = glyph_texture_->prepare(atlas);
    ImGui_ImplSDLRenderer_NewFrame();
    // Shapes are drawn with no texture: the text has its own atlas, and ImGui's font atlas
    // would only give them its white pixel. Untextured, SDL fills them directly — on the
    // software renderer a blend per pixel instead of a texture sample too, a third less work a
    // frame, with anti-aliased edges that blend as they should.
    io.Fonts->SetTexID(nullptr);
    ImGui::NewFrame();
    hits_.clear();
    const long before = app_.changes();
    std::optional<float> countdown = visitor_idle(time);
    watch_corners(time);
    sleep_.update(time, clock_->wall(), app_.route().screen == Route::Screen::Attract, idle_.expires());
    const bool speaking = narrator_.speech().speaking();
    Ui ui{app_, *theme_, hits_, pointer_, time, display_.renderer(), &narrator_.speech(), speaking};
    const DrawnText::Spotlight spotlight = narrator_.before_frame(drawn_text_);
    drawn_text_ = {};
    drawn_text_.spotlight = spotlight;
    DrawnText::current = &drawn_text_;
    chrome_.set_speakable(narrator_.speakable());
    if (!sleep_.sleeping()) chrome_.draw(ui, screens_.current(), io.DisplaySize, countdown, static_cast<float>(settings_.idle_countdown.count()));
    DrawnText::current = nullptr;
    narrator_.draw(ImGui::GetForegroundDrawList(), drawn_text_, *theme_, app_);
    ImGui::Render();
    const auto built = thread_cpu_time();
    glyph_texture_->upload(atlas);
    render(sleep_.sleeping() ? IM_COL32(0, 0, 0, 255) : theme_->background);
    // SDL batches drawing until it is needed (on the software renderer, unless a renderer was
    // asked for by name): flushed here, the pixel work counts as raster, not as presenting.
    SDL_RenderFlush(display_.renderer());
    const auto rasterized = thread_cpu_time();
    last_cost_ = {built - started, rasterized - built};
    if (capture) {
        int w = 0, h = 0;
        *capture = display_.read_pixels(w, h);
        if (width) *width = w;
        if (height) *height = h;
    }
    SDL_RenderPresent(display_.renderer());
    if (!first_presented_) first_presented_ = std::chrono::steady_clock::now();

    pointer_.after_frame();
    ++frames_;
    if (wanted_ > 0) --wanted_;
    if (app_.changes() != before) wanted_ = std::max(wanted_, 2);  // the new screen lays out next frame
    drawn_changes_ = app_.changes();
    if (app_.changes() == before) {
        // Listen, and a tap on a text of the page while it is read; what is heard kept in view.
        if (chrome_.take_listen()) {
            narrator_.listen(drawn_text_, title(), app_);
            wanted_ = std::max(wanted_, 1);  // Listen turns to Stop, or back
        } else if (released && !hits_.at(io.MousePos)) {
            narrator_.tapped(io.MousePos, drawn_text_, title(), app_);
        }
        if (narrator_.after_frame(drawn_text_, title(), app_, chrome_)) wanted_ = std::max(wanted_, 1);
    }
    if (released || pointer_.busy() || chrome_.animating()) wanted_ = std::max(wanted_, 1);
    if (atlas.wants_redraw()) wanted_ = std::max(wanted_, 1);  // glyphs skipped for lack of room
    // While words are heard, a frame every quarter of a second moves the highlight along.
    if (speaking || narrator_.speech().speaking()) time.wake_at(time.now + std::chrono::milliseconds(250));
    due_ = time.due;
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
                 const std::function<void()>& between_frames, std::optional<std::chrono::milliseconds> wake_every) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto remaining = [&] {
        if (!exit_after) return std::chrono::milliseconds(3'600'000);
        return std::max(std::chrono::milliseconds(0),
                        std::chrono::duration_cast<std::chrono::milliseconds>(start + *exit_after - clock::now()));
    };
    while (!quit_ && !app_.exit_requested()) {
        if (!wants_frame()) {
            SDL_Event e;
            if (waiter.wait(e, until_due(std::min(remaining(), wake_every.value_or(remaining()))))) handle(e);
        }
        pump();
        if (between_frames) between_frames();
        if (wants_frame()) frame();
        if (exit_after && remaining().count() == 0) break;
    }
    pending_.reset();  // its worker wakes `waiter`, which may not outlive the loop
}

content::Localized Runner::title() {
    const TextBlock& title = screens_.current().title();
    return {fonts::encode_utf8(title.text()), title.lang(), false};
}

std::vector<Utterance> Runner::page_speech() { return speak_page(drawn_text_, title(), app_); }

std::string Runner::screen_text() const {
    std::string text;
    for (const auto& block : drawn_text_.blocks) text += block + "\n";
    return text;
}

}  // namespace kiosk
