// A fleet reporting to the console while people work in it: KIOSKS kiosks each posting a report
// every INTERVAL seconds, spread over the interval, for SECONDS seconds (the issue: 200 kiosks,
// every minute, for 10 minutes), while a signed-in browser asks for the fleet page every 2
// seconds. Prints the reports taken and refused, the fleet page's answer times (median, 99th
// percentile, most), the database's size and the console's peak memory.
//
//   build/release/tests/bench/console_load_bench [SECONDS [KIOSKS [INTERVAL]]]   (default 600 200 60)
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "content/console/console_server.hpp"
#include "content/delivery/fleet_report.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace content::console;
using Steady = std::chrono::steady_clock;

namespace {

long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
    return 0;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    const int seconds = argc > 1 ? std::stoi(argv[1]) : 600, kiosks = argc > 2 ? std::stoi(argv[2]) : 200,
              interval = argc > 3 ? std::stoi(argv[3]) : 60;
    const fs::path dir = fs::temp_directory_path() / ("console-load-" + std::to_string(getpid()));
    fs::remove_all(dir);
    ConsoleOptions o;
    o.data = dir;
    o.report_interval = interval;
    auto owned = std::make_unique<ConsoleServer>(o);
    ConsoleServer& console = *owned;
    console.accounts().set_user({"Anna", Role::Editor, {}}, "anna's long password");
    std::vector<std::string> tokens;
    for (int k = 0; k < kiosks; ++k) tokens.push_back(console.fleet().add_kiosk("kiosk-" + std::to_string(k), "site " + std::to_string(k % 12)));
    const int port = console.bind("127.0.0.1", 0);
    std::thread server([&] { console.run(); });

    std::atomic<bool> done{false};
    std::atomic<int> taken{0}, refused{0}, failed{0};
    const auto start = Steady::now();
    // Four senders share the fleet, each kiosk at its own offset within the interval.
    std::vector<std::thread> senders;
    for (int s = 0; s < 4; ++s)
        senders.emplace_back([&, s] {
            httplib::Client c("127.0.0.1", port);
            c.set_keep_alive(true);
            for (int round = 0; !done; ++round)
                for (int k = s; k < kiosks && !done; k += 4) {
                    const auto due = start + std::chrono::milliseconds(static_cast<long>((round + static_cast<double>(k) / kiosks) * interval * 1000));
                    while (!done && Steady::now() < due) std::this_thread::sleep_for(std::chrono::milliseconds(5));
                    if (done) break;
                    content::FleetReport r;
                    r.version = 7;
                    r.channel = "torino";
                    r.uptime_s = round * interval;
                    r.free_bytes = 20'000'000'000;
                    r.printer = k % 17 == 0 ? "paper_out" : "ok";
                    r.content_expires = "2027-06-30";
                    r.last_error = "2026-12-07 10:00  update: https://example.org/torino.kbundle.minisig: unchanged";
                    auto res = c.Post("/api/report", httplib::Headers{{"Authorization", "Bearer " + tokens[size_t(k)]}}, content::fleet_report_json(r),
                                      "application/json");
                    if (!res) ++failed;
                    else if (res->status == 204) ++taken;
                    else ++refused;
                }
        });

    httplib::Client browser("127.0.0.1", port);
    auto login = browser.Post("/api/login", json{{"name", "Anna"}, {"password", "anna's long password"}}.dump(), "application/json");
    const std::string cookie = login->get_header_value("Set-Cookie");
    const httplib::Headers session{{"Cookie", cookie.substr(0, cookie.find(';'))}};
    std::vector<double> fleet_ms;
    size_t shown = 0;
    while (Steady::now() - start < std::chrono::seconds(seconds)) {
        const auto asked = Steady::now();
        auto res = browser.Get("/api/fleet", session);
        fleet_ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - asked).count());
        if (res && res->status == 200) shown = json::parse(res->body)["kiosks"].size();
        std::this_thread::sleep_for(std::chrono::seconds(2));
    }
    done = true;
    for (auto& t : senders) t.join();
    console.stop();
    server.join();
    const long peak_kb = peak_rss_kb();
    const std::uintmax_t wal_running = fs::exists(dir / "console.db-wal") ? fs::file_size(dir / "console.db-wal") : 0;
    owned.reset();  // closed: the write-ahead log is folded into the database

    const std::uintmax_t db = fs::file_size(dir / "console.db");
    std::printf("%d kiosks reporting every %d s for %d s: %d reports taken, %d refused, %d not answered\n", kiosks, interval, seconds,
                taken.load(), refused.load(), failed.load());
    std::printf("fleet page (%zu kiosks) asked %zu times: median %.1f ms, 99th percentile %.1f ms, most %.1f ms\n", shown, fleet_ms.size(),
                percentile(fleet_ms, 0.5), percentile(fleet_ms, 0.99), fleet_ms.empty() ? 0.0 : *std::max_element(fleet_ms.begin(), fleet_ms.end()));
    std::printf("database %.2f MB (%.2f KB a report); its write-ahead log %.1f MB while running; console peak memory %.1f MB\n",
                static_cast<double>(db) / 1e6, taken ? static_cast<double>(db) / 1e3 / taken : 0.0, static_cast<double>(wal_running) / 1e6,
                static_cast<double>(peak_kb) / 1024.0);
    fs::remove_all(dir);
    return failed == 0 && refused == 0 ? 0 : 1;
}
