// Installing signed bundles into a store: the update policy and the atomic switch.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/store.hpp"
#include "content/model/bundle.hpp"
#include "tests/signed_bundles.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;
using content::InstallResult;
using test::current_version;
using test::Publisher;
namespace ms = content::minisign;


TEST_CASE("install, no-op on the same version, upgrade keeps the previous, older ones are pruned") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    CHECK_FALSE(store.current());

    auto r = p.install(store, p.make(1));
    CHECK(r.outcome == InstallResult::Outcome::Installed);
    CHECK(current_version(store) == 1);
    CHECK(fs::is_symlink(store_dir / "current"));
    CHECK(store.status_text().find("current_version = 1") != std::string::npos);
    CHECK(store.status_text().find("key_id = " + ms::key_id_hex(p.keys.first.id)) != std::string::npos);

    r = p.install(store, p.make(1));
    CHECK(r.outcome == InstallResult::Outcome::AlreadyCurrent);
    CHECK(current_version(store) == 1);

    r = p.install(store, p.make(2));
    CHECK(r.outcome == InstallResult::Outcome::Installed);
    CHECK(current_version(store) == 2);
    REQUIRE(store.previous());
    CHECK(content::Bundle(*store.previous()).meta().version == 1);

    p.install(store, p.make(3));
    CHECK(current_version(store) == 3);
    CHECK(content::Bundle(*store.previous()).meta().version == 2);
    CHECK_FALSE(fs::exists(store_dir / "bundles" / "v1.kbundle"));  // pruned
    CHECK(fs::exists(store_dir / "bundles" / "v3.kbundle.minisig"));
    CHECK(store.status_text().find("previous_version = 2") != std::string::npos);
}

TEST_CASE("the update policy refuses rollback, other channels, too-new bundles, expired and oversized ones") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    REQUIRE(p.install(store, p.make(5)).outcome == InstallResult::Outcome::Installed);
    const std::string installed = test::read(*store.current());

    const auto refused = [&](const fs::path& bundle, const std::string& reason) {
        const auto r = p.install(store, bundle);
        CHECK(r.outcome == InstallResult::Outcome::Refused);
        CHECK_MESSAGE(r.reason.find(reason) != std::string::npos, r.reason);
        CHECK(current_version(store) == 5);
        CHECK(test::read(*store.current()) == installed);  // untouched
        CHECK(store.status_text().find("last_result = refused") != std::string::npos);
        CHECK(store.status_text().find(reason) != std::string::npos);
    };
    refused(p.make(4), "older than the installed version 5");
    refused(p.make(6, "stable"), "for channel stable, this kiosk follows demo");
    refused(p.make(6, "demo", "2027-11-23", "99.0"), "needs kiosk 99.0 or newer");
    refused(p.make(6, "demo", "2026-01-01"), "expired on 2026-01-01");
    p.policy.max_bundle_bytes = 1000;
    refused(p.make(6), "larger than the limit");
    p.policy.max_bundle_bytes = 512ull << 20;

    const auto tampered = p.make(7);
    std::string data = test::read(tampered);
    data[data.size() / 3] ^= 1;
    test::write(tampered, data);
    refused(tampered, "does not match the file");

    // An empty channel in the policy means: the channel of what is installed.
    p.policy.channel = "";
    refused(p.make(8, "stable"), "this kiosk follows demo");
}

TEST_CASE("leftovers of an interrupted install never confuse the next one") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    // A power cut mid-copy leaves a half file in staging and a dangling new link.
    test::write(store_dir / "staging" / "incoming-1.kbundle", "half a bundle");
    fs::create_symlink("bundles/v9.kbundle", store_dir / "current.new");
    CHECK(current_version(store) == 1);
    REQUIRE(p.install(store, p.make(2)).outcome == InstallResult::Outcome::Installed);
    CHECK(current_version(store) == 2);
    CHECK(fs::is_empty(store_dir / "staging"));
}

TEST_CASE("kiosk-bundle install and status, as a technician runs them") {
    Publisher p;
    test::TempDir store_dir;
    const fs::path pub = p.dir / "key.pub";
    test::write(pub, ms::format_public_key(p.keys.first));
    const auto bundle = p.make(3);
    const std::string tool = KIOSK_BUNDLE_TOOL;
    const auto install = [&](const fs::path& b, const std::string& more = "") {
        return test::run(tool + " install " + b.string() + " --store " + store_dir.path().string() + " --public " + pub.string() +
                         " --today 2026-11-23" + more);
    };
    // A first install must say which channel the kiosk follows: any channel's bundle would do otherwise.
    auto r = install(bundle);
    CHECK(r.status == 1);
    CHECK(r.output.find("refused: this kiosk follows no channel") != std::string::npos);
    r = install(bundle, " --channel demo");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("installed version 3") != std::string::npos);
    r = install(p.make(2));
    CHECK(r.status == 1);
    CHECK(r.output.find("refused: version 2 is older than the installed version 3") != std::string::npos);
    const auto status = test::run(tool + " status --store " + store_dir.path().string());
    CHECK(status.output.find("current_version = 3") != std::string::npos);
    CHECK(status.output.find("last_result = refused") != std::string::npos);
}

TEST_CASE("the kiosk starts on the current bundle, else the previous one, else the factory bundle") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    REQUIRE(p.install(store, p.make(2)).outcome == InstallResult::Outcome::Installed);
    const fs::path pub = p.dir / "key.pub";
    test::write(pub, ms::format_public_key(p.keys.first));
    const auto start = [&] {
        return test::run(std::string(KIOSK_PROGRAM) + " --store " + store_dir.path().string() + " --trust " + pub.string() +
                         " --bundle " + KIOSK_DEMO_BUNDLE + " --screenshot " + (p.dir / "shot.png").string() + " --lang en");
    };
    auto r = start();
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(r.output.find("showing the current bundle") != std::string::npos);

    // Damage the current bundle on disk (a bad SD card): the previous one is shown instead.
    std::string data = test::read(*store.current());
    data[data.size() / 2] ^= 1;
    test::write(*store.current(), data);
    r = start();
    CHECK(r.status == 0);
    CHECK(r.output.find("passed over current (v2.kbundle): the signature does not match the file") != std::string::npos);
    CHECK(r.output.find("showing the previous bundle") != std::string::npos);

    // Lose the previous one too: the factory bundle installed with the kiosk, never a blank screen.
    fs::remove(*store.previous());
    r = start();
    CHECK(r.status == 0);
    CHECK(r.output.find("previous: none installed") != std::string::npos);
    CHECK(r.output.find("showing the factory bundle") != std::string::npos);
    CHECK(fs::file_size(p.dir / "shot.png") > 10'000);
}

TEST_CASE("the status says when the installed content has expired since") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    p.policy.today = "2020-01-01";  // installed back when it was valid
    REQUIRE(p.install(store, p.make(1, "demo", "2021-01-01")).outcome == InstallResult::Outcome::Installed);
    CHECK(store.status_text().find("expired = yes") != std::string::npos);
    REQUIRE(p.install(store, p.make(2, "demo", "2999-01-01")).outcome == InstallResult::Outcome::Installed);
    CHECK(store.status_text().find("expired = no") != std::string::npos);
}

TEST_CASE("dotted versions compare as numbers") {
    CHECK(content::compare_versions("0.10.0", "0.9.9") > 0);
    CHECK(content::compare_versions("1.0", "1.0.0") == 0);
    CHECK(content::compare_versions("0.1.0", "99.0") < 0);
}

TEST_CASE("crash-loop guard: a bundle that keeps the kiosk from running is withdrawn for good") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    p.install(store, p.make(1));
    const auto v2 = p.make(2);
    REQUIRE(p.install(store, v2).outcome == InstallResult::Outcome::Installed);
    const std::time_t now = std::time(nullptr);

    SUBCASE("runs that end cleanly are not crashes") {
        for (int i = 0; i < 5; ++i) {
            CHECK_FALSE(store.begin_run({}, now + i));
            store.end_run();
        }
        CHECK(current_version(store) == 2);
    }
    SUBCASE("three unclean starts within ten minutes roll back on the fourth") {
        for (int i = 0; i < 3; ++i) CHECK_FALSE(store.begin_run({}, now + 60 * i));  // each "crashes": no end_run
        const auto said = store.begin_run({}, now + 200);
        REQUIRE(said);
        CHECK(said->find("version 2 did not run cleanly 3 times") != std::string::npos);
        CHECK(said->find("back on version 1") != std::string::npos);
        CHECK(current_version(store) == 1);
        CHECK(store.withdrawn() == std::vector<long long>{2});
        CHECK(store.status_text().find("last_result = rolled back") != std::string::npos);
        CHECK(store.status_text().find("withdrawn = 2 (crash loops") != std::string::npos);
        // Never reinstalled, from any source, however often it is offered.
        const auto again = p.install(store, v2);
        CHECK(again.outcome == InstallResult::Outcome::Refused);
        CHECK(again.reason.find("withdrawn") != std::string::npos);
        CHECK(current_version(store) == 1);
        // A fixed bundle with a higher version installs.
        CHECK(p.install(store, p.make(3)).outcome == InstallResult::Outcome::Installed);
    }
    SUBCASE("crashes spread over more than ten minutes are not a loop") {
        for (int i = 0; i < 4; ++i) CHECK_FALSE(store.begin_run({}, now + 400 * i));
        CHECK(current_version(store) == 2);
    }
    SUBCASE("crashes long after the switch are not blamed on the content") {
        const fs::path link = store_dir / "current";
        const timespec long_ago[2] = {{now - 7200, 0}, {now - 7200, 0}};
        REQUIRE(utimensat(AT_FDCWD, link.c_str(), long_ago, AT_SYMLINK_NOFOLLOW) == 0);
        for (int i = 0; i < 4; ++i) CHECK_FALSE(store.begin_run({}, now + i));
        CHECK(current_version(store) == 2);
        CHECK(store.withdrawn().empty());
    }
    SUBCASE("without a previous bundle the kiosk goes back to its factory bundle") {
        test::TempDir fresh_dir;
        content::Store fresh(fresh_dir.path());
        p.install(fresh, v2);
        for (int i = 0; i < 3; ++i) fresh.begin_run({}, now + i);
        const auto said = fresh.begin_run({}, now + 3);
        REQUIRE(said);
        CHECK(said->find("back on the factory bundle") != std::string::npos);
        CHECK_FALSE(fresh.current());
        const auto choice = content::choose_startup_bundle(fresh, p.trusted, p.dir / "factory.kbundle");
        CHECK(choice.source == "factory");
    }
}

TEST_CASE("a technician's roll-back withdraws the current version and goes back to the previous one") {
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    CHECK(store.roll_back("the admin panel").find("nothing to roll back") != std::string::npos);
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    REQUIRE(p.install(store, p.make(2)).outcome == InstallResult::Outcome::Installed);

    const std::string said = store.roll_back("the admin panel");
    CHECK(said == "version 2 withdrawn by the admin panel, back on version 1");
    CHECK(current_version(store) == 1);
    CHECK(store.withdrawn() == std::vector<long long>{2});
    CHECK(store.status_text().find("last_result = rolled back") != std::string::npos);
    // The updater would find version 2 again on the server: it is refused for good.
    const auto again = p.install(store, p.make(2));
    CHECK(again.outcome == InstallResult::Outcome::Refused);
    CHECK(again.reason.find("withdrawn") != std::string::npos);
    REQUIRE(p.install(store, p.make(3)).outcome == InstallResult::Outcome::Installed);
    CHECK(current_version(store) == 3);

    // With nothing before it, a roll-back leaves the kiosk on its factory bundle.
    test::TempDir lone_dir;
    content::Store lone(lone_dir.path());
    REQUIRE(p.install(lone, p.make(5)).outcome == InstallResult::Outcome::Installed);
    CHECK(lone.roll_back("the admin panel") == "version 5 withdrawn by the admin panel, back on the factory bundle");
    CHECK_FALSE(lone.current());
}


TEST_CASE("a store whose lock cannot be taken refuses every change, naming the lock file and the fix") {
    // A directory where the lock file should be: open(O_RDWR) fails for root too.
    Publisher p;
    test::TempDir store_dir;
    content::Store store(store_dir.path());
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    REQUIRE(p.install(store, p.make(2)).outcome == InstallResult::Outcome::Installed);
    fs::remove(store_dir / "lock");
    fs::create_directory(store_dir / "lock");

    const auto r = p.install(store, p.make(3));
    CHECK(r.outcome == InstallResult::Outcome::Refused);
    CHECK_MESSAGE(r.reason.find((store_dir / "lock").string() + ": cannot lock the store") != std::string::npos, r.reason);
    CHECK_MESSAGE(r.reason.find("Fix: ") != std::string::npos, r.reason);
    CHECK(current_version(store) == 2);
    CHECK_FALSE(fs::exists(store_dir / "bundles" / "v3.kbundle"));

    CHECK(store.roll_back("the admin panel").starts_with("roll-back failed: " + (store_dir / "lock").string()));
    CHECK(current_version(store) == 2);
    CHECK(store.withdrawn().empty());
    const auto guard = store.begin_run(content::CrashLoopLimits{}, std::time(nullptr));
    REQUIRE(guard);
    CHECK(guard->starts_with("crash-loop guard unavailable: "));

    // With the lock file back, the same install goes through.
    fs::remove(store_dir / "lock");
    CHECK(p.install(store, p.make(3)).outcome == InstallResult::Outcome::Installed);
    CHECK(current_version(store) == 3);
}
