// kiosk --preview: the time from a content manager's save to a new bundle ready to show (the
// frame loop swaps it in at its next wake, which the build's notify triggers). Target: within
// a second. Wall time, since most of it is the watch's 150 ms of quiet and the build itself.
//
//   build/release/tests/bench/preview_bench
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "content/build/bundle_build.hpp"
#include "content/hours/dates.hpp"
#include "kiosk/services/preview_service.hpp"

namespace fs = std::filesystem;

namespace {

fs::path demo_copy() {
    const fs::path dir = fs::temp_directory_path() / ("preview-bench-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content/torino", dir, fs::copy_options::recursive);
    return dir;
}

// A save in an editor: one guide's text changed (the body gains a line each time).
void save_a_change(const fs::path& src, int n) {
    std::ofstream(src / "lang/fr/guides/food-help.md", std::ios::app) << "\nModification " << n << ".\n";
}

void BM_PreviewSaveToNewBundle(benchmark::State& state) {
    const fs::path src = demo_copy();
    kiosk::PreviewService preview(src, "/usr/share/fonts", {}, [](const std::string&) {});
    preview.watch([] {});
    int n = 0;
    for (auto _ : state) {
        const int before = preview.builds();
        const auto start = std::chrono::steady_clock::now();
        save_a_change(src, ++n);
        while (preview.builds() == before) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!preview.take_new_bundle()) state.SkipWithError(("the build failed: " + preview.note()).c_str());
    }
    fs::remove_all(src);
}
BENCHMARK(BM_PreviewSaveToNewBundle)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(10);

// The build alone, as `kiosk-bundle build` does it: the part a faster machine shortens.
void BM_BuildDemoBundle(benchmark::State& state) {
    const fs::path src = demo_copy(), out = src.string() + ".kbundle";
    for (auto _ : state) {
        content::Diagnostics d;
        if (!content::build_bundle(src, out, "/usr/share/fonts", {content::today(std::chrono::system_clock::now())}, d)) state.SkipWithError("the build failed");
    }
    fs::remove_all(src);
    fs::remove(out);
}
BENCHMARK(BM_BuildDemoBundle)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
