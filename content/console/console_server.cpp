#include "content/console/console_server.hpp"

#include <httplib.h>

#include "content/console/http_json.hpp"
#include "content/delivery/password_hash.hpp"
#include "content/delivery/publish_log.hpp"

namespace content::console {

namespace {

std::string cookie(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    for (size_t at = 0; at < header.size();) {
        const size_t end = std::min(header.find(';', at), header.size());
        std::string part = header.substr(at, end - at);
        part.erase(0, part.find_first_not_of(' '));
        if (part.starts_with(name + "=")) return part.substr(name.size() + 1);
        at = end + 1;
    }
    return {};
}

}  // namespace

ConsoleServer::ConsoleServer(ConsoleOptions options, Clock clock)
    : options_(std::move(options)),
      db_(open_console_db(options_.data)),
      accounts_(*db_, clock),
      audit_(*db_, clock),
      fleet_(*db_, clock),
      source_(options_.source.empty() ? nullptr : std::make_unique<SourceRepo>(options_.source)),
      publishing_(source_ && !options_.published.empty()
                      ? std::make_unique<Publishing>(*source_, PublishingOptions{options_.data, options_.published, options_.font_root, options_.bundle_name})
                      : nullptr),
      server_(std::make_unique<httplib::Server>()) {
    httplib::Server& s = *server_;
    s.set_payload_max_length(256 * 1024);
    // The front end's pages may run only their own scripts and never sit in another site's frame.
    s.set_default_headers({{"Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'"},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"}});
    if (!options_.web.empty()) s.set_mount_point("/", options_.web.string());
    account_routes();
    fleet_routes();
    source_routes();
    translation_routes();
    publish_routes();
}

ConsoleServer::~ConsoleServer() = default;

int ConsoleServer::bind(const std::string& host, int port) { return port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1); }

void ConsoleServer::run() { server_->listen_after_bind(); }

void ConsoleServer::stop() { server_->stop(); }

std::int64_t ConsoleServer::published_version() const {
    if (options_.published.empty()) return 0;
    const auto log = read_publish_log(options_.published / kPublishLogName);
    return log.empty() ? 0 : log.back().version;
}

std::string ConsoleServer::client(const httplib::Request& req) const {
    const bool from_proxy = req.remote_addr == "127.0.0.1" || req.remote_addr == "::1";
    if (options_.trust_proxy && from_proxy && req.has_header("X-Real-IP")) return req.get_header_value("X-Real-IP");
    return req.remote_addr;
}

std::optional<Session> ConsoleServer::signed_in(const httplib::Request& req, httplib::Response& res, bool change) {
    auto session = accounts_.session(cookie(req, "session"));
    if (!session) {
        refuse(res, 401, "not signed in");
        return std::nullopt;
    }
    if (change && !same_secret(req.get_header_value("X-CSRF-Token"), session->csrf)) {
        refuse(res, 403, "the request has no valid CSRF token: reload the page");
        return std::nullopt;
    }
    return session;
}

void ConsoleServer::account_routes() {
    httplib::Server& s = *server_;
    s.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) {
        // JSON only: a form on another site cannot send it without the browser asking first.
        if (req.get_header_value("Content-Type").find("application/json") != 0) return refuse(res, 415, "send the login as JSON");
        const auto body = json_body(req, res, {"name", "password"}, "{\"name\": …, \"password\": …}");
        if (!body) return;
        const std::string name = (*body)["name"], password = (*body)["password"];
        const std::lock_guard lock(mutex_);
        const std::string from = client(req);
        const Login login = accounts_.log_in(name, password, from);
        if (login.result == Login::Result::Throttled) {
            res.set_header("Retry-After", std::to_string(login.retry_after));
            audit_.record(name, "login throttled", from);
            return refuse(res, 429, "too many failed logins: wait " + std::to_string((login.retry_after + 59) / 60) + " minutes");
        }
        if (login.result == Login::Result::Wrong) {
            audit_.record(name, "login failed", from);
            return refuse(res, 401, "wrong name or password");
        }
        audit_.record(name, "login", from);
        res.set_header("Set-Cookie", "session=" + login.token + "; Path=/; HttpOnly; SameSite=Strict" + (options_.secure_cookies ? "; Secure" : ""));
        send_json(res, 200, {{"user", user_json(*accounts_.user(name))}, {"csrf", login.csrf}});
    });

    s.Post("/api/logout", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        accounts_.log_out(cookie(req, "session"));
        audit_.record(session->user.name, "logout");
        res.set_header("Set-Cookie", "session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        send_json(res, 200, json::object());
    });

    s.Get("/api/audit", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, false);
        if (!session) return;
        if (session->user.role != Role::Administrator) return refuse(res, 403, "only an administrator reads the audit log");
        json entries = json::array();
        for (const auto& e : audit_.recent(500)) entries.push_back({{"at", e.at}, {"user", e.user}, {"action", e.action}, {"detail", e.detail}});
        send_json(res, 200, entries);
    });

    s.Get("/api/me", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (const auto session = signed_in(req, res, false)) send_json(res, 200, {{"user", user_json(session->user)}, {"csrf", session->csrf}});
    });
}

void ConsoleServer::fleet_routes() {
    httplib::Server& s = *server_;
    s.Get("/api/fleet", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        const std::int64_t published = published_version();
        json kiosks = json::array();
        for (const auto& k : fleet_.states(published, options_.report_interval)) {
            json row = {{"name", k.name}, {"site", k.site}, {"received_at", k.received_at}, {"silent", k.silent},
                        {"behind", k.behind}, {"paper", k.paper}, {"expiring", k.expiring}};
            if (k.last) row["report"] = json::parse(fleet_report_json(*k.last));
            kiosks.push_back(std::move(row));
        }
        send_json(res, 200, {{"published_version", published}, {"report_interval", options_.report_interval}, {"kiosks", kiosks}});
    });

    s.Post("/api/report", [this](const httplib::Request& req, httplib::Response& res) {
        if (req.body.size() > kMaxReport) return refuse(res, 413, "the report is larger than 16 KiB");
        const std::string auth = req.get_header_value("Authorization");
        if (!auth.starts_with("Bearer ")) return refuse(res, 401, "no kiosk token: set report_token in kiosk.conf");
        auto parsed = parse_fleet_report(req.body);
        if (auto* problem = std::get_if<std::string>(&parsed)) return refuse(res, 400, "report: " + *problem);
        const std::lock_guard lock(mutex_);
        switch (fleet_.take(auth.substr(7), std::get<FleetReport>(parsed))) {
            case Fleet::Taken::Yes: res.status = 204; return;
            case Fleet::Taken::UnknownToken: return refuse(res, 401, "unknown kiosk token: add the kiosk with kiosk-console add-kiosk");
            case Fleet::Taken::TooSoon: res.set_header("Retry-After", std::to_string(Fleet::kMinGap)); return refuse(res, 429, "reported too soon after the last report");
        }
    });
}

}  // namespace content::console
