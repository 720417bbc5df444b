#include "content/console/fleet.hpp"

#include <algorithm>
#include <stdexcept>

#include "content/delivery/password_hash.hpp"

namespace content::console {

std::string Fleet::add_kiosk(const std::string& name, const std::string& site) {
    const bool ok = !name.empty() && name.size() <= 64 &&
                    std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_' || c == '.'; });
    if (!ok) throw std::invalid_argument("the kiosk name \"" + name + "\" cannot be used. Fix: 1 to 64 letters, digits, '-', '_' or '.'");
    const std::string token = random_token();
    db_.prepare("INSERT OR REPLACE INTO kiosks(name, site, digest) VALUES(?, ?, ?)").bind(1, name).bind(2, site).bind(3, token_digest(token)).run();
    return token;
}

Fleet::Taken Fleet::take(const std::string& token, const FleetReport& report) {
    // The reads end (their statements finished) before the write: a statement left open holds
    // a read snapshot, and the write-ahead log could then never start over but only grow.
    std::string name;
    {
        auto kiosk = db_.prepare("SELECT name FROM kiosks WHERE digest = ?");
        kiosk.bind(1, token_digest(token));
        if (token.empty() || !kiosk.step()) return Taken::UnknownToken;
        name = kiosk.text(0);
    }
    const std::int64_t now = clock_();
    {
        auto last = db_.prepare("SELECT max(at) FROM reports WHERE kiosk = ?");
        last.bind(1, name);
        if (last.step() && !last.is_null(0) && last.integer(0) > now - kMinGap) return Taken::TooSoon;
    }
    db_.exec("BEGIN IMMEDIATE");
    try {
        db_.prepare("INSERT INTO reports(kiosk, at, body) VALUES(?, ?, ?)").bind(1, name).bind(2, now).bind(3, fleet_report_json(report)).run();
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
            if (auto parsed = parse_fleet_report(rows.text(3)); std::holds_alternative<FleetReport>(parsed)) s.last = std::get<FleetReport>(std::move(parsed));
        }
        s.silent = s.received_at == 0 || now - s.received_at > 2 * interval_s;
        if (s.last) {
            s.behind = s.last->version < published_version;
            s.paper = s.last->printer == "paper_out" || s.last->printer == "paper_low" || s.last->printer == "jammed";
            const auto expires = days_since_epoch(s.last->content_expires);
            s.expiring = expires && *expires - now / 86400 <= 30;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace content::console
