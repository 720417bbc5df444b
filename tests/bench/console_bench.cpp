// The console's editing loop as a content manager feels it, on loopback against a real server:
// a save (the whole source checked, then committed), the kiosk program drawing the preview, and
// the two in a row — save to preview, the target being a second. Wall time: most of it
// is the check and the kiosk program, in other threads and processes.
//
//   build/release/tests/bench/console_bench
#include <benchmark/benchmark.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "content/console/console_server.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace content::console;

namespace {

struct Running {
    fs::path dir = fs::temp_directory_path() / ("console-bench-" + std::to_string(getpid()));
    std::unique_ptr<ConsoleServer> console;
    std::thread thread;
    int port = 0;
    httplib::Headers session;

    Running() {
        fs::remove_all(dir);
        fs::create_directories(dir);
        fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content/torino", dir / "source", fs::copy_options::recursive);
        ConsoleOptions o;
        o.data = dir / "data";
        o.source = dir / "source";
        o.kiosk = KIOSK_PROGRAM;
        console = std::make_unique<ConsoleServer>(o);
        console->accounts().set_user({"Anna", Role::Editor, {}}, "anna's long password");
        port = console->bind("127.0.0.1", 0);
        thread = std::thread([this] { console->run(); });
        auto login = client().Post("/api/login", json{{"name", "Anna"}, {"password", "anna's long password"}}.dump(), "application/json");
        const std::string cookie = login->get_header_value("Set-Cookie");
        session = {{"Cookie", cookie.substr(0, cookie.find(';'))}, {"X-CSRF-Token", json::parse(login->body)["csrf"]}};
    }
    ~Running() {
        console->stop();
        thread.join();
        fs::remove_all(dir);
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(60);
        return c;
    }
    // One more sentence at the end of the Italian guide, saved as the editor's page saves it.
    void save(int n) {
        auto c = client();
        const std::string path = "lang/it/guides/food-help.md";
        const json file = json::parse(c.Get("/api/file?path=" + path, session)->body);
        const json change = {{"path", path}, {"text", file["text"].get<std::string>() + "\nFrase " + std::to_string(n) + ".\n"}, {"base", file["revision"]}};
        if (c.Put("/api/file", session, change.dump(), "application/json")->status != 200) throw std::runtime_error("save refused");
    }
    void preview(const std::string& lang) {
        auto drawn = client().Get("/api/preview?lang=" + lang + "&route=guide/food-help", session);
        if (!drawn || drawn->status != 200) throw std::runtime_error("no preview");
    }
};

void BM_ConsoleSave(benchmark::State& state) {
    Running r;
    int n = 0;
    for (auto _ : state) r.save(++n);
}
BENCHMARK(BM_ConsoleSave)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

void BM_ConsolePreview(benchmark::State& state) {
    Running r;
    for (auto _ : state) r.preview("ar");
}
BENCHMARK(BM_ConsolePreview)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

void BM_ConsoleSaveToPreview(benchmark::State& state) {
    Running r;
    int n = 0;
    for (auto _ : state) {
        r.save(++n);
        r.preview("it");
    }
}
BENCHMARK(BM_ConsoleSaveToPreview)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
