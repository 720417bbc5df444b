// The content team's console: accounts, sessions and their limits, the kiosks' reports and the
// fleet view, and the HTTP API end to end on a real server on loopback (cpp-httplib's client).
#include "content/text/text_files.hpp"
#include "tests/console_support.hpp"

using namespace console_test;

namespace {

content::FleetReport report(std::int64_t version) {
    content::FleetReport r;
    r.version = version;
    r.channel = "stable";
    r.printer = "ok";
    r.content_expires = "2026-06-30";
    return r;
}

}  // namespace

TEST_CASE("console accounts: argon2id passwords, sessions kept as digests, failed logins slowed, idle sessions ended") {
    TestClock t;
    auto db = open_console_db(fresh_dir("accounts"));
    Accounts accounts(*db, t.clock());
    CHECK_THROWS_WITH(accounts.set_user({"Anna", Role::Editor, {}}, "short"), doctest::Contains("at least 10 characters"));
    CHECK_THROWS_WITH(accounts.set_user({"Amira", Role::Translator, {}}, "a long password"), doctest::Contains("has no languages"));
    accounts.set_user({"Anna", Role::Editor, {}}, "anna's long password");
    accounts.set_user({"Amira", Role::Translator, {"ar", "fa"}}, "amira's long password");
    CHECK(accounts.user("Amira")->languages == std::vector<std::string>{"ar", "fa"});
    auto stored = db->prepare("SELECT password FROM users WHERE name = 'Anna'");
    REQUIRE(stored.step());
    CHECK(stored.text(0).starts_with("$argon2id$"));

    CHECK(accounts.log_in("Anna", "wrong password!", "10.0.0.1").result == Login::Result::Wrong);
    const Login ok = accounts.log_in("Anna", "anna's long password", "10.0.0.1");
    REQUIRE(ok.result == Login::Result::Ok);
    CHECK(ok.token.size() == 64);
    CHECK(ok.csrf != ok.token);
    CHECK(accounts.session(ok.token)->user.name == "Anna");
    CHECK_FALSE(accounts.session(ok.token + "0"));
    auto plain = db->prepare("SELECT count(*) FROM sessions WHERE digest = ? OR csrf = ?");
    plain.bind(1, ok.token).bind(2, ok.token);
    REQUIRE(plain.step());
    CHECK(plain.integer(0) == 0);  // the token itself is not kept

    // Five wrong passwords for a name: the sixth try is not even checked, the right one too.
    for (int i = 0; i < Accounts::kLoginTries - 1; ++i) CHECK(accounts.log_in("Anna", "guess " + std::to_string(i), "10.0.0.2").result == Login::Result::Wrong);
    const Login throttled = accounts.log_in("Anna", "anna's long password", "10.0.0.3");
    CHECK(throttled.result == Login::Result::Throttled);
    CHECK(throttled.retry_after > 0);
    CHECK(throttled.retry_after <= Accounts::kLoginWindow);
    // Many names from one address are slowed too.
    for (int i = 0; i < Accounts::kLoginTries; ++i) accounts.log_in("nobody" + std::to_string(i), "x", "10.0.0.9");
    CHECK(accounts.log_in("Amira", "amira's long password", "10.0.0.9").result == Login::Result::Throttled);
    CHECK(accounts.log_in("Amira", "amira's long password", "10.0.0.8").result == Login::Result::Ok);
    t.now += Accounts::kLoginWindow + 1;
    CHECK(accounts.log_in("Anna", "anna's long password", "10.0.0.3").result == Login::Result::Ok);

    // A session left idle ends; one in use goes on.
    const Login fresh = accounts.log_in("Anna", "anna's long password", "10.0.0.1");
    t.now += Accounts::kSessionIdle - 10;
    CHECK(accounts.session(fresh.token));
    t.now += Accounts::kSessionIdle - 10;
    CHECK(accounts.session(fresh.token));
    t.now += Accounts::kSessionIdle + 1;
    CHECK_FALSE(accounts.session(fresh.token));
    accounts.log_out(ok.token);
    CHECK_FALSE(accounts.session(ok.token));
}

TEST_CASE("kiosk reports: checked field by field, one per kiosk per gap, bounded, and read as the fleet's state") {
    CHECK(std::get<std::string>(content::parse_fleet_report("{\"version\": \"8\"}")).starts_with("field \"version\": not a whole number"));
    CHECK(std::get<std::string>(content::parse_fleet_report("{}")).starts_with("field \"version\": missing"));
    CHECK(std::get<std::string>(content::parse_fleet_report("[1]")).starts_with("the report is not a JSON object"));
    CHECK(std::get<std::string>(content::parse_fleet_report("{\"version\": 8, \"printer\": \"on fire\"}")).find("Fix: send one of ok, paper_low") != std::string::npos);
    CHECK(std::get<std::string>(content::parse_fleet_report("{\"version\": 8, \"content_expires\": \"2026-02-30\"}")).find("YYYY-MM-DD") != std::string::npos);
    const auto parsed = content::parse_fleet_report(R"({"version": 8, "printer": "paper_out", "usage": {"guide:food-help": 3}, "last_error": "<b>x</b>"})");
    REQUIRE(std::holds_alternative<content::FleetReport>(parsed));
    CHECK(std::get<content::FleetReport>(parsed).usage.at("guide:food-help") == 3);
    CHECK(std::get<content::FleetReport>(content::parse_fleet_report(content::fleet_report_json(std::get<content::FleetReport>(parsed)))).last_error == "<b>x</b>");

    TestClock t;
    t.now = 1'781'000'000;  // 2026-06-09: the reports' content expires on 2026-06-30, within 30 days
    const fs::path dir = fresh_dir("fleet");
    auto db = open_console_db(dir);
    Fleet fleet(*db, t.clock());
    CHECK_THROWS_WITH(fleet.add_kiosk("hub nord", ""), doctest::Contains("cannot be used"));
    const std::string nord = fleet.add_kiosk("hub-nord-1", "Snodo nord"), sud = fleet.add_kiosk("hub-sud-1", "Snodo sud");
    fleet.add_kiosk("questura-1", "Questura");
    CHECK(fleet.take("not a token", report(8)) == Fleet::Taken::UnknownToken);
    CHECK(fleet.take(nord, report(8)) == Fleet::Taken::Yes);
    CHECK(fleet.take(nord, report(8)) == Fleet::Taken::TooSoon);
    content::FleetReport out_of_paper = report(7);
    out_of_paper.printer = "paper_out";
    out_of_paper.content_expires = "2027-01-31";
    CHECK(fleet.take(sud, out_of_paper) == Fleet::Taken::Yes);

    const auto states = fleet.states(8, 300);
    REQUIRE(states.size() == 3);
    CHECK(states[0].name == "hub-nord-1");
    CHECK_FALSE(states[0].silent);
    CHECK_FALSE(states[0].behind);
    CHECK_FALSE(states[0].paper);
    CHECK(states[0].expiring);
    CHECK(states[1].name == "hub-sud-1");
    CHECK(states[1].behind);
    CHECK(states[1].paper);
    CHECK_FALSE(states[1].expiring);
    CHECK(states[2].name == "questura-1");
    CHECK(states[2].silent);  // never reported
    CHECK_FALSE(states[2].last);
    t.now += 601;  // two intervals without a report
    CHECK(fleet.states(8, 300)[0].silent);

    // A kiosk reporting far too often for a long time keeps at most kKeep reports, none older than kKeepDays.
    for (int i = 0; i < Fleet::kKeep + 40; ++i) {
        t.now += Fleet::kMinGap;
        REQUIRE(fleet.take(nord, report(8)) == Fleet::Taken::Yes);
    }
    const auto count = [&](const std::string& kiosk) {
        auto rows = db->prepare("SELECT count(*) FROM reports WHERE kiosk = ?");
        rows.bind(1, kiosk);
        rows.step();
        return rows.integer(0);
    };
    CHECK(count("hub-nord-1") == Fleet::kKeep);
    // Nor does the write-ahead log grow with them: it starts over and is cut back (it once grew
    // by 15 KB a report, a statement left open holding a snapshot).
    CHECK(fs::file_size(dir / "console.db-wal") <= 8u << 20);
    t.now += Fleet::kKeepDays * 86400 + 1;
    CHECK(fleet.take(nord, report(8)) == Fleet::Taken::Yes);
    CHECK(count("hub-nord-1") == 1);
}

TEST_CASE("console over HTTP: sign-in, CSRF, roles, the report endpoint's refusals, and the fleet a browser reads") {
    RunningConsole rc;
    auto c = rc.client();

    // The front end is served with a policy that runs only its own scripts.
    auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("js/app.js") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    auto escape = c.Get("/../../../../etc/passwd");
    REQUIRE(escape);
    CHECK(escape->body.find("root:") == std::string::npos);

    // Without a session, nothing.
    CHECK(c.Get("/api/fleet")->status == 401);
    CHECK(c.Post("/api/login", "name=Anna&password=x", "application/x-www-form-urlencoded")->status == 415);
    CHECK(c.Post("/api/login", "{\"name\": 1}", "application/json")->status == 400);
    CHECK(c.Post("/api/login", json{{"name", "Anna"}, {"password", "wrong password"}}.dump(), "application/json")->status == 401);

    auto login = c.Post("/api/login", json{{"name", "Anna"}, {"password", "anna's long password"}}.dump(), "application/json");
    REQUIRE(login);
    REQUIRE(login->status == 200);
    const std::string set_cookie = login->get_header_value("Set-Cookie");
    CHECK(set_cookie.find("HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("SameSite=Strict") != std::string::npos);
    const auto [cookie, csrf] = sign_in(rc, "Anna", "anna's long password");
    const httplib::Headers session{{"Cookie", cookie}};

    // A kiosk reports.
    const std::string token = rc.console->fleet().add_kiosk("hub-nord-1", "Snodo nord");
    content::FleetReport r = report(7);
    r.printer = "paper_out";
    r.last_error = "<script>alert(1)</script>";
    const httplib::Headers kiosk{{"Authorization", "Bearer " + token}};
    CHECK(c.Post("/api/report", content::fleet_report_json(r), "application/json")->status == 401);  // no token
    CHECK(c.Post("/api/report", httplib::Headers{{"Authorization", "Bearer nope"}}, content::fleet_report_json(r), "application/json")->status == 401);
    auto bad = c.Post("/api/report", kiosk, "{\"version\": -1}", "application/json");
    CHECK(bad->status == 400);
    CHECK(bad->body.find("field \\\"version\\\"") != std::string::npos);
    CHECK(c.Post("/api/report", kiosk, std::string(20000, ' '), "application/json")->status == 413);
    CHECK(c.Post("/api/report", kiosk, content::fleet_report_json(r), "application/json")->status == 204);
    CHECK(c.Post("/api/report", kiosk, content::fleet_report_json(r), "application/json")->status == 429);

    // The fleet as the browser reads it: behind the published version 8, printer out of paper.
    auto fleet = c.Get("/api/fleet", session);
    REQUIRE(fleet);
    REQUIRE(fleet->status == 200);
    const json f = json::parse(fleet->body);
    CHECK(f["published_version"] == 8);
    REQUIRE(f["kiosks"].size() == 1);
    CHECK(f["kiosks"][0]["name"] == "hub-nord-1");
    CHECK(f["kiosks"][0]["behind"] == true);
    CHECK(f["kiosks"][0]["paper"] == true);
    CHECK(f["kiosks"][0]["report"]["last_error"] == "<script>alert(1)</script>");  // data, for the page to show as text

    // A change without the session's CSRF token is refused, and changes nothing.
    CHECK(c.Post("/api/logout", session, "", "application/json")->status == 403);
    CHECK(c.Get("/api/me", session)->status == 200);
    // Only an administrator reads the audit log; it has the failed and the good logins.
    CHECK(c.Get("/api/audit", session)->status == 403);
    const auto [admin_cookie, admin_csrf] = sign_in(rc, "Admin", "admin's long password");
    auto audit = c.Get("/api/audit", httplib::Headers{{"Cookie", admin_cookie}});
    REQUIRE(audit->status == 200);
    CHECK(audit->body.find("login failed") != std::string::npos);
    CHECK(audit->body.find("\"user\":\"Anna\"") != std::string::npos);
    // Signing out with the token ends the session.
    CHECK(c.Post("/api/logout", httplib::Headers{{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json")->status == 200);
    CHECK(c.Get("/api/me", session)->status == 401);
}

TEST_CASE("console source: a change is checked whole and committed by its author; a stale one is a conflict; each role keeps to its files") {
    RunningConsole rc;
    rc.console->accounts().set_user({"Amira", Role::Translator, {"ar"}}, "amira's long password");
    rc.console->accounts().set_user({"Paola", Role::Publisher, {}}, "paola's long password");
    auto c = rc.client();
    const auto [cookie, csrf] = sign_in(rc, "Anna", "anna's long password");
    const httplib::Headers anna{{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
    const std::string path = "lang/en/guides/food-help.md";
    const fs::path file = rc.data / "source" / path;

    auto opened = c.Get("/api/file?path=" + path, anna);
    REQUIRE(opened->status == 200);
    const json original = json::parse(opened->body);
    const std::string base = original["revision"];
    CHECK(base.size() == 40);
    CHECK(c.Get("/api/file?path=../bundle.ini", anna)->status == 400);
    CHECK(c.Get("/api/file?path=.git/config", anna)->status == 400);

    const auto put = [&](const httplib::Headers& who, const std::string& p, const std::string& text, const std::string& from) {
        return c.Put("/api/file", who, json{{"path", p}, {"text", text}, {"base", from}}.dump(), "application/json");
    };
    const std::string changed = original["text"].get<std::string>() + "\nAsk at the hub's desk.\n";
    CHECK(put({{"Cookie", cookie}}, path, changed, base)->status == 403);  // no CSRF token
    CHECK(content::read_file(file) == original["text"].get<std::string>());
    auto saved = put(anna, path, changed, base);
    REQUIRE(saved->status == 200);
    CHECK(content::read_file(file) == changed);
    const auto history = rc.console->source()->history(path, 10);
    REQUIRE(history.size() == 2);  // the console's first commit of the folder, then Anna's
    CHECK(history[0].author == "Anna");
    CHECK(history[0].id == json::parse(saved->body)["commit"]);
    CHECK(rc.console->source()->file_at(history[1].id, path) == original["text"].get<std::string>());
    auto listed = c.Get("/api/history?path=" + path, anna);
    CHECK(listed->body.find("\"author\":\"Anna\"") != std::string::npos);

    // Someone else saved since this editor opened the file: both texts come back, nothing is lost.
    auto stale = put(anna, path, original["text"].get<std::string>() + "\nAnother line.\n", base);
    REQUIRE(stale->status == 409);
    const json conflict = json::parse(stale->body);
    CHECK(conflict["theirs"] == changed);
    CHECK(conflict["yours"].get<std::string>().find("Another line.") != std::string::npos);
    CHECK(content::read_file(file) == changed);

    // A change that would break the source names the file, line and fix, and is not saved.
    const std::string current = json::parse(saved->body)["revision"];
    auto broken = put(anna, path, changed.substr(changed.find('\n') + 1), current);
    REQUIRE(broken->status == 422);
    CHECK(broken->body.find("lang/en/guides/food-help.md:1: error: guide \\\"food-help\\\": the title is missing or empty. Fix: add a line title:") !=
          std::string::npos);
    CHECK(content::read_file(file) == changed);
    CHECK(rc.console->source()->history(path, 10).size() == 2);

    // A translator changes their language only; a publisher changes nothing; no path leaves the source.
    const auto [amira_cookie, amira_csrf] = sign_in(rc, "Amira", "amira's long password");
    const httplib::Headers amira{{"Cookie", amira_cookie}, {"X-CSRF-Token", amira_csrf}};
    CHECK(put(amira, path, changed + "x\n", current)->status == 403);
    const std::string arabic = "lang/ar/guides/food-help.md";
    const json ar = json::parse(c.Get("/api/file?path=" + arabic, amira)->body);
    CHECK(put(amira, arabic, ar["text"].get<std::string>() + "\nاسأل في المكتب.\n", ar["revision"])->status == 200);
    CHECK(rc.console->source()->history(arabic, 1).at(0).author == "Amira");
    const auto [paola_cookie, paola_csrf] = sign_in(rc, "Paola", "paola's long password");
    CHECK(put({{"Cookie", paola_cookie}, {"X-CSRF-Token", paola_csrf}}, path, changed, current)->status == 403);
    CHECK(put(anna, "../../etc/passwd", "x", "")->status == 403);
    CHECK(put(anna, "lang/en/../../../x.md", "x", "")->status == 403);
    CHECK(put(anna, "lang/en/guides/../../../x.md", "x", "")->status == 403);
}
