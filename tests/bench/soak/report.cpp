#include "tests/bench/soak/report.hpp"

#include <algorithm>
#include <cstdio>

#include "kiosk/app/app.hpp"
#include "kiosk/shell/runner.hpp"
#include "platform/log.hpp"
#include "tests/bench/soak/coverage.hpp"
#include "tests/bench/soak/memory.hpp"
#include "tests/bench/soak/visitor.hpp"

namespace soak {

namespace {

constexpr std::int64_t kAllowedGrowth = 1 << 20;

double mb(std::int64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

template <class Map, class Print>
void list(const char* title, const Map& items, Print print) {
    std::printf("soak: %s:", title);
    const char* separator = " ";
    for (const auto& [name, value] : items) {
        std::printf("%s%s ", separator, name.c_str());
        print(value);
        separator = ", ";
    }
    std::printf("\n");
}

}  // namespace

bool report(const Figures& f, const Coverage& coverage, const Visitor& visitor, const kiosk::App& app, const kiosk::Runner& runner) {
    std::printf("\nsoak: seed %llu: %ld frames at %dx%d in %.1f s, %.0f frames/s; %ld drawn (%.1f %%), %.2f ms of wall time each\n", f.seed,
                f.frames, f.width, f.height, f.seconds, static_cast<double>(f.frames) / f.seconds, f.drawn,
                100.0 * static_cast<double>(f.drawn) / static_cast<double>(f.frames), 1000.0 * f.seconds / static_cast<double>(std::max(1L, f.drawn)));
    std::printf("soak: the kiosk's clock ran %.0f min; %ld visitors\n", f.kiosk_minutes, app.visitor());
    std::printf("soak: updates installed %ld of %ld, now version %lld\n", f.installed, f.published, app.bundle().meta().version);

    std::printf("soak: on the attract screen between visitors, resident / allocated:");
    for (const auto& c : f.checkpoints) std::printf(" %.2f / %.2f MB (frame %ld)", mb(c.resident), mb(c.allocated), c.frame);
    std::printf("\n");
    std::vector<Figures::Checkpoint> warm;
    for (const auto& c : f.checkpoints)
        if (c.frame >= f.warm_up) warm.push_back(c);
    const std::int64_t growth = warm.size() >= 2 ? warm.back().resident - warm.front().resident : 0;
    if (warm.size() >= 2)
        std::printf("soak: resident set %.2f MB after warm-up (frame %ld), %.2f MB at the end (frame %ld): growth %+.2f MB "
                    "(allocated %+.2f MB)\n",
                    mb(warm.front().resident), warm.front().frame, mb(warm.back().resident), warm.back().frame, mb(growth),
                    mb(warm.back().allocated - warm.front().allocated));
    std::printf("soak: resident set sampled on any screen after warm-up %.2f to %.2f MB, at the last frame %.2f MB; highest sampled %.2f MB, "
                "peak (VmHWM) %.2f MB\n",
                mb(f.lowest_after_warm_up), mb(f.highest_after_warm_up), mb(f.at_end), mb(f.highest), mb(peak_resident_bytes()));
    const auto& atlas = runner.glyph_atlas();
    std::printf("soak: glyph atlas %dx%d, %zu glyphs, %ld evictions\n", atlas.width(), atlas.height(), atlas.glyph_count(), atlas.evictions());

    list("screens (frames on each)", coverage.screens(), [](long n) { std::printf("%ld", n); });
    list("frames drawn (UI thread's CPU each)", coverage.drawn(), [](const Coverage::Drawn& d) {
        std::printf("%ld (%.1f ms)", d.frames, d.cpu_ms / static_cast<double>(std::max(1L, d.frames)));
    });
    std::printf("soak: states:");
    for (const auto& [state, n] : coverage.states()) std::printf(" %s %ld;", state.c_str(), n);
    std::printf("\nsoak: languages %zu; opened %s\n", coverage.languages(), coverage.opened(app).c_str());
    list("actions", visitor.actions(), [](long n) { std::printf("%ld", n); });
    list("taps by kind of control", visitor.taps(), [](long n) { std::printf("%ld", n); });
    std::printf("soak: walk digest %016llx\n", static_cast<unsigned long long>(visitor.digest()));

    const auto missed = coverage.missed(app);
    for (const auto& m : missed) std::printf("soak: NOT REACHED: %s\n", m.c_str());
    const long problems = platform::log::problem_count();
    std::printf("soak: problems logged %ld", problems);
    for (const auto& p : platform::log::recent_problems()) std::printf("\n  %s", p.c_str());
    std::printf("\n");
    for (const auto& t : f.troubles) std::printf("soak: TROUBLE: %s\n", t.c_str());
    bool ok = problems == 0 && f.troubles.empty() && missed.empty() && f.installed == f.published;
    if (warm.size() < 2) {
        std::printf("soak: fewer than two checkpoints after warm-up: no growth measured (a longer run, or a shorter --warm-up)\n");
        ok = false;
    } else if (growth >= kAllowedGrowth) {
        std::printf("soak: the resident set grew %.2f MB after warm-up, 1 MB allowed\n", mb(growth));
        ok = false;
    }
    std::printf("soak: %s\n", ok ? "PASS" : "FAIL");
    return ok;
}

}  // namespace soak
