// Publishing as a team (issue 21): each publisher signs with a key of their own, and kiosks trust
// the keyring the fleet's offline root key signs — taken from the server or a USB stick, newer
// versions only. Tried with kiosk-bundle and the stock minisign, a real HTTP server on loopback,
// and the store on disk.
#include <doctest/doctest.h>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/keyring.hpp"
#include "content/delivery/publish_log.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/updater.hpp"
#include "content/model/bundle.hpp"
#include "tests/http_server.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;
namespace ms = content::minisign;
using test::HttpServer;

namespace {

const std::string kTool = KIOSK_BUNDLE_TOOL;
using KeyPair = std::pair<ms::PublicKey, ms::SecretKey>;

// A fleet: the root key, two publishers, a published folder, and one kiosk's store that trusts
// only the root key.
struct Fleet {
    test::TempDir dir;
    fs::path served = dir / "served", store_dir = dir / "store", inbox = dir / "inbox";
    KeyPair root = ms::generate_key_pair(), anna = ms::generate_key_pair(), marco = ms::generate_key_pair();
    content::Store store{store_dir};
    content::Content demo = [] {
        content::Diagnostics d;
        auto c = content::load_source(test::demo_source(), d);
        REQUIRE_FALSE(d.has_errors());
        return c;
    }();
    Fleet() {
        fs::create_directories(served);
        fs::create_directories(inbox);
    }

    // Bundle `version` signed by `key` at `target` (and target.minisig); `title` tells two
    // bundles of one version apart.
    void bundle(long long version, const ms::SecretKey& key, const fs::path& target, const std::string& title = "Torino") {
        content::Content c = demo;
        c.meta.version = version;
        c.meta.title = title;
        fs::create_directories(target.parent_path());
        content::write_bundle(c, target);
        test::write(target.string() + ".minisig", ms::format_signature(ms::sign(ms::hash_file(target), key, content::trusted_comment_for(c.meta))));
    }
    // The published folder's bundle, as publish lays it out for the updater (v<N>/NAME and the pointer).
    void publish(long long version, const ms::SecretKey& key, const std::string& title = "Torino") {
        const fs::path in_folder = served / ("v" + std::to_string(version)) / "torino.kbundle";
        bundle(version, key, in_folder, title);
        fs::copy_file(in_folder.string() + ".minisig", served / "torino.kbundle.minisig", fs::copy_options::overwrite_existing);
        fs::copy_file(in_folder, served / "torino.kbundle", fs::copy_options::overwrite_existing);
    }
    // A keyring of `version` naming `publishers` and revoking `revoked`, signed by `signer` into `folder`.
    void keyring(long long version, const std::vector<std::pair<const KeyPair*, std::string>>& publishers,
                 const std::vector<std::pair<const KeyPair*, std::string>>& revoked, const fs::path& folder, const ms::SecretKey* signer = nullptr) {
        content::Keyring k;
        k.version = version;
        for (const auto& [key, name] : publishers) k.publishers.push_back({key->first, name});
        for (const auto& [key, name] : revoked) k.revoked.push_back({key->first.id, name});
        const std::string text = content::format_keyring(k);
        test::write(folder / content::kKeyringName, text);
        test::write(folder / (std::string(content::kKeyringName) + ".minisig"),
                    ms::format_signature(ms::sign(ms::hash_bytes(text), signer ? *signer : root.second, content::keyring_comment(version))));
    }
    content::Updater updater(bool http = true, bool stick = false) {
        content::UpdaterConfig config;
        if (http) config.base_url = server.url("files");
        if (stick) config.inbox = inbox;
        config.bundle_name = "torino.kbundle";
        config.roots = {root.first};
        return content::Updater(store, {}, content::InstallPolicy{"demo", "0.1.0", ""}, config);
    }
    long long version() const {
        const auto cur = store.current();
        return cur ? content::Bundle(*cur).meta().version : 0;
    }
    HttpServer server{served};
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("keyring: add, revoke and sign with kiosk-bundle; the stock minisign verifies it with the root key") {
    test::TempDir dir;
    const auto path = [&](const char* name) { return (dir / name).string(); };
    for (const char* who : {"root", "anna", "marco"})
        REQUIRE(test::run(kTool + " keygen --no-password --public " + path(who) + ".pub --secret " + path(who) + ".key").status == 0);
    const std::string keyring = path("keyring.txt");
    CHECK(test::run(kTool + " keyring add " + keyring + " --public " + path("anna") + ".pub --name 'Anna Rossi'").status == 0);
    CHECK(test::run(kTool + " keyring add " + keyring + " --public " + path("marco") + ".pub --name 'Marco Bianchi'").status == 0);
    REQUIRE(test::run(kTool + " keyring sign " + keyring + " --secret " + path("root") + ".key").status == 0);
    // Interop: the stock tool verifies it, and shows the version the root key vouches for.
    const auto stock = test::run("minisign -V -p " + path("root") + ".pub -m " + keyring);
    CHECK(stock.status == 0);
    CHECK(stock.output.find("Trusted comment: kiosk-keyring version:2") != std::string::npos);
    const auto shown = test::run(kTool + " keyring show " + keyring + " --root " + path("root") + ".pub");
    INFO(shown.output);
    CHECK(shown.status == 0);
    CHECK(shown.output.find("signature: verified with the root key\nversion 2\npublisher ") == 0);
    CHECK(shown.output.find(" Anna Rossi\n") != std::string::npos);

    // Marco leaves: revoked, the version goes up; a revoked key cannot come back.
    const std::string marco_id = content::minisign::key_id_hex(content::minisign::parse_public_key(test::read(path("marco") + ".pub")).id);
    CHECK(test::run(kTool + " keyring revoke " + keyring + " --key-id " + marco_id).status == 0);
    const auto again = test::run(kTool + " keyring add " + keyring + " --public " + path("marco") + ".pub --name 'Marco Bianchi'");
    CHECK(again.status == 1);
    CHECK(again.output.find("was revoked; a revoked key stays revoked") != std::string::npos);
    // Changed and not signed again: the old signature no longer holds.
    const auto unsigned_change = test::run(kTool + " keyring show " + keyring + " --root " + path("root") + ".pub");
    CHECK(unsigned_change.status == 1);
    CHECK(unsigned_change.output.find("its signature does not verify with the root key") != std::string::npos);
    // Signed by a publisher's key instead of the root's: refused.
    REQUIRE(test::run(kTool + " keyring sign " + keyring + " --secret " + path("anna") + ".key").status == 0);
    CHECK(test::run(kTool + " keyring show " + keyring + " --root " + path("root") + ".pub").status == 1);
    REQUIRE(test::run(kTool + " keyring sign " + keyring + " --secret " + path("root") + ".key").status == 0);
    const auto revoked = test::run(kTool + " keyring show " + keyring + " --root " + path("root") + ".pub");
    CHECK(revoked.output.find("version 3\n") != std::string::npos);
    CHECK(revoked.output.find("revoked   " + marco_id + " Marco Bianchi\n") != std::string::npos);
}

TEST_CASE("keyring: a text that is no keyring is refused at its line, with the fix") {
    const ms::PublicKey key = ms::generate_key_pair().first;
    const std::string line = "publisher = " + content::format_keyring({1, {{key, "A"}}, {}}).substr(content::format_keyring({1, {{key, "A"}}, {}}).find("publisher = ") + 12);
    struct Case {
        std::string text, problem;
    };
    for (const auto& c : std::vector<Case>{
             {"version = 1\npublisher = RWQnotakey Anna\n", "line 2: \"RWQnotakey\" is not a minisign public key"},
             {"version = 1\n" + line + line, "line 3: key " + ms::key_id_hex(key.id) + " is listed twice"},
             {"publisher = x", "is not a minisign public key"},
             {"version = 1\nrevoked = 12 Luca\n", "line 2: \"12\" is not a key id"},
             {"version = 1\n" + line + "revoked = " + ms::key_id_hex(key.id) + " A\n", "is both a publisher and revoked"},
             {"# nothing\n", "the keyring has no version"},
             {"version = 1\nowner = me\n", "line 2: unknown key \"owner\""},
         }) {
        INFO(c.text);
        try {
            content::parse_keyring(c.text);
            FAIL("accepted");
        } catch (const content::KeyringError& e) {
            CHECK_MESSAGE(std::string(e.what()).find(c.problem) != std::string::npos, e.what());
            CHECK(std::string(e.what()).find(". Fix: ") != std::string::npos);
        }
    }
}

TEST_CASE("kiosk: the keyring on the server names the publishers; an unknown key, then a revoked one, is refused; an old keyring too") {
    Fleet f;
    // Version 1 by Anna, with keyring 1 naming her: the kiosk, which knows only the root key, takes both.
    f.keyring(1, {{&f.anna, "Anna Rossi"}}, {}, f.served);
    f.publish(1, f.anna.second);
    auto updater = f.updater();
    auto r = updater.check();
    INFO(joined(r.lines));
    CHECK(joined(r.lines).find("took keyring version 1 (1 publishers, 0 revoked)") != std::string::npos);
    CHECK(f.version() == 1);

    // Marco is not in the keyring yet: his bundle is refused before it is fetched.
    f.publish(2, f.marco.second);
    r = updater.check();
    CHECK(f.version() == 1);
    CHECK(joined(r.problems).find("refused before download") != std::string::npos);
    // Keyring 2 adds him: the same bundle now installs, with no change to the kiosk.
    f.keyring(2, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.served);
    f.publish(3, f.marco.second);
    r = updater.check();
    CHECK(f.version() == 3);
    std::string problem;
    const auto taken = f.store.keyring({&f.root.first, 1}, &problem);
    REQUIRE_MESSAGE(taken, problem);
    CHECK(taken->version == 2);
    CHECK(content::signer_name(ms::key_id_hex(f.marco.first.id), &*taken) == "Marco Bianchi (key " + ms::key_id_hex(f.marco.first.id) + ")");

    // Keyring 3 revokes Marco: his next bundle is refused.
    f.keyring(3, {{&f.anna, "Anna Rossi"}}, {{&f.marco, "Marco Bianchi"}}, f.served);
    f.publish(4, f.marco.second);
    r = updater.check();
    CHECK(f.version() == 3);
    CHECK(joined(r.problems).find("refused") != std::string::npos);
    // An old keyring served again (it still names Marco) is refused: the revocation stands.
    f.keyring(2, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.served);
    r = updater.check();
    CHECK(joined(r.problems).find("keyring refused: version 2 is older than the installed version 3") != std::string::npos);
    CHECK(f.version() == 3);
    CHECK(f.store.keyring({&f.root.first, 1})->version == 3);
    // A keyring signed by a publisher instead of the root: refused.
    f.keyring(4, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.served, &f.anna.second);
    r = updater.check();
    CHECK(joined(r.problems).find("keyring refused: its signature does not verify with the root key") != std::string::npos);
    // Anna's bundles still install.
    f.publish(5, f.anna.second);
    updater.check();
    CHECK(f.version() == 5);

    // At its next start the kiosk trusts what the keyring says: the bundle Marco signed (version
    // 3, now previous) no longer verifies, Anna's does.
    const auto final_keyring = f.store.keyring({&f.root.first, 1});
    REQUIRE(final_keyring);
    const auto trusted = content::trusted_keys({}, &*final_keyring);
    CHECK(trusted.size() == 1);
    const auto choice = content::choose_startup_bundle(f.store, trusted, f.dir / "factory.kbundle");
    CHECK(choice.source == "current");
}

TEST_CASE("kiosk: a bundle signed by a revoked key is passed over at start, for the previous one") {
    Fleet f;
    f.keyring(1, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.served);
    f.publish(1, f.anna.second);
    auto updater = f.updater();
    updater.check();
    f.publish(2, f.marco.second);
    updater.check();
    REQUIRE(f.version() == 2);
    f.keyring(2, {{&f.anna, "Anna Rossi"}}, {{&f.marco, "Marco Bianchi"}}, f.served);
    updater.check();
    const auto keyring = f.store.keyring({&f.root.first, 1});
    REQUIRE(keyring);
    const auto choice = content::choose_startup_bundle(f.store, content::trusted_keys({}, &*keyring), f.dir / "factory.kbundle");
    CHECK(choice.source == "previous");
    CHECK(content::Bundle(choice.path).meta().version == 1);
    // A kiosk also given Marco's key itself (`trust`, from before there was a keyring): the
    // revocation takes it away too.
    const std::vector<ms::PublicKey> given{f.marco.first};
    CHECK(content::trusted_keys(given, &*keyring).size() == 1);  // Anna's
    CHECK(content::choose_startup_bundle(f.store, content::trusted_keys(given, &*keyring), f.dir / "factory.kbundle").source == "previous");
    CHECK(content::choose_startup_bundle(f.store, content::trusted_keys(given, nullptr), f.dir / "factory.kbundle").source == "current");
}

TEST_CASE("kiosk: a USB stick's bundle and the server's with one version but other content: the second is refused and logged") {
    Fleet f;
    f.keyring(1, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.inbox);
    f.bundle(7, f.marco.second, f.inbox / "torino-v7.kbundle", "Marco's version 7");
    auto updater = f.updater(true, true);
    f.keyring(1, {{&f.anna, "Anna Rossi"}, {&f.marco, "Marco Bianchi"}}, {}, f.served);
    auto r = updater.check_inbox();
    INFO(joined(r.lines));
    REQUIRE(f.version() == 7);
    // The server has another version 7 (Anna's): fetched, compared, refused, and said.
    f.publish(7, f.anna.second, "Anna's version 7");
    r = updater.check_http();
    CHECK(content::Bundle(*f.store.current()).meta().title == "Marco's version 7");
    CHECK(joined(r.problems).find("it says version 7, like the installed bundle, but its content differs: two different bundles carry one "
                                  "version") != std::string::npos);
    CHECK(f.store.status_text().find("two different bundles carry one version") != std::string::npos);
    // The same bundle again (another copy of the stick's) is simply current.
    fs::copy_file(f.inbox / "torino-v7.kbundle", f.dir / "copy.kbundle");
    fs::copy_file(f.inbox / "torino-v7.kbundle.minisig", f.dir / "copy.kbundle.minisig");
    const auto same = f.store.install(f.dir / "copy.kbundle", f.dir / "copy.kbundle.minisig", std::vector<ms::PublicKey>{f.marco.first},
                                      content::InstallPolicy{"demo", "0.1.0", ""});
    CHECK(same.outcome == content::InstallResult::Outcome::AlreadyCurrent);
}

TEST_CASE("publishing as a team from the command line: own keys, the keyring in the folder, names in the log, a revoked key refused") {
    test::TempDir dir;
    const auto path = [&](const std::string& name) { return (dir / name).string(); };
    for (const char* who : {"root", "anna", "marco"})
        REQUIRE(test::run(kTool + " keygen --no-password --public " + path(who) + ".pub --secret " + path(who) + ".key").status == 0);
    const std::string keyring = path("keyring.txt"), served = path("served");
    const auto keep_keyring = [&](const std::string& change) {
        REQUIRE(test::run(kTool + " keyring " + change).status == 0);
        REQUIRE(test::run(kTool + " keyring sign " + keyring + " --secret " + path("root") + ".key").status == 0);
        REQUIRE(test::run(kTool + " keyring publish " + keyring + " --out " + served).status == 0);
    };
    fs::create_directories(served);
    keep_keyring("add " + keyring + " --public " + path("anna") + ".pub --name 'Anna Rossi'");
    const fs::path src = test::copy_demo_source(dir);
    const auto build = [&](int version, int based_on) {
        test::replace_in_file(src / "bundle.ini", "version = " + std::to_string(version - 1 ? version - 1 : 1), "version = " + std::to_string(version));
        if (based_on) test::write(src / "bundle.ini", test::read(src / "bundle.ini") + "based_on = " + std::to_string(based_on) + "\n");
        const std::string out = path("v" + std::to_string(version) + ".kbundle");
        REQUIRE(test::run(kTool + " build " + src.string() + " -o " + out).status == 0);
        return out;
    };
    const auto publish = [&](const std::string& bundle, const char* who) { return test::run(kTool + " publish " + bundle + " --key " + path(who) + ".key --out " + served); };

    const std::string v1 = build(1, 0);
    const auto anna = publish(v1, "anna");
    INFO(anna.output);
    REQUIRE(anna.status == 0);
    CHECK(anna.output.find(" · Anna Rossi · key ") != std::string::npos);  // the name the keyring gives her key
    // Marco's key is not in the keyring: refused before anything is written.
    const std::string v2 = build(2, 1);
    const auto stranger = publish(v2, "marco");
    CHECK(stranger.status == 1);
    CHECK(stranger.output.find("is not in " + served + "/keyring.txt, so kiosks would refuse this bundle") != std::string::npos);
    keep_keyring("add " + keyring + " --public " + path("marco") + ".pub --name 'Marco Bianchi'");
    REQUIRE(publish(v2, "marco").status == 0);
    CHECK(test::run("minisign -Vq -p " + path("marco") + ".pub -m " + served + "/v2/torino.kbundle").status == 0);  // interop
    // Revoked: his next bundle is refused at publish, as kiosks would refuse it.
    const std::string marco_id = ms::key_id_hex(ms::parse_public_key(test::read(path("marco") + ".pub")).id);
    keep_keyring("revoke " + keyring + " --key-id " + marco_id);
    test::replace_in_file(src / "bundle.ini", "based_on = 1", "based_on = 2");
    const std::string v3 = build(3, 0);
    const auto revoked = publish(v3, "marco");
    CHECK(revoked.status == 1);
    CHECK(revoked.output.find("key " + marco_id + " (Marco Bianchi) is revoked") != std::string::npos);
    const auto log = content::read_publish_log(fs::path(served) / content::kPublishLogName);
    REQUIRE(log.size() == 2);
    CHECK(log[0].publisher == "Anna Rossi");
    CHECK(log[1].publisher == "Marco Bianchi");
    CHECK(log[1].based_on == 1);
    CHECK(log[1].change_count >= 2);  // version and based_on at least, each a line of diff
}

// Issue 20's finding 9: a validly signed version far too high refuses every later one. The
// keyring, which only the offline root key signs, is the way out.
TEST_CASE("kiosk: a keyring's reset_versions drops versions published too high, once, so later ones install again") {
    Fleet f;
    f.keyring(1, {{&f.anna, "Anna Rossi"}}, {}, f.served);
    f.publish(1, f.anna.second);
    auto updater = f.updater();
    updater.check();
    f.publish(900, f.anna.second);  // a typo: 900 instead of 9
    updater.check();
    REQUIRE(f.version() == 900);
    f.publish(2, f.anna.second);
    auto r = updater.check();
    CHECK(f.version() == 900);  // refused: older than 900
    CHECK(f.store.highest_version() == 900);

    content::Keyring reset{2, {{f.anna.first, "Anna Rossi"}}, {}, 1};
    const std::string text = content::format_keyring(reset);
    CHECK(text.find("reset_versions = 1\n") != std::string::npos);
    test::write(f.served / content::kKeyringName, text);
    test::write(f.served / (std::string(content::kKeyringName) + ".minisig"),
                ms::format_signature(ms::sign(ms::hash_bytes(text), f.root.second, content::keyring_comment(2))));
    r = updater.check();
    INFO(joined(r.lines));
    CHECK(joined(r.lines).find("forgot versions above 1 as it says: 900") != std::string::npos);
    CHECK(f.version() == 2);  // and in the same check, version 2 installed
    CHECK(f.store.highest_version() == 2);
    CHECK_FALSE(fs::exists(f.store_dir / "bundles" / "v900.kbundle"));
    // A later keyring that keeps the line does not reset again: version 3 stays.
    f.publish(3, f.anna.second);
    updater.check();
    REQUIRE(f.version() == 3);
    f.keyring(3, {{&f.anna, "Anna Rossi"}}, {}, f.served);
    content::Keyring kept{4, {{f.anna.first, "Anna Rossi"}}, {}, 1};
    const std::string kept_text = content::format_keyring(kept);
    test::write(f.served / content::kKeyringName, kept_text);
    test::write(f.served / (std::string(content::kKeyringName) + ".minisig"),
                ms::format_signature(ms::sign(ms::hash_bytes(kept_text), f.root.second, content::keyring_comment(4))));
    updater.check();
    CHECK(f.version() == 3);
    CHECK(f.store.keyring({&f.root.first, 1})->version == 4);
}
