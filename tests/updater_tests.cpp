// The updater against a real HTTP server on loopback, and the inbox folder.
#include <doctest/doctest.h>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/updater.hpp"
#include "content/model/bundle.hpp"
#include "tests/http_server.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;
namespace ms = content::minisign;
using test::HttpServer;

namespace {

struct Fixture {
    test::TempDir dir;
    fs::path served = dir / "served", store_dir = dir / "store", inbox = dir / "inbox";
    std::pair<ms::PublicKey, ms::SecretKey> keys = ms::generate_key_pair();
    content::Store store{store_dir};
    Fixture() {
        fs::create_directories(served);
        fs::create_directories(inbox);
    }
    // Writes a signed bundle of `version` as `target` (and target.minisig).
    void publish(long long version, const fs::path& target) {
        content::Diagnostics d;
        auto c = content::load_source(test::demo_source(), d);
        REQUIRE_FALSE(d.has_errors());
        c.meta.version = version;
        content::write_bundle(c, target);
        test::write(target.string() + ".minisig",
                    ms::format_signature(ms::sign(ms::hash_file(target), keys.second, content::trusted_comment_for(c.meta))));
    }
    content::Updater updater(content::UpdaterConfig config) {
        config.connect_timeout = std::chrono::seconds(5);
        config.stall_timeout = std::chrono::seconds(2);
        config.total_timeout = std::chrono::seconds(20);
        return content::Updater(store, {keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, std::move(config));
    }
    long long version() const {
        const auto cur = store.current();
        return cur ? content::Bundle(*cur).meta().version : 0;
    }
};

std::string joined(const content::UpdateReport& r) {
    std::string out;
    for (const auto& l : r.lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("HTTP: installs a new bundle, then an unchanged one costs one small conditional request") {
    Fixture f;
    HttpServer server(f.served);
    f.publish(1, f.served / "bundle.kbundle");
    content::UpdaterConfig config;
    config.base_url = server.url("files");
    auto updater = f.updater(config);

    auto r = updater.check();
    INFO(joined(r));
    CHECK(r.installed);
    CHECK(f.version() == 1);
    // Its version's folder answered 404 (signed by hand, no folders), and the signature, asked
    // again, had not moved on: so the one bundle there is the one signed.
    CHECK(server.requests("bundle.kbundle.minisig") == 2);
    r = updater.check();
    CHECK_FALSE(r.installed);
    CHECK(joined(r).find("unchanged") != std::string::npos);
    CHECK(server.requests("bundle.kbundle") == 1);          // the bundle was fetched once
    CHECK(server.requests("v1/bundle.kbundle") == 1);
    CHECK(server.requests("bundle.kbundle.minisig") == 3);  // the second check asked only this

    f.publish(2, f.served / "bundle.kbundle");
    r = updater.check();
    CHECK(r.installed);
    CHECK(f.version() == 2);
}

TEST_CASE("HTTP failures are reported with their reason and leave the installed bundle alone") {
    Fixture f;
    HttpServer server(f.served);
    f.publish(1, f.served / "bundle.kbundle");
    {
        content::UpdaterConfig config;
        config.base_url = server.url("files");
        REQUIRE(f.updater(config).check().installed);
    }
    f.publish(2, f.served / "bundle.kbundle");
    const auto check = [&](const std::string& kind, const std::string& reason, std::uintmax_t limit = 512ull << 20) {
        content::UpdaterConfig config;
        config.base_url = server.url(kind);
        config.max_bundle_bytes = limit;
        const auto r = f.updater(config).check();
        INFO(joined(r));
        CHECK_FALSE(r.installed);
        CHECK(joined(r).find(reason) != std::string::npos);
        CHECK(f.version() == 1);
    };
    check("status/404", "HTTP 404");
    check("status/500", "HTTP 500");
    check("stall", "stalled");
    check("drop", "partial file");  // the connection drops mid-transfer
    check("files", "larger than the limit", 1000);
    test::write(f.served / "bundle.kbundle.minisig", std::string(10'000, 'x'));
    check("files", "larger than the limit of 4096 bytes");
    // Nothing listening at all.
    content::UpdaterConfig nobody;
    nobody.base_url = "http://127.0.0.1:9/";
    CHECK(joined(f.updater(nobody).check()).find("127.0.0.1:9") != std::string::npos);
}

TEST_CASE("inbox: a dropped bundle is installed once; unsigned and damaged ones are refused") {
    Fixture f;
    content::UpdaterConfig config;
    config.inbox = f.inbox;
    auto updater = f.updater(config);
    f.publish(3, f.inbox / "torino-3.kbundle");
    auto r = updater.check();
    INFO(joined(r));
    CHECK(r.installed);
    CHECK(f.version() == 3);
    r = updater.check();
    CHECK(r.lines.empty());  // a stick left plugged in is not read again

    f.publish(4, f.inbox / "torino-4.kbundle");
    fs::remove(f.inbox / "torino-4.kbundle.minisig");
    r = updater.check();
    CHECK(joined(r).find("no signature beside it") != std::string::npos);

    // A stick pulled mid-copy leaves half a file: refused, and the current bundle stays.
    f.publish(5, f.dir / "torino-5.kbundle");
    const std::string whole = test::read(f.dir / "torino-5.kbundle");
    test::write(f.inbox / "torino-5.kbundle", whole.substr(0, whole.size() / 2));
    fs::copy_file(f.dir / "torino-5.kbundle.minisig", f.inbox / "torino-5.kbundle.minisig");
    r = updater.check();
    CHECK_FALSE(r.installed);
    CHECK(joined(r).find("does not match the file") != std::string::npos);
    CHECK(f.version() == 3);
    // Copied again in full, it is read again (its size changed) and installed.
    test::write(f.inbox / "torino-5.kbundle", whole);
    r = updater.check();
    CHECK(r.installed);
    CHECK(f.version() == 5);
}
