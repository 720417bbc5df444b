// What fetching the visible basemap costs (target: well under 1 ms of a panning frame's 8 ms):
// Bundle::chunks_in for a 1080p view at city zoom on a synthetic map of 50,000 vertices, built
// through the real build path (map_synthetic.hpp). The view pans across the map, one step a call.
// Run: build/release/tests/bench/map_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>

#include <unistd.h>

#include "content/map/map_geometry.hpp"
#include "content/model/bundle.hpp"
#include "tests/map_synthetic.hpp"

namespace {

namespace fs = std::filesystem;

// A 1920 × 1080 view at city zoom, kSimplifyToleranceMetres (5 m) per pixel: 9.6 × 5.4 km.
constexpr double kViewWidth = 1920 * content::kSimplifyToleranceMetres, kViewHeight = 1080 * content::kSimplifyToleranceMetres;

struct Fixture {
    fs::path path = fs::temp_directory_path() / ("map-bench-" + std::to_string(getpid()) + ".kbundle");
    Fixture() { content::write_synthetic_map_bundle(path, 50000); }
    ~Fixture() { fs::remove(path); }
};

const fs::path& bundle_path() {
    static Fixture fixture;
    return fixture.path;
}

// Views whose centres walk across the map in 100 m steps (a finger's drag), wrapping around.
struct Panning {
    content::MapBox bounds;
    int step = 0;
    content::MapBox next() {
        const double span_x = bounds.max_x - bounds.min_x - kViewWidth, span_y = bounds.max_y - bounds.min_y - kViewHeight;
        const double x = bounds.min_x + std::fmod(step * 100.0, std::max(span_x, 1.0));
        const double y = bounds.min_y + std::fmod(step * 37.0, std::max(span_y, 1.0));
        ++step;
        return {x, y, x + kViewWidth, y + kViewHeight};
    }
};

void BM_ChunksIn(benchmark::State& state) {
    const content::Bundle bundle(bundle_path());
    Panning pan{bundle.map()->bounds};
    size_t chunks = 0, vertices = 0, calls = 0;
    for (auto _ : state) {
        const auto view = pan.next();
        const auto found = bundle.chunks_in(view.min_x, view.min_y, view.max_x, view.max_y);
        for (const auto& c : found) vertices += (c.triangle_xy.size() + c.line_xy.size()) / 2;
        chunks += found.size();
        ++calls;
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["chunks"] = double(chunks) / double(calls);
    state.counters["vertices"] = double(vertices) / double(calls);
}
BENCHMARK(BM_ChunksIn)->Unit(benchmark::kMicrosecond);

void BM_ChunkIdsIn(benchmark::State& state) {
    const content::Bundle bundle(bundle_path());
    Panning pan{bundle.map()->bounds};
    for (auto _ : state) {
        const auto view = pan.next();
        benchmark::DoNotOptimize(bundle.chunk_ids_in(view.min_x, view.min_y, view.max_x, view.max_y).data());
    }
}
BENCHMARK(BM_ChunkIdsIn)->Unit(benchmark::kMicrosecond);

// The build itself, for the record: what `kiosk-bundle build` spends on a map this size.
void BM_BuildSyntheticMap(benchmark::State& state) {
    const fs::path out = fs::temp_directory_path() / ("map-bench-build-" + std::to_string(getpid()) + ".kbundle");
    for (auto _ : state) content::write_synthetic_map_bundle(out, 50000);
    fs::remove(out);
}
BENCHMARK(BM_BuildSyntheticMap)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
