#include "content/console/console_server.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "content/console/source_editing.hpp"
#include "content/delivery/password_hash.hpp"
#include "content/text/text_files.hpp"
#include "content/delivery/publish_log.hpp"

namespace content::console {

namespace {

using nlohmann::json;

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void refuse(httplib::Response& res, int status, const std::string& problem) { send_json(res, status, {{"error", problem}}); }

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

json user_json(const User& user) { return {{"name", user.name}, {"role", role_name(user.role)}, {"languages", user.languages}}; }

}  // namespace

ConsoleServer::ConsoleServer(ConsoleOptions options, Clock clock)
    : options_(std::move(options)),
      db_(open_console_db(options_.data)),
      accounts_(*db_, clock),
      audit_(*db_, clock),
      fleet_(*db_, clock),
      source_(options_.source.empty() ? nullptr : std::make_unique<SourceRepo>(options_.source)),
      server_(std::make_unique<httplib::Server>()) {
    routes();
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

void ConsoleServer::routes() {
    httplib::Server& s = *server_;
    s.set_payload_max_length(256 * 1024);
    // The front end's pages may run only their own scripts and never sit in another site's frame.
    s.set_default_headers({{"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"},
                           {"X-Content-Type-Options", "nosniff"},
                           {"Referrer-Policy", "no-referrer"}});
    if (!options_.web.empty()) s.set_mount_point("/", options_.web.string());

    s.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) {
        // JSON only: a form on another site cannot send it without the browser asking first.
        if (req.get_header_value("Content-Type").find("application/json") != 0) return refuse(res, 415, "send the login as JSON");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("name") || !body["name"].is_string() || !body.contains("password") || !body["password"].is_string())
            return refuse(res, 400, "send {\"name\": …, \"password\": …}");
        const std::string name = body["name"], password = body["password"];
        const std::lock_guard lock(mutex_);
        const Login login = accounts_.log_in(name, password, req.remote_addr);
        if (login.result == Login::Result::Throttled) {
            res.set_header("Retry-After", std::to_string(login.retry_after));
            audit_.record(name, "login throttled", req.remote_addr);
            return refuse(res, 429, "too many failed logins: wait " + std::to_string((login.retry_after + 59) / 60) + " minutes");
        }
        if (login.result == Login::Result::Wrong) {
            audit_.record(name, "login failed", req.remote_addr);
            return refuse(res, 401, "wrong name or password");
        }
        audit_.record(name, "login", req.remote_addr);
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

    s.Get("/api/me", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (const auto session = signed_in(req, res, false)) send_json(res, 200, {{"user", user_json(session->user)}, {"csrf", session->csrf}});
    });

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

    s.Get("/api/audit", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, false);
        if (!session) return;
        if (session->user.role != Role::Administrator) return refuse(res, 403, "only an administrator reads the audit log");
        json entries = json::array();
        for (const auto& e : audit_.recent(500)) entries.push_back({{"at", e.at}, {"user", e.user}, {"action", e.action}, {"detail", e.detail}});
        send_json(res, 200, entries);
    });

    // The source's files: read by anyone signed in, changed by who may (source_editing.hpp).
    s.Get("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, "the console serves no source folder (--source)");
        const std::string path = req.get_param_value("path");
        if (edit_refusal(path, {"", Role::Administrator, {}})) return refuse(res, 400, "\"" + path + "\" is not a file of the source");
        const auto text = read_file(source_->folder() / path);
        if (!text) return refuse(res, 404, path + " does not exist");
        send_json(res, 200, {{"path", path}, {"text", *text}, {"revision", source_->revision(path)}});
    });

    s.Put("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!source_) return refuse(res, 404, "the console serves no source folder (--source)");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("path") || !body["path"].is_string() || !body.contains("text") || !body["text"].is_string() ||
            !body.contains("base") || !body["base"].is_string())
            return refuse(res, 400, "send {\"path\": …, \"text\": …, \"base\": the revision the change was made on}");
        const std::string path = body["path"];
        if (const auto refusal = edit_refusal(path, session->user)) return refuse(res, 403, *refusal);
        const SaveResult saved = save_file(*source_, path, body["text"], body["base"], session->user);
        switch (saved.kind) {
            case SaveResult::Kind::Conflict:
                audit_.record(session->user.name, "change refused: conflict", path);
                return send_json(res, 409, {{"error", path + " was changed by someone else since you opened it: compare the two texts, then save again"},
                                            {"yours", body["text"]},
                                            {"theirs", saved.current},
                                            {"revision", saved.revision}});
            case SaveResult::Kind::Invalid: {
                json problems = json::array();
                for (const auto& d : saved.problems)
                    problems.push_back({{"file", d.file}, {"line", d.line}, {"item", d.item}, {"problem", d.problem}, {"fix", d.fix}, {"message", d.format()}});
                return send_json(res, 422, {{"error", "the change would break the source: nothing was saved"}, {"problems", problems}});
            }
            case SaveResult::Kind::Saved:
                audit_.record(session->user.name, "changed", path + " (" + saved.commit.substr(0, 12) + ")");
                return send_json(res, 200, {{"commit", saved.commit}, {"revision", saved.revision}});
        }
    });

    s.Get("/api/history", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, "the console serves no source folder (--source)");
        json commits = json::array();
        for (const auto& c : source_->history(req.get_param_value("path"), 100))
            commits.push_back({{"id", c.id}, {"author", c.author}, {"message", c.message}, {"time", c.time}});
        send_json(res, 200, commits);
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
