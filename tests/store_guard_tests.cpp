// What the store refuses whatever a signed bundle claims, and how it comes back from crash
// loops: successive loops, lost links, version jumps, bundles that never expire, WAL files.
#include <doctest/doctest.h>

#include <climits>

#include "content/model/sqlite.hpp"
#include "tests/signed_bundles.hpp"

namespace fs = std::filesystem;
using content::InstallResult;
using test::current_version;
using test::Publisher;

namespace {

// The crash-loop guard's view of `runs` starts that never end cleanly, `at` seconds apart.
std::optional<std::string> crash(content::Store& store, int runs, std::time_t& at) {
    std::optional<std::string> said;
    for (int i = 0; i < runs; ++i) said = store.begin_run({}, at += 10);
    return said;
}

std::string start_source(const content::Store& store, const Publisher& p) {
    return content::choose_startup_bundle(store, p.trusted, p.dir / "factory.kbundle").path.filename().string();
}

}  // namespace

TEST_CASE("crash-loop guard: three bad versions in a row are each withdrawn, and the kiosk stays on the good one") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    std::time_t at = std::time(nullptr);
    for (const long long bad : {2, 3, 4}) {
        CAPTURE(bad);
        REQUIRE(p.install(store, p.make(bad)).outcome == InstallResult::Outcome::Installed);
        CHECK_FALSE(crash(store, 3, at));
        const auto said = crash(store, 1, at);
        REQUIRE(said);
        CHECK(said->find("version " + std::to_string(bad) + " did not run cleanly 3 times") != std::string::npos);
        CHECK(said->find("back on version 1") != std::string::npos);
        CHECK(current_version(store) == 1);
        CHECK(start_source(store, p) == "v1.kbundle");
    }
    CHECK(store.withdrawn() == std::vector<long long>{2, 3, 4});
    // Runs on version 1 are counted as version 1's: it is withdrawn too if it loops.
    store.end_run();
    const auto said = crash(store, 4, at);
    REQUIRE(said);
    CHECK(said->find("version 1 did not run cleanly") != std::string::npos);
}

TEST_CASE("crash-loop guard: after two loops in a row the kiosk is on its factory bundle, never on a withdrawn or older one") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    for (const long long v : {1, 2, 3}) REQUIRE(p.install(store, p.make(v)).outcome == InstallResult::Outcome::Installed);
    std::time_t at = std::time(nullptr);
    crash(store, 3, at);
    auto said = crash(store, 1, at);
    REQUIRE(said);
    CHECK(said->find("version 3 did not run cleanly 3 times") != std::string::npos);
    CHECK(said->find("back on version 2") != std::string::npos);
    CHECK(start_source(store, p) == "v2.kbundle");

    crash(store, 2, at);
    said = crash(store, 1, at);
    REQUIRE(said);
    CHECK(said->find("version 2 did not run cleanly 3 times") != std::string::npos);
    CHECK(said->find("back on the factory bundle") != std::string::npos);
    // The factory bundle, as said: not `previous`, which was the withdrawn version 2.
    CHECK(start_source(store, p) == "factory.kbundle");
    CHECK_FALSE(store.current());
    CHECK_FALSE(store.previous());
    CHECK(store.withdrawn() == std::vector<long long>{3, 2});
    // Crashes on the factory bundle withdraw nothing, and an older version does not install.
    CHECK_FALSE(crash(store, 5, at));
    const auto older = p.install(store, p.make(1));
    CHECK(older.outcome == InstallResult::Outcome::Refused);
    CHECK(older.reason.find("version 1 is older than version 3, installed here before") != std::string::npos);
    CHECK(start_source(store, p) == "factory.kbundle");
    // A fixed bundle, published with a higher version, installs.
    CHECK(p.install(store, p.make(4)).outcome == InstallResult::Outcome::Installed);
    CHECK(start_source(store, p) == "v4.kbundle");
}

TEST_CASE("a link that points at a withdrawn version is never started") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    for (const long long v : {1, 2}) REQUIRE(p.install(store, p.make(v)).outcome == InstallResult::Outcome::Installed);
    CHECK(store.roll_back("a technician") == "version 2 withdrawn by a technician, back on version 1");
    // A backup restored by hand brings the link back.
    fs::create_symlink("bundles/v2.kbundle", dir / "previous");
    fs::remove(*store.current());
    const auto choice = content::choose_startup_bundle(store, p.trusted, p.dir / "factory.kbundle");
    CHECK(choice.source == "factory");
    CHECK(std::find(choice.problems.begin(), choice.problems.end(), "previous (v2.kbundle): withdrawn on this kiosk") != choice.problems.end());
}

TEST_CASE("rollback protection holds with current, its file or the record lost") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    const auto v1 = p.make(1);
    for (const long long v : {1, 2, 3}) REQUIRE(p.install(store, p.make(v)).outcome == InstallResult::Outcome::Installed);
    const auto refused_older = [&] {
        const auto r = p.install(store, v1);
        CHECK(r.outcome == InstallResult::Outcome::Refused);
        CHECK_MESSAGE(r.reason.find("older than") != std::string::npos, r.reason);
    };
    SUBCASE("the current link gone") { fs::remove(dir / "current"); }
    SUBCASE("the current bundle's file gone") { fs::remove(dir / "bundles" / "v3.kbundle"); }
    SUBCASE("both links and every bundle file gone: the record remains") {
        for (const char* link : {"current", "previous"}) fs::remove(dir / link);
        fs::remove_all(dir / "bundles");
        fs::create_directories(dir / "bundles");
        CHECK(store.highest_version() == 3);
    }
    SUBCASE("the record gone: the bundle files remain") {
        fs::remove(dir / "highest");
        fs::remove(dir / "current");
        CHECK(store.highest_version() == 3);
    }
    refused_older();
}

TEST_CASE("a version may not jump so far that it would lock out every later bundle") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    for (const long long far : {LLONG_MAX, 1'000'000LL, 1002LL}) {
        const auto r = p.install(store, p.make(far));
        CHECK(r.outcome == InstallResult::Outcome::Refused);
        CHECK_MESSAGE(r.reason.find("more than 1000 above version 1, the highest installed here") != std::string::npos, r.reason);
    }
    CHECK(current_version(store) == 1);
    CHECK(p.install(store, p.make(1001)).outcome == InstallResult::Outcome::Installed);
    p.policy.max_version_jump = 5;
    CHECK(p.install(store, p.make(1007)).outcome == InstallResult::Outcome::Refused);
    CHECK(p.install(store, p.make(1006)).outcome == InstallResult::Outcome::Installed);
}

TEST_CASE("a bundle must expire: 'never' or any other non-date is refused") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    for (const char* never : {"never", "9999-99-99", ""}) {
        const auto r = p.install(store, p.make(1, "demo", never));
        CHECK(r.outcome == InstallResult::Outcome::Refused);
        CHECK_MESSAGE(r.reason.find("is not a date; every bundle must expire") != std::string::npos, r.reason);
    }
    CHECK_FALSE(store.current());
}

TEST_CASE("a bundle in WAL journal mode is refused, and an installed bundle opened leaves no file beside it") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir.path());
    const auto wal = p.make(2);
    {
        content::sql::Database db(wal, content::sql::Database::Mode::Create);
        db.exec("PRAGMA journal_mode=WAL");
    }
    fs::remove(wal.string() + "-wal");
    fs::remove(wal.string() + "-shm");
    p.sign(wal, content::trusted_comment_for(content::Bundle(wal).meta()));
    const auto r = p.install(store, wal);
    CHECK(r.outcome == InstallResult::Outcome::Refused);
    CHECK_MESSAGE(r.reason.find("WAL journal mode") != std::string::npos, r.reason);

    REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
    {
        const content::Bundle opened(*store.current());
        CHECK(opened.meta().version == 1);
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(dir / "bundles")) files.push_back(e.path().filename().string());
        std::sort(files.begin(), files.end());
        CHECK(files == std::vector<std::string>{"v1.kbundle", "v1.kbundle.minisig"});
    }
}

// A stop used to be heard only while a bundle was copied: hashing it and SQLite's integrity check
// ran to the end, seconds for a large bundle on a Pi, past systemd's stop timeout. A stop at any
// point of an install now ends it at once, and is never held against the bundle.
TEST_CASE("a stop at any point of an install ends it, is tried again, and is never held against the bundle") {
    Publisher p;
    const auto v2 = p.make(2);

    SUBCASE("the hash and the integrity check each stop when asked") {
        int asked = 0;
        CHECK_THROWS_WITH_AS(content::minisign::hash_file(v2, [&] { return ++asked > 1; }), doctest::Contains("stopped while reading"),
                             content::minisign::Error);
        CHECK(asked == 2);
        CHECK(content::minisign::hash_file(v2, [] { return false; }) == content::minisign::hash_file(v2));

        content::sql::Database db(v2, content::sql::Database::Mode::ReadOnly);
        db.interrupt_when([] { return true; });
        CHECK_THROWS_AS(db.prepare("PRAGMA integrity_check").step(), content::sql::Error);
        db.interrupt_when({});
        auto check = db.prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
    }
    SUBCASE("a stop at the n-th time the install asks, for every n") {
        // How often an install asks whether to stop: the copies, the hash and the check together.
        test::TempDir counting;
        content::Store count_store(counting.path());
        int asks = 0;
        p.policy.cancelled = [&] { return ++asks, false; };
        REQUIRE(p.install(count_store, v2).outcome == InstallResult::Outcome::Installed);
        p.policy.cancelled = {};
        // The copies ask before each MiB and at the end (the signature: one read), the hash before
        // each MiB: the integrity check must ask on top of these.
        const int mib = static_cast<int>((fs::file_size(v2) + (1 << 20) - 1) >> 20);
        const int copy_and_hash_asks = 2 + (mib + 1) + mib;
        CAPTURE(asks);
        CHECK(asks > copy_and_hash_asks);

        test::TempDir dir;
        content::Store store(dir.path());
        REQUIRE(p.install(store, p.make(1)).outcome == InstallResult::Outcome::Installed);
        for (int stop_at = 1; stop_at <= asks; ++stop_at) {
            CAPTURE(stop_at);
            int n = 0;
            p.policy.cancelled = [&] { return ++n >= stop_at; };
            const auto r = p.install(store, v2);
            CHECK(r.outcome == InstallResult::Outcome::Refused);
            CHECK(r.retry);
            CHECK_MESSAGE(r.reason.find("the kiosk is stopping") != std::string::npos, r.reason);
            CHECK(current_version(store) == 1);
            CHECK(fs::is_empty(dir / "staging"));
        }
        p.policy.cancelled = {};
        CHECK(p.install(store, v2).outcome == InstallResult::Outcome::Installed);
        CHECK(store.withdrawn().empty());
    }
}
