#pragma once
// What the console's tests share: a clock moved by hand, fresh folders, and a console serving a
// copy of the demo source on a free loopback port, signed in to as a browser would.
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "content/console/console_server.hpp"
#include "content/delivery/publish_log.hpp"

namespace console_test {

namespace fs = std::filesystem;
using namespace content::console;
using nlohmann::json;

// A clock the test moves by hand.
struct TestClock {
    std::int64_t now = 1'765'000'000;  // 2025-12-06
    Clock clock() {
        return [this] { return now; };
    }
};

inline fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("console-tests-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A console serving on a free loopback port for the test's life.
struct RunningConsole {
    TestClock time;
    fs::path data = fresh_dir("server");
    std::unique_ptr<ConsoleServer> console;
    std::thread thread;
    int port = -1;

    /// `publishing`: an empty published folder and the kiosk program for previews, else a
    /// published folder whose log says version 8 (no bundle), for the fleet's "behind".
    explicit RunningConsole(bool publishing = false) {
        fs::create_directories(data / "published");
        if (!publishing) {
            content::PublishLogEntry entry;
            entry.version = 8;
            entry.time = "2026-12-07T10:42+01:00";
            entry.publisher = "Paola";
            entry.key_id = "FD0BF94AF9D84524";
            std::ofstream(data / "published" / content::kPublishLogName) << content::format_log_entry(entry);
        }
        fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content/torino", data / "source", fs::copy_options::recursive);
        ConsoleOptions o;
        o.data = data / "db";
        o.source = data / "source";
        o.published = data / "published";
        o.web = fs::path(KIOSK_SOURCE_DIR) / "content/console/web";
        if (publishing) o.kiosk = KIOSK_PROGRAM;
        console = std::make_unique<ConsoleServer>(o, time.clock());
        console->accounts().set_user({"Anna", Role::Editor, {}}, "anna's long password");
        console->accounts().set_user({"Admin", Role::Administrator, {}}, "admin's long password");
        port = console->bind("127.0.0.1", 0);
        REQUIRE(port > 0);
        thread = std::thread([this] { console->run(); });
    }
    ~RunningConsole() {
        console->stop();
        thread.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(10);
        c.set_read_timeout(30);
        return c;
    }
};

// Signs in; returns the session cookie and the CSRF token.
inline std::pair<std::string, std::string> sign_in(const RunningConsole& rc, const std::string& name, const std::string& password) {
    auto res = rc.client().Post("/api/login", json{{"name", name}, {"password", password}}.dump(), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    return {set_cookie.substr(0, set_cookie.find(';')), json::parse(res->body)["csrf"]};
}

/// The headers of a signed-in user's changes: the session cookie and the CSRF token.
inline httplib::Headers as(const RunningConsole& rc, const std::string& name, const std::string& password) {
    const auto [cookie, csrf] = sign_in(rc, name, password);
    return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
}

}  // namespace console_test
