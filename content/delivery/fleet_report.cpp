#include "content/delivery/fleet_report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

namespace content {

namespace {

using nlohmann::json;

constexpr const char* kPrinterStates[] = {"ok", "paper_low", "paper_out", "jammed", "offline", "none"};

std::string problem(const std::string& field, const std::string& what, const std::string& fix) {
    return "field \"" + field + "\": " + what + ". Fix: " + fix;
}

}  // namespace

std::optional<std::int64_t> days_since_epoch(const std::string& date) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

std::variant<FleetReport, std::string> parse_fleet_report(std::string_view text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::string("the report is not a JSON object. Fix: send the kiosk's report as it writes it");
    FleetReport r;
    const auto whole = [&](const char* field, std::int64_t& out, bool required) -> std::optional<std::string> {
        if (!j.contains(field)) return required ? std::optional(problem(field, "missing", "send it")) : std::nullopt;
        if (!j[field].is_number_integer() || j[field].get<std::int64_t>() < 0) return problem(field, "not a whole number of 0 or more", "send a number");
        out = j[field].get<std::int64_t>();
        return std::nullopt;
    };
    const auto text_field = [&](const char* field, std::string& out) -> std::optional<std::string> {
        if (!j.contains(field)) return std::nullopt;
        if (!j[field].is_string()) return problem(field, "not a text", "send a text");
        out = j[field].get<std::string>();
        if (out.size() > 500) return problem(field, "longer than 500 bytes", "send a shorter text");
        return std::nullopt;
    };
    for (const auto& p : {whole("version", r.version, true), whole("uptime_s", r.uptime_s, false),
                          whole("free_bytes", r.free_bytes, false), text_field("channel", r.channel), text_field("update_result", r.update_result), text_field("update_time", r.update_time),
                          text_field("content_expires", r.content_expires), text_field("display", r.display), text_field("printer", r.printer),
                          text_field("last_error", r.last_error)})
        if (p) return *p;
    if (!r.content_expires.empty() && !days_since_epoch(r.content_expires)) return problem("content_expires", "not a date", "write it as YYYY-MM-DD");
    if (!r.printer.empty() && std::find(std::begin(kPrinterStates), std::end(kPrinterStates), r.printer) == std::end(kPrinterStates))
        return problem("printer", "\"" + r.printer + "\" is not a printer state", "send one of ok, paper_low, paper_out, jammed, offline, none");
    if (j.contains("usage")) {
        if (!j["usage"].is_object() || j["usage"].size() > 500) return problem("usage", "not an object of at most 500 counters", "send the counters as {\"name\": count}");
        for (const auto& [name, count] : j["usage"].items()) {
            if (name.size() > 200 || !count.is_number_integer()) return problem("usage", "the counter \"" + name.substr(0, 200) + "\" is not a count", "send whole numbers");
            r.usage[name] = count.get<std::int64_t>();
        }
    }
    return r;
}

std::string fleet_report_json(const FleetReport& r) {
    json j = {{"version", r.version}, {"channel", r.channel}, {"update_result", r.update_result}, {"update_time", r.update_time},
              {"content_expires", r.content_expires}, {"uptime_s", r.uptime_s}, {"free_bytes", r.free_bytes}, {"display", r.display},
              {"printer", r.printer}, {"last_error", r.last_error}, {"usage", r.usage}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);  // a log line's stray byte does not lose the report
}

}  // namespace content
