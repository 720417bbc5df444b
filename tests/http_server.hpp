#pragma once
// tests/http_server.py as a child process serving a folder on loopback, on a port of its
// choosing: a real HTTP server for the updater and publish tests.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/test_support.hpp"

namespace test {

struct HttpServer {
    pid_t pid = -1;
    int port = 0;
    explicit HttpServer(const std::filesystem::path& root) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid = fork();
        if (pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            const std::string script = std::string(KIOSK_SOURCE_DIR) + "/tests/http_server.py";
            execlp("python3", "python3", script.c_str(), root.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        FILE* out = fdopen(fds[0], "r");
        REQUIRE(std::fscanf(out, "%d", &port) == 1);
        std::fclose(out);
    }
    ~HttpServer() {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    /// The server's address for a kind of answer (files, slow, status/404, ...).
    std::string url(const std::string& kind) const { return "http://127.0.0.1:" + std::to_string(port) + "/" + kind; }
    /// How many times `name` (a path under the folder) was asked for, whatever the kind.
    int requests(const std::string& name) const {
        return std::stoi(run("python3 -c \"import urllib.request as u; print(u.urlopen('" + url("count/" + name) +
                             "').read().decode())\"").output);
    }
};

}  // namespace test
