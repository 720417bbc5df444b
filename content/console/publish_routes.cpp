// Review and publishing in the console's API: the complete diff between what kiosks are served
// and the source now, publishing it with the publisher's own key, rolling back to a version
// published before, and the publish log (source_publishing.hpp does the work).
#include <nlohmann/json.hpp>

#include "content/console/console_server.hpp"
#include "content/console/http_json.hpp"
#include "content/delivery/publish_log.hpp"

namespace content::console {

namespace {

json commits_json(const std::vector<SourceCommit>& commits) {
    json out = json::array();
    for (const auto& c : commits) out.push_back({{"id", c.id}, {"author", c.author}, {"message", c.message}, {"time", c.time}});
    return out;
}

json published_json(const Published& p) {
    return {{"version", p.meta.version}, {"channel", p.meta.channel}, {"expires", p.meta.expires}, {"key", p.key_id}, {"publisher", p.logged.publisher}};
}

std::optional<std::string> key_password(const json& body) {
    if (body.contains("password") && body["password"].is_string() && !body["password"].get<std::string>().empty()) return body["password"].get<std::string>();
    return std::nullopt;
}

}  // namespace

void ConsoleServer::publish_routes() {
    httplib::Server& s = *server_;
    const auto no_publishing = [](httplib::Response& res) {
        refuse(res, 404, "the console publishes nothing: start it with --source and --published");
    };

    s.Get("/api/review", [this, no_publishing](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!publishing_) return no_publishing(res);
        const Review r = publishing_->review();
        send_json(res, 200, {{"head", r.head}, {"published_version", r.published_version}, {"next_version", r.published_version + 1},
                             {"changes", r.changes}, {"commits", commits_json(r.commits)}, {"problems", problems_json(r.problems)}});
    });

    // {head: what the review showed, password: the key's, when it has one}
    s.Post("/api/publish", [this, no_publishing](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!publishing_) return no_publishing(res);
        if (session->user.role != Role::Publisher) return refuse(res, 403, "only a publisher publishes");
        const auto body = json_body(req, res, {"head"}, "{\"head\": the reviewed commit, \"password\": your key's password}");
        if (!body) return;
        try {
            const Published p = publishing_->publish(session->user, (*body)["head"], key_password(*body));
            audit_.record(session->user.name, "published", "version " + std::to_string(p.meta.version) + " signed with key " + p.key_id);
            send_json(res, 200, published_json(p));
        } catch (const std::exception& e) {  // PublishingError, PublishError: one line with the fix; nothing was published
            audit_.record(session->user.name, "publish refused", e.what());
            refuse(res, 409, e.what());
        }
    });

    // {version: the earlier version to bring back, password}
    s.Post("/api/rollback", [this, no_publishing](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!publishing_) return no_publishing(res);
        if (session->user.role != Role::Publisher) return refuse(res, 403, "only a publisher rolls back");
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("version") || !body["version"].is_number_integer())
            return refuse(res, 400, "send {\"version\": the version to bring back, \"password\": your key's password}");
        const long long version = body["version"];
        try {
            const Published p = publishing_->rollback(session->user, version, key_password(body));
            audit_.record(session->user.name, "rolled back", "to version " + std::to_string(version) + ", published as version " + std::to_string(p.meta.version));
            send_json(res, 200, published_json(p));
        } catch (const std::exception& e) {
            audit_.record(session->user.name, "rollback refused", e.what());
            refuse(res, 409, e.what());
        }
    });

    s.Get("/api/publish-log", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        json entries = json::array();
        if (!options_.published.empty()) {
            const auto log = read_publish_log(options_.published / kPublishLogName);
            for (auto e = log.rbegin(); e != log.rend(); ++e)
                entries.push_back({{"version", e->version}, {"based_on", e->based_on}, {"time", e->time}, {"publisher", e->publisher},
                                   {"key", e->key_id}, {"changes", e->changes}, {"change_count", e->change_count},
                                   {"from_console", source_ && !source_->tagged("published/v" + std::to_string(e->version)).empty()}});
        }
        send_json(res, 200, entries);
    });
}

}  // namespace content::console
