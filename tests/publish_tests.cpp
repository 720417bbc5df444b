// kiosk-bundle publish: the folder it writes, what it refuses, and kiosks' real updaters polling
// a real HTTP server on loopback while it publishes.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/publish.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/updater.hpp"
#include "content/model/bundle.hpp"
#include "content/delivery/published_folder.hpp"
#include "kiosk/config/options.hpp"
#include "tests/http_server.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;
namespace ms = content::minisign;
using test::HttpServer;

namespace {

// The demo content, loaded once, written as bundles of any version.
const content::Content& demo_content() {
    static const content::Content c = [] {
        content::Diagnostics d;
        auto loaded = content::load_source(test::demo_source(), d);
        REQUIRE_FALSE(d.has_errors());
        return loaded;
    }();
    return c;
}

struct Fixture {
    test::TempDir dir;
    fs::path out = dir / "served", builds = dir / "builds", store_dir = dir / "store";
    std::pair<ms::PublicKey, ms::SecretKey> keys = ms::generate_key_pair();
    Fixture() { fs::create_directories(builds); }

    // An unsigned bundle as `kiosk-bundle build` writes it, built on the version the folder
    // serves now, with `edit` applied to its metadata.
    template <typename Edit>
    fs::path build(long long version, Edit edit) {
        content::Content c = demo_content();
        c.meta.version = version;
        c.meta.based_on = fs::exists(out / "torino.kbundle.minisig") ? published_version() : 0;
        edit(c.meta);
        const fs::path path = builds / ("v" + std::to_string(version)) / "torino.kbundle";
        fs::create_directories(path.parent_path());
        content::write_bundle(c, path);
        return path;
    }
    fs::path build(long long version) {
        return build(version, [](content::Meta&) {});
    }
    content::Published publish(const fs::path& bundle, int keep = 3) {
        return content::publish({bundle, out, "torino.kbundle", "2026-01-01", keep, "Anna Rossi", {}, {}}, keys.second);
    }
    // As a named publisher at a given moment on Torino's clock ("2026-12-07T10:42").
    content::Published publish_as(const fs::path& bundle, const std::string& who, const char* when, std::vector<std::string> changes = {}) {
        return content::publish({bundle, out, "torino.kbundle", "2026-01-01", 3, who, std::move(changes), content::parse_local_iso(when)},
                                keys.second);
    }
    std::string refusal(const fs::path& bundle) {
        try {
            publish(bundle);
        } catch (const content::PublishError& e) {
            return e.what();
        }
        return "(published)";
    }
    // A kiosk's store and updater, asking `server` for the folder's files.
    content::Store store{store_dir};
    content::Updater updater(const HttpServer& server) {
        content::UpdaterConfig config;
        config.base_url = server.url("files");
        config.bundle_name = "torino.kbundle";
        return content::Updater(store, {keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, config);
    }
    long long published_version() const {
        return *content::claims_of(ms::parse_signature(test::read(out / "torino.kbundle.minisig"))).version;
    }
    std::vector<std::string> folder() const {
        std::vector<std::string> names;
        for (const auto& e : fs::recursive_directory_iterator(out))
            if (e.path().filename() != ".publish-lock" && e.path().filename() != content::kPublishLogName) names.push_back(fs::relative(e.path(), out).string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

std::string joined(const content::UpdateReport& r) {
    std::string out;
    for (const auto& l : r.lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("publish: the version folder, then the plain bundle, then the signature, each pair verifying") {
    Fixture f;
    const auto p = f.publish(f.build(1));
    const std::vector<fs::path> expected = {f.out / "v1/torino.kbundle", f.out / "v1/torino.kbundle.minisig",
                                            f.out / "torino.kbundle", f.out / "torino.kbundle.minisig"};
    CHECK(p.written == expected);
    CHECK(f.folder() == std::vector<std::string>{"torino.kbundle", "torino.kbundle.minisig", "v1", "v1/torino.kbundle",
                                                 "v1/torino.kbundle.minisig"});
    const ms::PublicKey trusted[] = {f.keys.first};
    CHECK(content::verify_bundle(f.out / "v1/torino.kbundle", f.out / "v1/torino.kbundle.minisig", trusted).meta.version == 1);
    CHECK(content::verify_bundle(f.out / "torino.kbundle", f.out / "torino.kbundle.minisig", trusted).meta.version == 1);
    CHECK(p.key_id == ms::key_id_hex(f.keys.first.id));
    CHECK(f.published_version() == 1);
}

TEST_CASE("publish: a version not higher than the one published is refused, and the folder stays as it was") {
    Fixture f;
    f.publish(f.build(2));
    const std::string pointer = test::read(f.out / "torino.kbundle.minisig");
    const auto before = f.folder();
    for (const long long version : {2, 1}) {
        const fs::path bundle = f.build(version, [](content::Meta& m) { m.title = "rebuilt"; });
        const std::string message = f.refusal(bundle);
        CHECK(message == bundle.string() + ": error: version: version " + std::to_string(version) +
                             " is not higher than version 2, already published in " + f.out.string() +
                             ". Fix: raise version in bundle.ini above 2, build and publish again");
    }
    CHECK(test::read(f.out / "torino.kbundle.minisig") == pointer);
    CHECK(f.folder() == before);
    CHECK(f.publish(f.build(3)).meta.version == 3);  // a higher one goes through
}

// `publish out/torino-v5.kbundle` once reported success and wrote DIR/torino-v5.kbundle, a name
// no kiosk asks for, pruning an old version on the way (issue 21).
TEST_CASE("publish: a bundle goes out under the name kiosks ask for, whatever its file is called; another name is refused") {
    Fixture f;
    const fs::path renamed = f.builds / "torino-v5.kbundle";
    fs::copy_file(f.build(1), renamed);
    const auto p = content::publish({renamed, f.out, "", "2026-01-01", 3, "", {}, {}}, f.keys.second);
    CHECK(p.written.back() == f.out / "torino.kbundle.minisig");
    CHECK(f.folder() == std::vector<std::string>{"torino.kbundle", "torino.kbundle.minisig", "v1", "v1/torino.kbundle",
                                                 "v1/torino.kbundle.minisig"});
    CHECK(std::string(content::published_folder::kDefaultName) == kiosk::Options{}.bundle_name);

    const auto before = f.folder();
    const fs::path v2 = f.build(2);
    try {
        content::publish({v2, f.out, "torino-v2.kbundle", "2026-01-01", 1, "", {}, {}}, f.keys.second);
        FAIL("published under a name the folder does not serve");
    } catch (const content::PublishError& e) {
        CHECK(std::string(e.what()) == v2.string() + ": error: name: the folder " + f.out.string() +
                                           " serves torino.kbundle, which its kiosks ask for; published as torino-v2.kbundle it would reach none of"
                                           " them. Fix: publish with --name torino.kbundle (or without --name when that is torino.kbundle); a"
                                           " bundle for other kiosks goes into a folder of its own");
    }
    CHECK(f.folder() == before);  // nothing written, nothing pruned
}

TEST_CASE("publish: keeps the last 3 versions' folders and prunes older ones, never a newer one") {
    Fixture f;
    for (long long v = 1; v <= 4; ++v) f.publish(f.build(v));
    // A publish of version 9 interrupted before its signature: nothing points at it yet.
    fs::create_directories(f.out / "v9");
    test::write(f.out / "v9/torino.kbundle", "half");
    const auto p = f.publish(f.build(5));
    CHECK(p.pruned == std::vector<fs::path>{f.out / "v2"});
    CHECK(p.kept == std::vector<long long>{5, 4, 3});
    CHECK(f.folder() == std::vector<std::string>{"torino.kbundle", "torino.kbundle.minisig", "v3", "v3/torino.kbundle",
                                                 "v3/torino.kbundle.minisig", "v4", "v4/torino.kbundle", "v4/torino.kbundle.minisig",
                                                 "v5", "v5/torino.kbundle", "v5/torino.kbundle.minisig", "v9", "v9/torino.kbundle"});
    CHECK(f.publish(f.build(6), 1).kept == std::vector<long long>{6});  // --keep 1
    CHECK_FALSE(fs::exists(f.out / "v5"));
}

TEST_CASE("publish: refuses a bundle that does not open, has a bad channel or has expired, changing nothing") {
    Fixture f;
    f.publish(f.build(1));
    const auto before = f.folder();
    const std::string pointer = test::read(f.out / "torino.kbundle.minisig");

    test::write(f.dir / "broken.kbundle", "not a bundle");
    CHECK(f.refusal(f.dir / "broken.kbundle").starts_with((f.dir / "broken.kbundle").string() +
                                                         ": error: bundle: cannot be published: not a readable bundle"));
    CHECK(f.refusal(f.dir / "missing.kbundle").find("error: bundle: cannot be published: no bundle file here. Fix: build one") !=
          std::string::npos);

    auto bundle = f.build(2, [](content::Meta& m) { m.channel = "two words"; });
    CHECK(f.refusal(bundle) == bundle.string() + ": error: channel: \"two words\" is not a channel kiosks can follow. Fix: set "
                                                 "channel in bundle.ini to one word, e.g. channel = torino, and build again");
    bundle = f.build(3, [](content::Meta& m) { m.channel = "other"; });
    CHECK(f.refusal(bundle).find("error: channel: the bundle is for channel other but " + f.out.string() +
                                 " serves channel demo, whose kiosks would refuse it. Fix: ") != std::string::npos);
    bundle = f.build(4, [](content::Meta& m) { m.expires = "2025-12-31"; });
    CHECK(f.refusal(bundle) == bundle.string() + ": error: expires: the bundle expired on 2025-12-31; kiosks refuse it. Fix: set "
                                                 "expires in bundle.ini to a later date, raise version, and build again");
    bundle = f.build(5, [](content::Meta& m) { m.expires = "someday"; });
    CHECK(f.refusal(bundle).find("error: expires: \"someday\" is not a date. Fix:") != std::string::npos);

    CHECK(f.folder() == before);
    CHECK(test::read(f.out / "torino.kbundle.minisig") == pointer);
}

TEST_CASE("HTTP: the updater fetches the bundle from the folder of the signature's version, not NAME") {
    Fixture f;
    HttpServer server(f.out);
    f.publish(f.build(1));
    // NAME is not what the kiosk reads once the version folder exists: damage it to be sure.
    fs::remove(f.out / "torino.kbundle");
    test::write(f.out / "torino.kbundle", "damaged");
    auto updater = f.updater(server);
    const auto r = updater.check_http();
    INFO(joined(r));
    CHECK(r.installed);
    CHECK(joined(r) == server.url("files") + "/v1/torino.kbundle: installed version 1\n");
    CHECK(server.requests("v1/torino.kbundle") == 1);
    CHECK(server.requests("torino.kbundle") == 0);
}

TEST_CASE("HTTP: a folder signed and copied by hand, without version folders, still updates (404, then NAME)") {
    Fixture f;
    HttpServer server(f.out);
    fs::create_directories(f.out);
    const fs::path bundle = f.build(1);
    fs::copy_file(bundle, f.out / "torino.kbundle");
    test::write(f.out / "torino.kbundle.minisig",
                ms::format_signature(ms::sign(ms::hash_file(bundle), f.keys.second, content::trusted_comment_for(content::Bundle(bundle).meta()))));
    auto updater = f.updater(server);
    const auto r = updater.check_http();
    CHECK(joined(r) == server.url("files") + "/torino.kbundle: installed version 1\n");
    CHECK(server.requests("v1/torino.kbundle") == 1);  // asked first, answered 404
    CHECK(server.requests("torino.kbundle") == 1);
}

TEST_CASE("kiosk-bundle publish: a password-protected key, what it prints, refusals with exit 1, stock minisign agrees") {
    test::TempDir dir;
    const std::string tool = KIOSK_BUNDLE_TOOL, out = (dir / "served").string();
    const std::string pub = (dir / "team.pub").string(), sec = (dir / "team.key").string();
    test::write(dir / "pw", "correct horse\n");
    test::write(dir / "bad", "wrong horse\n");
    REQUIRE(test::run(tool + " keygen --public " + pub + " --secret " + sec + " --password-file " + (dir / "pw").string()).status == 0);
    const std::string publish = tool + " publish " + KIOSK_DEMO_BUNDLE + " --key " + sec + " --out " + out + " --password-file ";

    const auto wrong = test::run(publish + (dir / "bad").string());
    CHECK(wrong.status == 1);
    CHECK(wrong.output.find("wrong password") != std::string::npos);
    CHECK_FALSE(fs::exists(out));  // nothing written

    const auto done = test::run(publish + (dir / "pw").string());
    INFO(done.output);
    CHECK(done.status == 0);
    CHECK(done.output.starts_with("published version 1 (channel demo, expires 2027-11-23) signed with key "));
    CHECK(done.output.find(":\n  wrote " + out + "/v1/torino.kbundle\n  wrote " + out + "/v1/torino.kbundle.minisig\n  wrote " + out +
                           "/torino.kbundle\n  wrote " + out + "/torino.kbundle.minisig\n  versions served from their folders: 1\n") !=
          std::string::npos);
    // The stock tool verifies both copies, finding each signature beside its bundle.
    CHECK(test::run("minisign -Vq -p " + pub + " -m " + out + "/v1/torino.kbundle").status == 0);
    CHECK(test::run("minisign -Vq -p " + pub + " -m " + out + "/torino.kbundle").status == 0);

    const auto again = test::run(publish + (dir / "pw").string());
    CHECK(again.status == 1);
    CHECK(again.output == std::string(KIOSK_DEMO_BUNDLE) + ": error: version: version 1 is not higher than version 1, already published in " +
                              out + ". Fix: raise version in bundle.ini above 1, build and publish again\n");
    const auto no_out = test::run(tool + " publish " + KIOSK_DEMO_BUNDLE + " --key " + sec);
    CHECK(no_out.status == 2);
    CHECK(no_out.output.find("missing --out") != std::string::npos);
}

// Two editors once overwrote each other: the second publish raised the version and silently
// reverted the first one's change (issue 21). A bundle names the version it was built on.
TEST_CASE("publish: a bundle built on a version since replaced is refused, naming who published what and when") {
    Fixture f;
    f.publish_as(f.build(1), "Anna Rossi", "2026-12-07T09:15");
    const fs::path marco_v2 = f.build(2, [](content::Meta& m) { m.title = "Marco's edit"; });  // both start from version 1
    const fs::path anna_v2 = f.build(2);
    f.publish_as(anna_v2, "Anna Rossi", "2026-12-07T10:42", {"place hub-sud: hours \"\" → \"Mo 10:00-12:00\""});
    const std::string key = ms::key_id_hex(f.keys.first.id);
    const std::string stale = ": error: based_on: version 2 was published at 10:42 on 2026-12-07 by Anna Rossi (key " + key +
                              "), after version 1 this bundle was built on: publishing it would undo that version's changes. Fix: rebuild "
                              "on top of version 2: take its changes into your source, set based_on = 2 and version = 3 in bundle.ini, "
                              "build and publish again";
    const auto before = f.folder();
    CHECK(f.refusal(marco_v2) == marco_v2.string() + stale);
    // Raising the version alone, as the second editor once did, changes nothing.
    const fs::path marco_v3 = f.build(3, [](content::Meta& m) { m.based_on = 1; });
    CHECK(f.refusal(marco_v3) == marco_v3.string() + stale);
    CHECK(f.folder() == before);
    CHECK(f.published_version() == 2);
    // Not saying which version it was built on is refused too, once something is published.
    const fs::path unsaid = f.build(3, [](content::Meta& m) { m.based_on = 0; });
    CHECK(f.refusal(unsaid).find("based_on: the bundle does not say which version it was built on, and version 2 was published at 10:42") !=
          std::string::npos);
    // Rebuilt on top of version 2, it goes through.
    CHECK(f.publish_as(f.build(3), "Marco Bianchi", "2026-12-07T11:05").meta.version == 3);

    // The log: who published which version, on which, when, with which key, and what changed.
    const auto log = content::read_publish_log(f.out / content::kPublishLogName);
    REQUIRE(log.size() == 3);
    CHECK(log[1].version == 2);
    CHECK(log[1].based_on == 1);
    CHECK(log[1].time == "2026-12-07T10:42+01:00");
    CHECK(log[1].publisher == "Anna Rossi");
    CHECK(log[1].key_id == key);
    CHECK(log[1].changes == std::vector<std::string>{"place hub-sud: hours \"\" → \"Mo 10:00-12:00\""});
    CHECK(log[2].publisher == "Marco Bianchi");
    CHECK(log[2].based_on == 2);
    CHECK(test::read(f.out / content::kPublishLogName).find("version 2 on 1 · 2026-12-07T10:42+01:00 · Anna Rossi · key " + key +
                                                              " · 1 change\n  place hub-sud: hours") != std::string::npos);
}
