#pragma once
// The small pieces every route of the console's API shares: JSON answers, refusals in one
// shape ({"error": what and the fix}), a request body's fields, diagnostics as JSON.
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "content/console/accounts.hpp"
#include "content/text/diagnostics.hpp"

namespace content::console {

using nlohmann::json;

/// The answer of a route about the source when the console was started without one.
inline constexpr const char* kNoSource = "the console serves no source folder (start it with --source)";

inline void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // Invalid UTF-8 in a file is replaced rather than failing the whole answer.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

inline void refuse(httplib::Response& res, int status, const std::string& problem) { send_json(res, status, {{"error", problem}}); }

/// A request's JSON object body; none (and a 400 sent) when it is not one or lacks a string
/// field of `required`.
inline std::optional<json> json_body(const httplib::Request& req, httplib::Response& res, const std::vector<std::string>& required,
                                     const std::string& shape) {
    json body = json::parse(req.body, nullptr, false);
    bool ok = body.is_object();
    for (const auto& field : required) ok = ok && body.contains(field) && body[field].is_string();
    if (ok) return body;
    refuse(res, 400, "send " + shape);
    return std::nullopt;
}

inline json user_json(const User& user) { return {{"name", user.name}, {"role", role_name(user.role)}, {"languages", user.languages}}; }

inline json problems_json(const std::vector<Diagnostic>& problems) {
    json out = json::array();
    for (const auto& d : problems)
        out.push_back({{"file", d.file}, {"line", d.line}, {"item", d.item}, {"problem", d.problem}, {"fix", d.fix}, {"message", d.format()}});
    return out;
}

}  // namespace content::console
