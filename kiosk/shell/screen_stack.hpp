#pragma once
// The screen the visitor is on, built from the bundle when they arrive on it (or switch
// language, or a new bundle comes), and the screens just left. A screen that navigates away is
// still running its draw() when it does, so it is retired, not destroyed, until the frame ends.
#include <memory>
#include <vector>

#include "kiosk/ui/view.hpp"

namespace kiosk {

class App;

class ScreenStack {
public:
    explicit ScreenStack(App& app) : app_(app) {}
    /// The screen for the App's route and language, built when they changed since last asked.
    View& current();
    /// Frees the screens retired during the last frame; call between frames.
    void collect();

private:
    App& app_;
    long built_for_ = -1;  // App::screen_changes() when view_ was built
    std::unique_ptr<View> view_;
    std::vector<std::unique_ptr<View>> retired_;
};

}  // namespace kiosk
