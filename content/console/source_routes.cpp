// The source's files in the console's API: read by anyone signed in, changed by who may
// (source_editing.hpp), checked before saving, their history with each change's before and
// after, a change reverted, and the kiosk's own picture of a screen.
#include <nlohmann/json.hpp>

#include "content/console/console_server.hpp"
#include "content/console/http_json.hpp"
#include "content/console/preview.hpp"
#include "content/console/source_editing.hpp"
#include "content/console/table_rows.hpp"
#include "content/hours/dates.hpp"
#include "content/hours/opening_hours.hpp"
#include "content/text/text_files.hpp"

namespace content::console {

namespace {

// A path the console reads: one of the files it edits (the role does not matter for reading).
bool readable(const std::string& path) { return !edit_refusal(path, {"", Role::Administrator, {}}); }

json save_answer(httplib::Response& res, const SaveResult& saved, const std::string& path, const std::string& yours) {
    switch (saved.kind) {
        case SaveResult::Kind::Conflict:
            res.status = 409;
            return {{"error", path + " was changed by someone else since you opened it, in the same place as your change: compare the two texts, "
                                    "then save again"},
                    {"yours", yours},
                    {"theirs", saved.current},
                    {"revision", saved.revision}};
        case SaveResult::Kind::Invalid:
            res.status = 422;
            return {{"error", "the change would break the source: nothing was saved"}, {"problems", problems_json(saved.problems)}};
        case SaveResult::Kind::Saved: break;
    }
    res.status = 200;
    return {{"commit", saved.commit}, {"revision", saved.revision}, {"merged", saved.merged}};
}

// What an opening_hours text means, for the place form as the editor types: open or closed now
// and until when, and the spans of the next seven days; or where it cannot be read and the fix.
json hours_meaning(const std::string& text, Instant now) {
    try {
        const OpeningHours hours(text);
        const HoursStatus status = hours.at(now);
        json out = {{"state", to_string(status.state)}, {"comment", status.comment()}};
        if (const auto change = hours.next_change(now, std::chrono::days(8))) {
            out["until"] = format_local_iso(change->at);
            out["then"] = to_string(change->state);
        }
        json week = json::array();
        const CivilDate first = today(now);
        for (int d = 0; d < 7; ++d) {
            const CivilDate day = first.plus_days(d);
            json spans = json::object();
            for (const OpenState state : {OpenState::Open, OpenState::Unknown}) {
                json list = json::array();
                for (const auto& [from, to] : hours.open_spans(day, state)) list.push_back(format_clock(from) + "–" + format_clock(to));
                spans[std::string(to_string(state))] = list;
            }
            week.push_back({{"date", format_date(day)}, {"weekday", day.weekday()}, {"open", spans["open"]}, {"unknown", spans["unknown"]}});
        }
        out["week"] = week;
        return out;
    } catch (const OpeningHoursError& e) {
        return {{"error", e.problem}, {"column", e.column}, {"fix", e.fix}};
    }
}

}  // namespace

void ConsoleServer::source_routes() {
    httplib::Server& s = *server_;

    s.Get("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const std::string path = req.get_param_value("path");
        if (!readable(path)) return refuse(res, 400, "\"" + path + "\" is not a file of the source");
        const auto text = read_file(source_->folder() / path);
        if (!text) return refuse(res, 404, path + " does not exist");
        send_json(res, 200, {{"path", path}, {"text", *text}, {"revision", source_->revision(path)}});
    });

    s.Put("/api/file", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto body = json_body(req, res, {"path", "text", "base"}, "{\"path\": …, \"text\": …, \"base\": the revision the change was made on}");
        if (!body) return;
        const std::string path = (*body)["path"], text = (*body)["text"];
        if (const auto refusal = edit_refusal(path, session->user)) return refuse(res, 403, *refusal);
        const SaveResult saved = save_file(*source_, path, text, (*body)["base"], session->user);
        const json answer = save_answer(res, saved, path, text);
        audit_.record(session->user.name, res.status == 200 ? "changed" : res.status == 409 ? "change refused: conflict" : "change refused: invalid",
                      path + (res.status == 200 ? " (" + saved.commit.substr(0, 12) + ")" : ""));
        send_json(res, res.status, answer);
    });

    // A table as rows, for the forms of places, stops and notices.
    s.Get("/api/table", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const std::string name = req.get_param_value("name");
        if (!name.ends_with(".csv") || name.find('/') != std::string::npos || !readable(name)) return refuse(res, 400, "\"" + name + "\" is not a table of the source");
        const auto text = read_file(source_->folder() / name);
        const CsvResult csv = parse_csv(text.value_or(""));
        if (!csv.error.empty()) return refuse(res, 422, name + ":" + std::to_string(csv.error_line) + ": " + csv.error + ". Fix: correct the file in the file editor");
        json rows = json::array();
        for (size_t r = 1; r < csv.rows.size(); ++r) rows.push_back({{"line", csv.rows[r].line}, {"fields", csv.rows[r].fields}});
        send_json(res, 200, {{"name", name}, {"columns", csv.rows.empty() ? json::array() : json(csv.rows[0].fields)}, {"rows", rows},
                             {"revision", source_->revision(name)}});
    });

    // {name, id, fields (none: remove the row), base, check}: one row changed, the others kept
    // byte for byte; with check, only the problems it would bring, nothing saved.
    s.Put("/api/table-row", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto body = json_body(req, res, {"name", "id", "base"}, "{\"name\": …, \"id\": …, \"fields\": [...], \"base\": the table's revision}");
        if (!body) return;
        const std::string name = (*body)["name"], id = (*body)["id"];
        if (!name.ends_with(".csv") || name.find('/') != std::string::npos) return refuse(res, 400, "\"" + name + "\" is not a table of the source");
        if (const auto refusal = edit_refusal(name, session->user)) return refuse(res, 403, *refusal);
        std::optional<std::vector<std::string>> fields;
        if (body->contains("fields") && !(*body)["fields"].is_null()) {
            if (!(*body)["fields"].is_array()) return refuse(res, 400, "\"fields\" is the row's fields as a list of texts");
            fields.emplace();
            for (const auto& f : (*body)["fields"]) {
                if (!f.is_string()) return refuse(res, 400, "\"fields\" is the row's fields as a list of texts");
                fields->push_back(f);
            }
            if (fields->empty() || fields->front() != id) return refuse(res, 400, "the row's first field is its id, \"" + id + "\"");
        }
        // The row is put into the table as the editor saw it (base), so a change made meanwhile to
        // another row merges, and one to the same row is a conflict.
        const auto made_on = source_->text_of((*body)["base"]);
        if (!made_on) return refuse(res, 409, name + " has changed since you opened it: reload it");
        std::string text;
        try {
            text = with_row(*made_on, id, fields);
        } catch (const std::invalid_argument& e) {
            return refuse(res, 422, name + ": " + e.what() + ". Fix: correct the file in the file editor");
        }
        if (body->value("check", false))  // the form asks before saving: every problem the row would bring
            return send_json(res, 200, {{"problems", problems_json(source_errors_with(source_->folder(), name, text))}});
        const SaveResult saved = save_file(*source_, name, text, (*body)["base"], session->user);
        const json answer = save_answer(res, saved, name, text);
        audit_.record(session->user.name, res.status == 200 ? (fields ? "changed row" : "removed row") : "row change refused", name + ": " + id);
        send_json(res, res.status, answer);
    });

    // Every problem the source would have with this text, before anything is saved.
    s.Post("/api/check", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, true)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto body = json_body(req, res, {"path", "text"}, "{\"path\": …, \"text\": …}");
        if (!body) return;
        if (!readable((*body)["path"])) return refuse(res, 400, "\"" + std::string((*body)["path"]) + "\" is not a file of the source");
        send_json(res, 200, {{"problems", problems_json(source_errors_with(source_->folder(), (*body)["path"], (*body)["text"]))}});
    });

    s.Get("/api/history", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        json commits = json::array();
        for (const auto& c : source_->history(req.get_param_value("path"), 100))
            commits.push_back({{"id", c.id}, {"author", c.author}, {"message", c.message}, {"time", c.time}});
        send_json(res, 200, commits);
    });

    // One change of one file: the file before and after it (the browser shows the items that differ).
    s.Get("/api/change", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        if (!signed_in(req, res, false)) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const std::string id = req.get_param_value("id"), path = req.get_param_value("path");
        if (!readable(path)) return refuse(res, 400, "\"" + path + "\" is not a file of the source");
        const auto after = source_->file_at(id, path);
        const std::string parent = source_->parent_of(id);
        const auto before = parent.empty() ? std::nullopt : source_->file_at(parent, path);
        if (!after && !before) return refuse(res, 404, "commit " + id + " has no " + path);
        send_json(res, 200, {{"path", path}, {"id", id}, {"before", before.value_or("")}, {"after", after.value_or("")}});
    });

    // Undoing one change: the file as it was before it, saved like any change (checked, merged
    // with what came after when that touched other items, else a conflict).
    s.Post("/api/revert", [this](const httplib::Request& req, httplib::Response& res) {
        const std::lock_guard lock(mutex_);
        const auto session = signed_in(req, res, true);
        if (!session) return;
        if (!source_) return refuse(res, 404, kNoSource);
        const auto body = json_body(req, res, {"path", "id"}, "{\"path\": …, \"id\": the commit to undo}");
        if (!body) return;
        const std::string path = (*body)["path"], id = (*body)["id"];
        if (const auto refusal = edit_refusal(path, session->user)) return refuse(res, 403, *refusal);
        const std::string parent = source_->parent_of(id);
        const auto before = parent.empty() ? std::nullopt : source_->file_at(parent, path);
        const auto after = source_->file_at(id, path);
        if (!before || !after) return refuse(res, 400, "commit " + id + " did not change " + path + ": nothing to undo");
        // Made on the file as the change left it: later changes to other items are kept.
        const SaveResult saved = save_file(*source_, path, *before, source_->revision(path, id), session->user);
        const json answer = save_answer(res, saved, path, *before);
        audit_.record(session->user.name, res.status == 200 ? "reverted" : "revert refused", path + " (" + id.substr(0, 12) + ")");
        send_json(res, res.status, answer);
    });

    s.Get("/api/hours", [this](const httplib::Request& req, httplib::Response& res) {
        {
            const std::lock_guard lock(mutex_);
            if (!signed_in(req, res, false)) return;
        }
        if (req.get_param_value("text").empty()) return send_json(res, 200, {{"state", "unknown"}, {"empty", true}});
        send_json(res, 200, hours_meaning(req.get_param_value("text"), std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
    });

    s.Get("/api/preview", [this](const httplib::Request& req, httplib::Response& res) {
        {
            const std::lock_guard lock(mutex_);
            if (!signed_in(req, res, false)) return;
        }
        if (!source_) return refuse(res, 404, kNoSource);
        if (options_.kiosk.empty()) return refuse(res, 404, "the console draws no previews: start it with --kiosk PROGRAM");
        const PreviewRequest request{req.get_param_value("lang"), req.get_param_value("route"), req.get_param_value("orientation") == "portrait"};
        if (const auto refusal = preview_refusal(request)) return refuse(res, 400, *refusal);
        // Drawn outside the lock: a picture takes a second, and reports and saves go on meanwhile.
        const PreviewResult drawn = render_preview(options_.kiosk, source_->folder(), request, options_.data / "work");
        if (drawn.png.empty()) return refuse(res, 500, "the kiosk could not draw " + request.route + ": " + drawn.error);
        res.set_header("Cache-Control", "no-store");
        res.set_content(drawn.png, "image/png");
    });
}

}  // namespace content::console
