#pragma once
// tests/http_server.py as a child process serving a folder on loopback, on a port of its
// choosing: a real HTTP server for the updater and publish tests; HTTPS with a certificate made
// for it by openssl, which the client is given as its only trusted one.
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
    enum class Tls { No, Yes };
    pid_t pid = -1;
    int port = 0;
    std::string scheme = "http";
    std::filesystem::path certificate;  // with Tls::Yes: the PEM file a client must trust
    explicit HttpServer(const std::filesystem::path& root, Tls tls = Tls::No) {
        std::string cert, key;
        if (tls == Tls::Yes) {
            scheme = "https";
            certificate = root.parent_path() / (root.filename().string() + "-cert.pem");
            cert = certificate.string();
            key = (root.parent_path() / (root.filename().string() + "-key.pem")).string();
            REQUIRE(run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 "
                        "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert).status == 0);
        }
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid = fork();
        if (pid == 0) {
            dup2(fds[1], 1);
            close(fds[0]);
            const std::string script = std::string(KIOSK_SOURCE_DIR) + "/tests/http_server.py";
            if (cert.empty()) execlp("python3", "python3", script.c_str(), root.c_str(), static_cast<char*>(nullptr));
            else execlp("python3", "python3", script.c_str(), root.c_str(), cert.c_str(), key.c_str(), static_cast<char*>(nullptr));
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
    std::string url(const std::string& kind) const { return scheme + "://127.0.0.1:" + std::to_string(port) + "/" + kind; }
    /// How many times `name` (a path under the folder) was asked for, whatever the kind.
    int requests(const std::string& name) const {
        return std::stoi(run("python3 -c \"import ssl, urllib.request as u; print(u.urlopen('" + url("count/" + name) +
                             "', context=ssl._create_unverified_context()).read().decode())\"").output);
    }
};

}  // namespace test
