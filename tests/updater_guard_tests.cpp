// The updater against what the outside can do wrong or on purpose: a server that trickles,
// signatures that rule a bundle out before it is fetched, ETags that change on every answer,
// redirects down to plain http, sparse files and endless devices on a stick, a full disk.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <csignal>
#include <fstream>
#include <future>
#include <limits>

#include "content/delivery/updater.hpp"
#include "tests/http_server.hpp"
#include "tests/signed_bundles.hpp"

namespace fs = std::filesystem;
using test::HttpServer;
using test::Publisher;

namespace {

struct Kiosk {
    Publisher& p;
    test::TempDir dir;
    fs::path served = dir / "served", inbox = dir / "inbox";
    content::Store store{dir / "store"};
    explicit Kiosk(Publisher& publisher) : p(publisher) {
        fs::create_directories(served);
        fs::create_directories(inbox);
    }
    content::Updater updater(content::UpdaterConfig config, std::chrono::seconds stall = std::chrono::seconds(2)) {
        config.connect_timeout = std::chrono::seconds(5);
        config.stall_timeout = stall;
        config.total_timeout = std::chrono::seconds(60);
        return content::Updater(store, p.trusted, p.policy, std::move(config));
    }
    long long version() const {
        const auto cur = store.current();
        return cur ? content::Bundle(*cur).meta().version : 0;
    }
    void serve(const fs::path& bundle) {
        fs::copy_file(bundle, served / "torino.kbundle", fs::copy_options::overwrite_existing);
        fs::copy_file(bundle.string() + ".minisig", served / "torino.kbundle.minisig", fs::copy_options::overwrite_existing);
    }
    std::string status() const { return store.status_text(); }
};

std::string joined(const content::UpdateReport& r) {
    std::string out;
    for (const auto& l : r.lines) out += l + "\n";
    return out;
}

content::UpdaterConfig http(const HttpServer& server, const std::string& kind) {
    content::UpdaterConfig config;
    config.base_url = server.url(kind);
    config.bundle_name = "torino.kbundle";
    config.ca_file = server.certificate.string();
    return config;
}

}  // namespace

TEST_CASE("a bundle is fetched only when its signature says it could install") {
    Publisher p;
    Kiosk k(p);
    REQUIRE(p.install(k.store, p.make(3)).outcome == content::InstallResult::Outcome::Installed);
    HttpServer server(k.served);
    const auto refused_unfetched = [&](const fs::path& bundle, const std::string& reason) {
        k.serve(bundle);
        auto updater = k.updater(http(server, "rotating"));
        const int before = server.requests("torino.kbundle");
        for (int i = 0; i < 5; ++i) {  // a new ETag each time: the signature is fetched, never the bundle
            const auto r = updater.check_http();
            INFO(joined(r));
            CHECK_FALSE(r.installed);
            CHECK(joined(r).find(reason) != std::string::npos);
        }
        CHECK(server.requests("torino.kbundle") == before);
        CHECK(server.requests("v" + std::to_string(content::Bundle(bundle).meta().version) + "/torino.kbundle") == 0);
        CHECK(k.version() == 3);
    };
    SUBCASE("an untrusted key") {
        Publisher stranger;
        refused_unfetched(stranger.make(4), "refused before download: signed by key");
    }
    SUBCASE("an older version") { refused_unfetched(p.make(2), "refused before download: version 2 is older than the installed version 3"); }
    SUBCASE("another channel") { refused_unfetched(p.make(4, "stable"), "refused before download: the bundle is for channel stable"); }
    SUBCASE("a version jump") { refused_unfetched(p.make(5000), "refused before download: version 5000 is more than 1000 above"); }
    SUBCASE("the installed version, under a rotating ETag") { refused_unfetched(p.make(3), "unchanged: version 3 is already installed"); }
    SUBCASE("a trusted comment changed after signing") {
        const auto bundle = p.make(4);
        std::string sig = test::read(bundle.string() + ".minisig");
        sig.replace(sig.find("version:4"), 9, "version:5");
        test::write(bundle.string() + ".minisig", sig);
        refused_unfetched(bundle, "refused before download: the trusted comment was changed after signing");
    }
}

TEST_CASE("a server trickling 2 bytes a second is abandoned at the minimum speed, and the status says so") {
    Publisher p;
    Kiosk k(p);
    REQUIRE(p.install(k.store, p.make(1)).outcome == content::InstallResult::Outcome::Installed);
    HttpServer server(k.served);
    k.serve(p.make(2));
    auto updater = k.updater(http(server, "trickle"));
    const auto r = updater.check_http();
    INFO(joined(r));
    CHECK_FALSE(r.installed);
    CHECK(joined(r).find("sent less than 1024 bytes a second for 2 s") != std::string::npos);
    CHECK(r.problems.size() == 1);
    CHECK(k.version() == 1);
    CHECK(k.status().find("last_error = ") != std::string::npos);
    CHECK(k.status().find("sent less than 1024 bytes a second") != std::string::npos);
    CHECK(k.status().find("last_contact = ") != std::string::npos);  // the signature came
}

TEST_CASE("a stop request ends a download under way within about a second") {
    Publisher p;
    Kiosk k(p);
    REQUIRE(p.install(k.store, p.make(1)).outcome == content::InstallResult::Outcome::Installed);
    HttpServer server(k.served);
    k.serve(p.make(2));
    auto updater = k.updater(http(server, "trickle"), std::chrono::seconds(120));
    auto check = std::async(std::launch::async, [&] { return updater.check_http(); });
    for (int i = 0; i < 600 && server.requests("v2/torino.kbundle") == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(server.requests("v2/torino.kbundle") == 1);
    updater.request_stop();
    // The trickle would go on for minutes and the stall limit is 2 minutes here; the stop ends it first.
    REQUIRE(check.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    const auto r = check.get();
    INFO(joined(r));
    CHECK(joined(r).find("abandoned, the kiosk is stopping") != std::string::npos);
}

TEST_CASE("a server that answers nothing, or a redirect from https down to http, is recorded as the last error") {
    Publisher p;
    Kiosk k(p);
    REQUIRE(p.install(k.store, p.make(1)).outcome == content::InstallResult::Outcome::Installed);
    k.serve(p.make(2));
    HttpServer plain(k.served), tls(k.served, HttpServer::Tls::Yes);
    SUBCASE("https to http is refused") {
        auto config = http(tls, "redirect/" + plain.url("files"));
        const auto r = k.updater(config).check_http();
        INFO(joined(r));
        CHECK_FALSE(r.installed);
        CHECK(joined(r).find("refused a redirect away from https") != std::string::npos);
        CHECK(plain.requests("torino.kbundle.minisig") == 0);
        CHECK(k.status().find("refused a redirect away from https") != std::string::npos);
    }
    SUBCASE("https to https is followed") {
        const auto r = k.updater(http(tls, "redirect/" + tls.url("files"))).check_http();
        INFO(joined(r));
        CHECK(r.installed);
        CHECK(k.version() == 2);
    }
    SUBCASE("nothing listening") {
        content::UpdaterConfig config;
        config.base_url = "http://127.0.0.1:1/";
        const auto r = k.updater(config).check_http();
        CHECK(r.problems.size() == 1);
        CHECK(k.status().find("last_error = ") != std::string::npos);
        CHECK(k.status().find("http://127.0.0.1:1/: ") != std::string::npos);
        CHECK(k.status().find("last_contact") == std::string::npos);
    }
}

TEST_CASE("an install refused for this kiosk's own reason is tried again; a bad bundle is not") {
    Publisher p;
    Kiosk k(p);
    REQUIRE(p.install(k.store, p.make(1)).outcome == content::InstallResult::Outcome::Installed);
    HttpServer server(k.served);
    k.serve(p.make(2));
    const fs::path v3 = p.make(3);
    fs::copy_file(v3, k.inbox / "v3.kbundle");
    fs::copy_file(v3.string() + ".minisig", k.inbox / "v3.kbundle.minisig");
    auto config = http(server, "files");
    config.inbox = k.inbox;
    auto updater = k.updater(config);
    // The store cannot be locked (a directory where its lock file goes): nothing installs.
    fs::remove(k.dir / "store" / "lock");
    fs::create_directory(k.dir / "store" / "lock");
    CHECK_FALSE(updater.check_http().installed);
    CHECK_FALSE(updater.check_inbox().installed);
    CHECK(k.version() == 1);
    // Fixed: the same signature (the same ETag) and the same stick file are taken up again.
    fs::remove(k.dir / "store" / "lock");
    auto r = updater.check_http();
    INFO(joined(r));
    CHECK(r.installed);
    CHECK(k.version() == 2);
    r = updater.check_inbox();
    CHECK(r.installed);
    CHECK(k.version() == 3);
}

TEST_CASE("a write that fails for want of room is the kiosk's problem: retried, and the bundle is not blamed") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir / "store");
    const auto v1 = p.make(1);
    // RLIMIT_FSIZE fails writes past 64 KiB (EFBIG) as a full disk fails them (ENOSPC).
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
    rlimit tight = old;
    tight.rlim_cur = 64 << 10;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    const auto r = p.install(store, v1);
    REQUIRE(setrlimit(RLIMIT_FSIZE, &old) == 0);
    CHECK(r.outcome == content::InstallResult::Outcome::Refused);
    CHECK(r.retry);
    CHECK_MESSAGE(r.reason.find("cannot write") != std::string::npos, r.reason);
    CHECK(p.install(store, v1).outcome == content::InstallResult::Outcome::Installed);
}

TEST_CASE("a sparse 100 GB file or /dev/zero is refused before a byte is copied") {
    Publisher p;
    test::TempDir dir;
    content::Store store(dir / "store");
    const auto v1 = p.make(1);
    const fs::path sparse = dir / "huge.kbundle";
    {
        std::ofstream out(sparse);
    }
    fs::resize_file(sparse, 100ull << 30);
    fs::copy_file(v1.string() + ".minisig", sparse.string() + ".minisig");
    auto r = store.install(sparse, sparse.string() + ".minisig", p.trusted, p.policy);
    CHECK(r.outcome == content::InstallResult::Outcome::Refused);
    CHECK_MESSAGE(r.reason.find("refused before copying") != std::string::npos, r.reason);
    CHECK(fs::is_empty(dir / "store" / "staging"));

    fs::create_symlink("/dev/zero", dir / "zero.kbundle");
    r = store.install(dir / "zero.kbundle", v1.string() + ".minisig", p.trusted, p.policy);
    CHECK(r.outcome == content::InstallResult::Outcome::Refused);
    CHECK_MESSAGE(r.reason.find("is a character device, not a file") != std::string::npos, r.reason);
    CHECK(fs::is_empty(dir / "store" / "staging"));

    // A bundle bigger than the free space is refused before copying, and tried again later.
    struct statvfs disk {};
    REQUIRE(statvfs((dir / "store").c_str(), &disk) == 0);
    const std::uintmax_t free = static_cast<std::uintmax_t>(disk.f_bavail) * disk.f_frsize;
    p.policy.max_bundle_bytes = std::numeric_limits<std::uintmax_t>::max();
    fs::resize_file(sparse, free + (1ull << 30));
    r = store.install(sparse, sparse.string() + ".minisig", p.trusted, p.policy);
    CHECK(r.outcome == content::InstallResult::Outcome::Refused);
    CHECK(r.retry);
    CHECK_MESSAGE(r.reason.find("are free for it on") != std::string::npos, r.reason);
}
