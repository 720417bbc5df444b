// The hidden admin panel and the anonymous usage counters, on the real UI headless.
#include <doctest/doctest.h>

#include <sstream>

#include "content/delivery/store.hpp"
#include "content/hours/dates.hpp"
#include "content/text/text_files.hpp"
#include "kiosk/admin/admin.hpp"
#include "kiosk/admin/kiosk_admin.hpp"
#include "kiosk/admin/pin_gate.hpp"
#include "kiosk/admin/usage_counters.hpp"
#include "kiosk/services/update_service.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/signed_bundles.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

// Services that remember what the panel asked of them.
struct RecordingAdmin final : kiosk::AdminServices {
    using AdminServices::AdminServices;
    std::vector<std::string> calls;
    std::vector<std::pair<std::string, std::string>> status() override { return {{"content_version", "7"}, {"uptime", "1 h"}}; }
    std::vector<std::string> recent_errors() override { return {"2026-11-24 09:00  update: refused: expired"}; }
    std::string check_for_updates() override { return said("check"); }
    std::string roll_back() override { return said("rollback"); }
    std::string export_usage() override { return said("export"); }
    std::string restart() override { return said("restart"); }
    std::string said(const std::string& what) {
        calls.push_back(what);
        return what + " done";
    }
};

std::string hash_of(const std::string& pin) {
    std::string error;
    const auto hash = kiosk::PinGate::hash(pin, error);
    REQUIRE_MESSAGE(hash, error);
    return *hash;
}

void long_press(Kiosk& k, ImVec2 at, int ms = 2100) {
    k.finger(SDL_FINGERDOWN, at);
    k.step();
    k.step(ms);
    k.finger(SDL_FINGERUP, at);
    k.step();
    k.step();
}

void type_pin(Kiosk& k, const std::string& pin) {
    for (char c : pin) k.tap(std::string("pin:") + c);
    k.tap("pin:ok");
}

}  // namespace

TEST_CASE("admin: two long presses in the top corners open the PIN pad; a wrong PIN, then the right one") {
    RecordingAdmin admin(hash_of("2468"));
    Kiosk k(demo_bundle(), "it", Route::home());
    k.app.set_admin(&admin);
    k.tap("category:food");  // one guide: it opens the guide
    // The top-left corner holds Back: held there, it is the gesture's first half, not a tap.
    const ImVec2 top_left(60, 60), top_right(kWidth - 30, 30);
    long_press(k, top_left);
    CHECK(k.app.route() == Route::guide("food-help"));
    long_press(k, top_right);
    REQUIRE(k.app.route() == Route::admin());
    CHECK(k.runner.hits().center("pin:5"));
    CHECK_FALSE(k.runner.hits().center("admin:check"));

    type_pin(k, "1357");
    CHECK_FALSE(k.runner.hits().center("admin:check"));  // still the pad
    type_pin(k, "2468");
    REQUIRE(k.runner.hits().center("admin:check"));
    k.tap("admin:check");
    k.tap("admin:export");
    CHECK(admin.calls == std::vector<std::string>{"check", "export"});
    k.tap("admin:close");
    CHECK(k.app.route() == Route::attract());  // closing leaves nothing open for the next visitor
}

TEST_CASE("admin: wrong PINs are rate-limited; the panel needs both corners, in time; a slow tap elsewhere still taps") {
    RecordingAdmin admin(hash_of("2468"));
    Kiosk k(demo_bundle(), "en", Route::home());
    k.app.set_admin(&admin);
    const ImVec2 top_left(30, 30), top_right(kWidth - 30, 30);

    long_press(k, top_right);  // the wrong order
    long_press(k, top_left);
    CHECK(k.app.route() == Route::home());
    long_press(k, top_left);  // too slow between the two
    k.step(11'000);
    long_press(k, top_right);
    CHECK(k.app.route() == Route::home());
    // A visitor who holds a card for a long time still opens it.
    long_press(k, *k.runner.hits().center("category:food"), 2500);
    CHECK(k.app.route() == Route::guide("food-help"));

    k.app.open(Route::admin());
    k.runner.settle();
    for (int i = 0; i < 3; ++i) type_pin(k, "0000");
    type_pin(k, "2468");  // locked now: even the right PIN waits
    CHECK_FALSE(k.runner.hits().center("admin:check"));
    k.step(31'000);
    type_pin(k, "2468");
    CHECK(k.runner.hits().center("admin:check"));
}

TEST_CASE("admin: the PIN gate doubles its wait and resets on the right PIN") {
    kiosk::PinGate gate(hash_of("97531"));
    const auto t0 = std::chrono::steady_clock::time_point(std::chrono::hours(1));
    CHECK(gate.try_pin("1", t0) == kiosk::PinGate::Result::Wrong);
    CHECK(gate.try_pin("2", t0) == kiosk::PinGate::Result::Wrong);
    CHECK_FALSE(gate.locked_for(t0));
    CHECK(gate.try_pin("3", t0) == kiosk::PinGate::Result::Wrong);
    CHECK(gate.locked_for(t0) == std::chrono::seconds(30));
    CHECK(gate.try_pin("97531", t0 + std::chrono::seconds(29)) == kiosk::PinGate::Result::Locked);
    CHECK(gate.try_pin("4", t0 + std::chrono::seconds(30)) == kiosk::PinGate::Result::Wrong);
    CHECK(gate.locked_for(t0 + std::chrono::seconds(30)) == std::chrono::seconds(60));
    CHECK(gate.try_pin("97531", t0 + std::chrono::seconds(90)) == kiosk::PinGate::Result::Accepted);
    CHECK(gate.try_pin("5", t0 + std::chrono::seconds(90)) == kiosk::PinGate::Result::Wrong);
    CHECK_FALSE(gate.locked_for(t0 + std::chrono::seconds(90)));  // counting starts over

    std::string error;
    CHECK_FALSE(kiosk::PinGate::hash("12a4", error));
    CHECK(error.find("4 to 12 digits") != std::string::npos);
    CHECK_FALSE(kiosk::PinGate("").configured());
}

TEST_CASE("usage counters: visits, languages and guides by day, and never anything else") {
    test::TempDir dir;
    const auto file = dir / "usage.sqlite";
    {
        kiosk::UsageCounters usage(file);
        Kiosk k(demo_bundle(), "it", Route::attract());
        k.app.set_listener([&](const std::string& event, const std::string& item) {
            if (event == "visit_ended") usage.flush();
            else usage.count(kiosk::UsageCounters::day_of(k.clock.wall()), event, item);
        });
        k.tap("attract:start");
        k.tap("lang:ar");
        k.tap("category:food");  // one guide: it opens the guide
        k.tap("nav:back");
        k.tap("category:food");
        k.app.new_visitor();
        k.runner.settle();
        k.tap("attract:start");
        k.tap("lang:uk");
    }  // the second visit's counts are written as the counters close
    kiosk::UsageCounters usage(file);
    std::ostringstream csv;
    CHECK(usage.export_csv(csv) == 4);
    const std::string day = kiosk::UsageCounters::day_of(std::chrono::system_clock::now());
    CHECK(csv.str() == "day,event,item,count\n" + day + ",guide_opened,food-help,2\n" + day + ",language_chosen,ar,1\n" + day +
                           ",language_chosen,uk,1\n" + day + ",visit_started,,2\n");
    CHECK(kiosk::UsageCounters::day_of(std::chrono::sys_days(std::chrono::year(2026) / 6 / 24) + std::chrono::hours(22) + std::chrono::minutes(30)) ==
          "2026-06-25");  // 00:30 in Torino (summer time) is the next day
}

TEST_CASE("the kiosk's admin services: status lines, export beside the counters, roll-back restarts") {
    test::TempDir dir;
    kiosk::UsageCounters usage(dir / "usage.sqlite");
    usage.count("2026-11-24", "guide_opened", "food-help");
    content::Store store(dir / "store");
    Kiosk k(demo_bundle(), "it", Route::home());
    kiosk::KioskAdmin admin("", k.app, {&store, nullptr, &usage, dir / "usage.sqlite", {}});

    std::vector<std::string> keys;
    for (const auto& [key, value] : admin.status()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"content_version", "channel", "published_by", "keyring", "expires", "content_age", "last_update",
                                           "last_contact", "last_error", "free_disk", "printer", "uptime"});
    CHECK(admin.status()[0].second.starts_with("1 "));  // the demo bundle's version
    CHECK(admin.status()[9].second.find(" GB of ") != std::string::npos);

    CHECK(admin.check_for_updates().find("No update source") != std::string::npos);
    const std::string exported = admin.export_usage();
    CHECK(exported.find("Wrote 1 rows to ") == 0);
    const auto csv = content::read_file(exported.substr(std::string("Wrote 1 rows to ").size()));
    REQUIRE(csv);
    CHECK(*csv == "day,event,item,count\n2026-11-24,guide_opened,food-help,1\n");

    CHECK_FALSE(admin.restart_requested());
    CHECK(admin.roll_back().find("nothing to roll back") != std::string::npos);
    CHECK(admin.restart_requested());
    CHECK(k.app.exit_requested());  // the frame loop ends; main starts the kiosk again
}

TEST_CASE("the admin panel says who published the bundle it runs, by the name the keyring gives the key") {
    test::Publisher anna;  // signed_bundles.hpp: a bundle signed with a key made for the test
    const auto root = content::minisign::generate_key_pair();
    test::TempDir dir;
    content::Store store(dir / "store");
    REQUIRE(anna.install(store, anna.make(3)).outcome == content::InstallResult::Outcome::Installed);
    Kiosk k(demo_bundle(), "en", Route::home());
    const auto row = [&](kiosk::KioskAdmin& admin, const std::string& wanted) {
        for (const auto& [key, value] : admin.status())
            if (key == wanted) return value;
        return std::string("(no row)");
    };
    const std::string id = content::minisign::key_id_hex(anna.keys.first.id);
    kiosk::KioskAdmin before("", k.app, {&store, nullptr, nullptr, {}, {root.first}});
    CHECK(row(before, "published_by") == "key " + id);  // no keyring yet: the key alone
    CHECK(row(before, "keyring") == "none");
    content::Keyring keyring{1, {{anna.keys.first, "Anna Rossi"}}, {}};
    const std::string text = content::format_keyring(keyring);
    const auto signature = content::minisign::format_signature(
        content::minisign::sign(content::minisign::hash_bytes(text), root.second, content::keyring_comment(1)));
    REQUIRE(store.install_keyring(text, signature, {&root.first, 1}).outcome == content::InstallResult::Outcome::Installed);
    kiosk::KioskAdmin admin("", k.app, {&store, nullptr, nullptr, {}, {root.first}});
    CHECK(row(admin, "published_by") == "Anna Rossi (key " + id + ")");
    CHECK(row(admin, "keyring") == "version 1, 1 publishers");
}

TEST_CASE("the admin panel warns of the bundle's expiry in its last 30 days, and says when it has expired") {
    Kiosk k(demo_bundle(), "en", Route::home());
    kiosk::KioskAdmin admin("", k.app, {});
    const auto expires = [&](int year, unsigned month, unsigned day) {
        k.clock.set_wall(std::chrono::sys_days(std::chrono::year(year) / month / day) + std::chrono::hours(12));
        for (const auto& [key, value] : admin.status())
            if (key == "expires") return value;
        return std::string("(no row)");
    };
    CHECK(expires(2027, 10, 20) == "2027-11-23");  // the demo's date, over a month away
    CHECK(expires(2027, 11, 3) == "2027-11-23  (in 20 days: publish a bundle with a later expires)");
    CHECK(expires(2027, 11, 22) == "2027-11-23  (in 1 day: publish a bundle with a later expires)");
    CHECK(expires(2027, 11, 24) == "2027-11-23  (expired: publish a bundle with a later expires)");
}

TEST_CASE("a kiosk whose server stopped answering does not look healthy: content age, last contact and the error show") {
    test::TempDir dir;
    content::Store store(dir / "store");
    Kiosk k(demo_bundle(), "en", Route::home());
    content::UpdaterConfig config;
    config.base_url = "http://127.0.0.1:1/";  // nothing listens there
    config.connect_timeout = std::chrono::seconds(5);
    std::vector<std::string> problems;
    std::mutex mutex;
    kiosk::UpdateService updates(store, {}, content::InstallPolicy{"demo", "0.1.0", ""}, config, {}, {}, [] {},
                                 [&](const std::string& line, bool problem) {
                                     std::lock_guard lock(mutex);
                                     if (problem) problems.push_back(line);
                                 });
    kiosk::KioskAdmin admin("", k.app, {&store, &updates, nullptr, {}, {}});
    updates.check_now();
    const auto value = [&](const std::string& key) {
        for (const auto& [k2, v] : admin.status())
            if (k2 == key) return v;
        return std::string("(no such row)");
    };
    for (int i = 0; i < 600 && value("last_error") == "none"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(value("last_error").find("http://127.0.0.1:1/: ") != std::string::npos);
    CHECK(value("last_contact") == "never");
    const auto days = (content::today(k.app.clock().wall()).days() - content::parse_date("2026-11-23")->days()).count();
    CHECK(value("content_age") == "2026-11-23  (" + std::to_string(days) + " days old)");
    std::lock_guard lock(mutex);
    REQUIRE_FALSE(problems.empty());  // a transport failure reaches the panel's recent problems
    CHECK(problems.front().find("http://127.0.0.1:1/") != std::string::npos);
}
