// Signatures, checked against the stock minisign tool in both directions, and every way a
// bundle and its signature can be tampered with, each refused with its own reason.
#include <doctest/doctest.h>

#include "content/delivery/minisign.hpp"
#include "content/model/schema.hpp"
#include "content/model/sqlite.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kTool = KIOSK_BUNDLE_TOOL;

// A folder with a copy of the demo bundle and a key pair made by kiosk-bundle without password.
struct Signing {
    test::TempDir dir;
    fs::path bundle = dir / "torino.kbundle";
    fs::path pub = dir / "ours.pub", sec = dir / "ours.sec";
    Signing() {
        fs::copy_file(KIOSK_DEMO_BUNDLE, bundle);
        REQUIRE(test::run(kTool + " keygen --no-password --public " + pub.string() + " --secret " + sec.string()).status == 0);
    }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    test::Run sign(const fs::path& file) { return test::run(kTool + " sign " + file.string() + " --secret " + sec.string()); }
    test::Run verify(const fs::path& file, const std::string& extra = "") {
        return test::run(kTool + " verify " + file.string() + " --public " + pub.string() + " " + extra);
    }
    std::string trusted_comment() { return test::run(kTool + " trusted-comment " + bundle.string()).output; }
};

void flip_byte(const fs::path& file, size_t offset) {
    std::string data = test::read(file);
    REQUIRE(offset < data.size());
    data[offset] = static_cast<char>(data[offset] ^ 0x01);
    test::write(file, data);
}

std::string without_newline(std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
}

}  // namespace

TEST_CASE("kiosk-bundle signatures verify with the stock minisign, and minisign's with kiosk-bundle") {
    Signing s;
    REQUIRE(s.sign(s.bundle).status == 0);
    const auto stock = test::run("minisign -V -p " + s.pub.string() + " -m " + s.bundle.string());
    INFO(stock.output);
    CHECK(stock.status == 0);
    CHECK(stock.output.find("Trusted comment: kiosk-bundle version:1 channel:demo expires:2027-11-23") != std::string::npos);
    CHECK(s.verify(s.bundle).status == 0);

    // A key pair made by minisign itself, and a signature made with the documented command.
    const auto mpub = s.path("m.pub"), msec = s.path("m.sec");
    REQUIRE(test::run("minisign -G -W -p " + mpub + " -s " + msec).status == 0);
    const auto comment = without_newline(s.trusted_comment());
    CHECK(comment == "kiosk-bundle version:1 channel:demo expires:2027-11-23");
    REQUIRE(test::run("minisign -S -s " + msec + " -m " + s.bundle.string() + " -x " + s.path("m.minisig") + " -t '" + comment + "'").status == 0);
    const auto ours = test::run(kTool + " verify " + s.bundle.string() + " --public " + mpub + " --signature " + s.path("m.minisig"));
    INFO(ours.output);
    CHECK(ours.status == 0);
    CHECK(ours.output.find("verified") != std::string::npos);

    // kiosk-bundle signs with minisign's key made without a password, asking for none (its
    // comment says "encrypted secret key" all the same), and the stock tool verifies that.
    const auto signed_here = test::run("setsid " + kTool + " sign " + s.bundle.string() + " --secret " + msec + " --signature " +
                                       s.path("k.minisig") + " </dev/null");
    INFO(signed_here.output);
    CHECK(signed_here.status == 0);
    CHECK(test::run("minisign -V -p " + mpub + " -m " + s.bundle.string() + " -x " + s.path("k.minisig")).status == 0);

    // Key rotation: several trusted keys at once; each signature finds its own.
    const auto both = test::run(kTool + " verify " + s.bundle.string() + " --public " + s.pub.string() + " --public " + mpub +
                                " --signature " + s.path("m.minisig"));
    CHECK(both.status == 0);
    // The stock tool can sign with a key kiosk-bundle made (no password).
    CHECK(test::run("minisign -S -s " + s.sec.string() + " -m " + s.bundle.string() + " -x " + s.path("o.minisig") + " -t '" +
                    comment + "'").status == 0);
    CHECK(s.verify(s.bundle, "--signature " + s.path("o.minisig")).status == 0);
}

TEST_CASE("password-protected keys: scrypt as minisign does, readable by the stock tool") {
    Signing s;
    test::write(s.dir / "pw", "correct horse\n");
    test::write(s.dir / "bad", "wrong horse\n");
    const auto epub = s.path("e.pub"), esec = s.path("e.sec");
    REQUIRE(test::run(kTool + " keygen --public " + epub + " --secret " + esec + " --password-file " + s.path("pw")).status == 0);
    CHECK(test::read(esec).find("encrypted secret key") != std::string::npos);

    const auto wrong = test::run(kTool + " sign " + s.bundle.string() + " --secret " + esec + " --password-file " + s.path("bad"));
    CHECK(wrong.status == 1);
    CHECK(wrong.output.find("wrong password") != std::string::npos);
    CHECK_FALSE(fs::exists(s.bundle.string() + ".minisig"));
    // Without a terminal and without --password-file, it says how to give the password.
    const auto no_tty = test::run("setsid " + kTool + " sign " + s.bundle.string() + " --secret " + esec + " </dev/null");
    CHECK(no_tty.status == 1);
    CHECK(no_tty.output.find("--password-file") != std::string::npos);

    // The stock minisign reads its password from a terminal: type it at the prompt.
    const auto comment = without_newline(s.trusted_comment());
    const auto stock = test::run_on_terminal("minisign -S -s " + esec + " -m " + s.bundle.string() + " -x " + s.path("e.minisig") +
                                                 " -t '" + comment + "'",
                                             "Password:", "correct horse");
    INFO(stock.output);
    CHECK(stock.status == 0);
    const auto verified = test::run(kTool + " verify " + s.bundle.string() + " --public " + epub + " --signature " + s.path("e.minisig"));
    CHECK(verified.status == 0);

    REQUIRE(test::run(kTool + " sign " + s.bundle.string() + " --secret " + esec + " --password-file " + s.path("pw")).status == 0);
    CHECK(test::run("minisign -V -p " + epub + " -m " + s.bundle.string()).status == 0);
}

TEST_CASE("tampering: every change to a signed bundle or its signature is refused with its reason") {
    Signing s;
    REQUIRE(s.sign(s.bundle).status == 0);
    const fs::path sig = s.bundle.string() + ".minisig";
    const std::string good_bundle = test::read(s.bundle), good_sig = test::read(sig);
    const auto refused = [&](const std::string& reason, const std::string& extra = "") {
        const auto r = s.verify(s.bundle, extra);
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(r.output.find(reason) != std::string::npos);
        test::write(s.bundle, good_bundle);
        test::write(sig, good_sig);
    };
    const size_t size = good_bundle.size();
    for (size_t offset : {size_t{0}, size_t{17}, size_t{100}, size / 2, size - 1}) {
        CAPTURE(offset);
        flip_byte(s.bundle, offset);
        refused("does not match the file");
    }
    test::write(s.bundle, good_bundle.substr(0, size / 2));
    refused("does not match the file");
    test::write(s.bundle, "");
    refused("does not match the file");

    const auto lines_at = [&](int line) {  // offset of a character inside a signature line
        size_t at = 0;
        for (int i = 0; i < line; ++i) at = good_sig.find('\n', at) + 1;
        return at + 5;
    };
    flip_byte(sig, 0);
    refused("not a minisign signature");
    // Bytes inside the base64 lines are changed after decoding: flipping a base64 character can
    // make it not base64 at all, which is a different case (below).
    const auto tamper = [&](auto change) {
        auto parsed = content::minisign::parse_signature(good_sig);
        change(parsed);
        test::write(sig, content::minisign::format_signature(parsed));
    };
    tamper([](auto& p) { p.signature[12] ^= 1; });
    refused("does not match the file");
    tamper([](auto& p) { p.id[3] ^= 1; });
    refused("which this kiosk does not trust");
    flip_byte(sig, lines_at(2) + 20);  // the trusted comment's text
    refused("trusted comment was changed");
    tamper([](auto& p) { p.global_signature[10] ^= 1; });
    refused("trusted comment was changed");
    std::string damaged = good_sig;
    damaged[lines_at(1) + 12] = '*';
    test::write(sig, damaged);
    refused("base64 line is damaged");
    test::write(sig, good_sig.substr(0, good_sig.size() / 2));
    refused("cut short");
    test::write(sig, "");
    refused("not a minisign signature");
    test::write(sig, good_sig + std::string(5000, '#'));
    refused("more than a signature can be");
    // Found by tests/fuzz/minisign_signature_fuzz: a carriage return inside the trusted comment,
    // up to which the stock minisign reads the line (and verifies what comes before it).
    std::string carriage_return = good_sig;
    carriage_return.insert(good_sig.find('\n', good_sig.find("\ntrusted comment: ") + 1), "\rversion:99");
    test::write(sig, carriage_return);
    refused("carriage return inside it");
    fs::remove(sig);
    refused("no signature file");

    // The untrusted comment is untrusted by design: editing it changes nothing.
    std::string relabelled = good_sig;
    relabelled.insert(relabelled.find('\n'), " (relabelled)");
    test::write(sig, relabelled);
    CHECK(s.verify(s.bundle).status == 0);
}

TEST_CASE("keys: unknown id, a wrong key with a matching id, and legacy signatures are refused") {
    Signing s;
    REQUIRE(s.sign(s.bundle).status == 0);
    const auto other_pub = s.path("other.pub");
    REQUIRE(test::run(kTool + " keygen --no-password --public " + other_pub + " --secret " + s.path("other.sec")).status == 0);
    const auto unknown = test::run(kTool + " verify " + s.bundle.string() + " --public " + other_pub);
    CHECK(unknown.status == 1);
    CHECK(unknown.output.find("which this kiosk does not trust") != std::string::npos);

    // A different public key that claims our key id: the signature cannot match it.
    auto ours = content::minisign::parse_public_key(test::read(s.pub));
    auto impostor = content::minisign::parse_public_key(test::read(other_pub));
    impostor.id = ours.id;
    test::write(s.dir / "impostor.pub", content::minisign::format_public_key(impostor));
    const auto wrong = test::run(kTool + " verify " + s.bundle.string() + " --public " + s.path("impostor.pub"));
    CHECK(wrong.status == 1);
    CHECK(wrong.output.find("does not match the file") != std::string::npos);

    const auto comment = without_newline(s.trusted_comment());
    REQUIRE(test::run("minisign -S -l -W -s " + s.sec.string() + " -m " + s.bundle.string() + " -x " + s.path("legacy.minisig") +
                      " -t '" + comment + "'").status == 0);
    const auto legacy = s.verify(s.bundle, "--signature " + s.path("legacy.minisig"));
    CHECK(legacy.status == 1);
    CHECK(legacy.output.find("legacy signature") != std::string::npos);
}

TEST_CASE("the trusted comment must state the bundle's own version, channel and expiry") {
    Signing s;
    const auto sign_with = [&](const std::string& comment) {
        REQUIRE(test::run("minisign -S -W -s " + s.sec.string() + " -m " + s.bundle.string() + " -t '" + comment + "'").status == 0);
        return s.verify(s.bundle);
    };
    CHECK(sign_with("kiosk-bundle version:1 channel:demo expires:2027-11-23").status == 0);
    const auto version = sign_with("kiosk-bundle version:2 channel:demo expires:2027-11-23");
    CHECK(version.status == 1);
    CHECK(version.output.find("the trusted comment says version 2 but the bundle has 1") != std::string::npos);
    CHECK(sign_with("kiosk-bundle version:1 channel:stable expires:2027-11-23").output.find("says channel stable") != std::string::npos);
    CHECK(sign_with("kiosk-bundle version:1 channel:demo expires:2030-01-01").output.find("says expires 2030-01-01") != std::string::npos);
    CHECK(sign_with("timestamp:1 file:torino.kbundle").output.find("says version (missing)") != std::string::npos);
}

TEST_CASE("a validly signed file that is not a usable bundle is still refused") {
    Signing s;
    test::write(s.bundle, "just some text, signed in good faith");
    REQUIRE(test::run("minisign -S -W -s " + s.sec.string() + " -m " + s.bundle.string() + " -t x").status == 0);
    const auto text = s.verify(s.bundle);
    CHECK(text.status == 1);
    CHECK(text.output.find("signed, but not a usable bundle") != std::string::npos);

    fs::remove(s.bundle);
    {
        content::sql::Database db(s.bundle, content::sql::Database::Mode::Create);
        db.exec(("CREATE TABLE meta(key TEXT, value TEXT); PRAGMA user_version = " + std::to_string(content::kSchemaVersion)).c_str());
    }
    REQUIRE(test::run("minisign -S -W -s " + s.sec.string() + " -m " + s.bundle.string() + " -t x").status == 0);
    const auto schema = s.verify(s.bundle);
    CHECK(schema.status == 1);
    CHECK(schema.output.find("signed, but not a usable bundle") != std::string::npos);
    CHECK(schema.output.find("has no table") != std::string::npos);
}

TEST_CASE("keygen will not overwrite a key by accident") {
    Signing s;
    const auto again = test::run(kTool + " keygen --no-password --public " + s.pub.string() + " --secret " + s.sec.string());
    CHECK(again.status == 1);
    CHECK(again.output.find("--force") != std::string::npos);
    CHECK((fs::status(s.sec).permissions() & fs::perms::others_read) == fs::perms::none);
}
