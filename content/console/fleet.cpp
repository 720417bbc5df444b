#include "content/console/fleet.hpp"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "content/delivery/password_hash.hpp"

namespace content::console {

namespace {

using nlohmann::json;

constexpr const char* kPrinterStates[] = {"ok", "paper_low", "paper_out", "jammed", "offline", "none"};

std::string problem(const std::string& field, const std::string& what, const std::string& fix) {
    return "field \"" + field + "\": " + what + ". Fix: " + fix;
}

// Days since the epoch of a YYYY-MM-DD date; none when it is not one.
std::optional<std::int64_t> day_number(const std::string& date) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days(ymd).time_since_epoch().count();
}

}  // namespace

std::variant<Report, std::string> parse_report(std::string_view text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::string("the report is not a JSON object. Fix: send the kiosk's report as it writes it");
    Report r;
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
    for (const auto& p : {whole("version", r.version, true), whole("update_at", r.update_at, false), whole("uptime_s", r.uptime_s, false),
                          whole("free_bytes", r.free_bytes, false), text_field("channel", r.channel), text_field("update_result", r.update_result),
                          text_field("content_expires", r.content_expires), text_field("display", r.display), text_field("printer", r.printer),
                          text_field("last_error", r.last_error)})
        if (p) return *p;
    if (!r.content_expires.empty() && !day_number(r.content_expires)) return problem("content_expires", "not a date", "write it as YYYY-MM-DD");
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

std::string report_json(const Report& r) {
    json j = {{"version", r.version}, {"channel", r.channel}, {"update_result", r.update_result}, {"update_at", r.update_at},
              {"content_expires", r.content_expires}, {"uptime_s", r.uptime_s}, {"free_bytes", r.free_bytes}, {"display", r.display},
              {"printer", r.printer}, {"last_error", r.last_error}, {"usage", r.usage}};
    return j.dump();
}

std::string Fleet::add_kiosk(const std::string& name, const std::string& site) {
    const bool ok = !name.empty() && name.size() <= 64 &&
                    std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
    if (!ok) throw std::invalid_argument("the kiosk name \"" + name + "\" cannot be used. Fix: 1 to 64 letters, digits, '-', '_' or '.'");
    const std::string token = random_token();
    db_.prepare("INSERT OR REPLACE INTO kiosks(name, site, digest) VALUES(?, ?, ?)").bind(1, name).bind(2, site).bind(3, token_digest(token)).run();
    return token;
}

Fleet::Taken Fleet::take(const std::string& token, const Report& report) {
    auto kiosk = db_.prepare("SELECT name FROM kiosks WHERE digest = ?");
    kiosk.bind(1, token_digest(token));
    if (token.empty() || !kiosk.step()) return Taken::UnknownToken;
    const std::string name = kiosk.text(0);
    const std::int64_t now = clock_();
    auto last = db_.prepare("SELECT max(at) FROM reports WHERE kiosk = ?");
    last.bind(1, name);
    if (last.step() && !last.is_null(0) && last.integer(0) > now - kMinGap) return Taken::TooSoon;
    db_.exec("BEGIN IMMEDIATE");
    try {
        db_.prepare("INSERT INTO reports(kiosk, at, body) VALUES(?, ?, ?)").bind(1, name).bind(2, now).bind(3, report_json(report)).run();
        db_.prepare("DELETE FROM reports WHERE kiosk = ? AND (at < ? OR id NOT IN (SELECT id FROM reports WHERE kiosk = ? ORDER BY at DESC, id DESC LIMIT ?))")
            .bind(1, name)
            .bind(2, now - kKeepDays * 86400)
            .bind(3, name)
            .bind(4, std::int64_t{kKeep})
            .run();
        db_.exec("COMMIT");
    } catch (...) {
        db_.exec("ROLLBACK");
        throw;
    }
    return Taken::Yes;
}

std::vector<KioskState> Fleet::states(std::int64_t published_version, std::int64_t interval_s) const {
    std::vector<KioskState> out;
    const std::int64_t now = clock_();
    auto rows = db_.prepare(
        "SELECT k.name, k.site, r.at, r.body FROM kiosks k LEFT JOIN reports r ON r.id = "
        "(SELECT id FROM reports WHERE kiosk = k.name ORDER BY at DESC, id DESC LIMIT 1) ORDER BY k.name");
    while (rows.step()) {
        KioskState s;
        s.name = rows.text(0);
        s.site = rows.text(1);
        if (!rows.is_null(2)) {
            s.received_at = rows.integer(2);
            if (auto parsed = parse_report(rows.text(3)); std::holds_alternative<Report>(parsed)) s.last = std::get<Report>(std::move(parsed));
        }
        s.silent = s.received_at == 0 || now - s.received_at > 2 * interval_s;
        if (s.last) {
            s.behind = s.last->version < published_version;
            s.paper = s.last->printer == "paper_out" || s.last->printer == "paper_low" || s.last->printer == "jammed";
            const auto expires = day_number(s.last->content_expires);
            s.expiring = expires && *expires - now / 86400 <= 30;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace content::console
