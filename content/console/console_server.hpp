#pragma once
// The console's HTTP side (cpp-httplib): its static front end, the JSON API a signed-in content
// manager's browser calls, and the endpoint kiosks report to. The routes are grouped by concern,
// one file each: accounts and the fleet (console_server.cpp), the source's files, translations
// and previews (source_routes.cpp), review and publishing (publish_routes.cpp). Everything but the report endpoint
// and the login needs a session cookie (HttpOnly, SameSite=Strict); every change also needs the
// session's CSRF token in an X-CSRF-Token header. Requests are handled one at a time against the
// database: the console serves a team, not the public.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "content/console/accounts.hpp"
#include "content/console/audit_log.hpp"
#include "content/console/fleet.hpp"
#include "content/console/source_publishing.hpp"
#include "content/console/source_repo.hpp"

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace content::console {

struct ConsoleOptions {
    std::filesystem::path data;       // console.db lives here
    std::filesystem::path source;     // the content source folder, kept in git; empty: no editing
    std::filesystem::path published;  // the published folder (its publish log says the version); may be empty
    std::filesystem::path web;        // the front end's files
    std::filesystem::path kiosk;      // the kiosk program, which draws the previews; empty: no previews
    std::filesystem::path font_root = "/usr/share/fonts";  // the fonts bundles are cut from
    std::string bundle_name;          // the bundle's name in the published folder; empty: the default
    std::int64_t report_interval = 300;  // seconds between a kiosk's reports, as kiosks are configured
    bool secure_cookies = false;      // behind a TLS proxy: cookies only over HTTPS
    bool trust_proxy = false;         // a proxy on loopback names the client in X-Real-IP (login limits, audit)
};

class ConsoleServer {
public:
    /// A kiosk's report larger than this is refused (413) unread.
    static constexpr size_t kMaxReport = 16 * 1024;

    ConsoleServer(ConsoleOptions options, Clock clock = system_clock());
    ~ConsoleServer();

    /// Binds `host`; `port` 0 takes any free one. Returns the port, or -1 when it cannot bind.
    int bind(const std::string& host, int port);
    /// Serves until stop(); call after bind().
    void run();
    void stop();

    Accounts& accounts() { return accounts_; }
    Fleet& fleet() { return fleet_; }
    AuditLog& audit() { return audit_; }
    SourceRepo* source() { return source_.get(); }

private:
    void account_routes();
    void fleet_routes();
    void source_routes();
    void translation_routes();
    void publish_routes();
    /// The session of a request; for a change, only with its CSRF token. Answers 401 or 403 itself.
    std::optional<Session> signed_in(const httplib::Request& request, httplib::Response& response, bool change);
    std::int64_t published_version() const;
    /// Who sent the request: the peer's address, or a loopback proxy's X-Real-IP when trusted.
    std::string client(const httplib::Request& request) const;

    ConsoleOptions options_;
    std::unique_ptr<sql::Database> db_;
    Accounts accounts_;
    AuditLog audit_;
    Fleet fleet_;
    std::unique_ptr<SourceRepo> source_;
    std::unique_ptr<Publishing> publishing_;  // with a source and a published folder
    std::mutex mutex_;  // one request at a time touches the database
    std::unique_ptr<httplib::Server> server_;
};

}  // namespace content::console
