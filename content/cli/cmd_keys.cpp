// kiosk-bundle keygen | sign | trusted-comment | verify — minisign's formats, interchangeable
// with the stock minisign tool.
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <iostream>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/store.hpp"
#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"

namespace content::cli {

namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path, const char* what) {
    auto text = read_file(path);
    if (!text) throw std::runtime_error(std::string("cannot read the ") + what + " " + path);
    return *text;
}

Meta bundle_meta(const std::string& path) { return Bundle(path).meta(); }

}  // namespace

minisign::SecretKey secret_key(const Args& args) {
    // publish also takes --key, the name the fleet's publishing instructions use.
    const auto key_option = args.option("--key");
    const std::string key_text = read_text(key_option ? *key_option : args.required("--secret"), "secret key");
    std::optional<std::string> password;
    if (minisign::secret_key_has_password(key_text) || args.option("--password-file"))
        password = read_password(args.option("--password-file"), "Password: ", false);
    return minisign::parse_secret_key(key_text, password);
}

std::vector<minisign::PublicKey> trusted_keys(const Args& args) {
    const auto key_files = args.all("--public");
    if (key_files.empty()) throw UsageError("missing --public FILE");
    std::vector<minisign::PublicKey> keys;
    for (const auto& f : key_files) {
        try {
            keys.push_back(minisign::parse_public_key(read_text(f, "public key")));
        } catch (const minisign::Error& e) {
            throw std::runtime_error(f + ": " + e.what());
        }
    }
    return keys;
}

int keygen(const Words& words) {
    Args args(words, {"--no-password", "--force"}, {"--public", "--secret", "--password-file"});
    if (!args.positional().empty()) throw UsageError("keygen takes no file names without --public and --secret");
    const std::string pub = args.required("--public"), sec = args.required("--secret");
    for (const auto& path : {pub, sec})
        if (content::anything_at(path) && !args.flag("--force")) {
            std::cerr << "kiosk-bundle: " << path << " exists; a new key would make every bundle signed with the old one "
                         "unverifiable. Fix: choose another name, or add --force to replace it\n";
            return 1;
        }
    std::optional<std::string> password;
    if (!args.flag("--no-password")) password = read_password(args.option("--password-file"), "Password for the new key: ", true);
    const auto [pk, sk] = minisign::generate_key_pair();
    write_file_atomically(sec, minisign::format_secret_key(sk, password), 0600);
    write_file_atomically(pub, minisign::format_public_key(pk), 0644);
    std::cout << "key " << minisign::key_id_hex(pk.id) << ": public key " << pub << ", secret key " << sec
              << (password ? " (password-protected)" : " (no password: keep it safe)") << "\n";
    return 0;
}

int sign(const Words& words) {
    Args args(words, {}, {"--secret", "--password-file", "--signature"});
    if (args.positional().size() != 1) throw UsageError("sign takes one bundle file");
    const std::string bundle = args.positional()[0];
    const std::string out = args.option("--signature").value_or(bundle + ".minisig");
    const auto key = secret_key(args);
    const Meta meta = bundle_meta(bundle);
    const auto signature = minisign::sign(minisign::hash_file(bundle), key, trusted_comment_for(meta));
    write_file_atomically(out, minisign::format_signature(signature), 0644);
    std::cout << "signed " << bundle << " (version " << meta.version << ", channel " << meta.channel << ") with key "
              << minisign::key_id_hex(key.id) << ": " << out << "\n";
    return 0;
}

int trusted_comment(const Words& words) {
    Args args(words, {}, {});
    if (args.positional().size() != 1) throw UsageError("trusted-comment takes one bundle file");
    std::cout << trusted_comment_for(bundle_meta(args.positional()[0])) << "\n";
    return 0;
}

int verify(const Words& words) {
    Args args(words, {}, {"--public", "--signature"});
    if (args.positional().size() != 1) throw UsageError("verify takes one bundle file");
    const std::string bundle = args.positional()[0];
    const auto keys = trusted_keys(args);
    try {
        const auto v = verify_bundle(bundle, args.option("--signature").value_or(bundle + ".minisig"), keys);
        std::cout << "verified " << bundle << ": version " << v.meta.version << ", channel " << v.meta.channel
                  << ", expires " << v.meta.expires << ", key " << v.key_id << "\n";
        return 0;
    } catch (const minisign::Error& e) {
        std::cerr << "kiosk-bundle: " << bundle << ": " << e.what() << "\n";
        return 1;
    }
}

int install(const Words& words) {
    Args args(words, {}, {"--store", "--public", "--signature", "--channel", "--today"});
    if (args.positional().size() != 1) throw UsageError("install takes one bundle file");
    const std::string bundle = args.positional()[0];
    Store store(args.required("--store"));
    InstallPolicy policy{args.option("--channel").value_or(""), KIOSK_VERSION, args.option("--today").value_or(today_iso(std::chrono::system_clock::now()))};
    const auto r = store.install(bundle, args.option("--signature").value_or(bundle + ".minisig"), trusted_keys(args), policy);
    if (r.outcome == InstallResult::Outcome::Refused) {
        std::cerr << "kiosk-bundle: " << bundle << ": refused: " << r.reason << "\n";
        return 1;
    }
    std::cout << r.reason << " (channel " << r.meta.channel << ", key " << r.key_id << ")\n";
    return 0;
}

int status(const Words& words) {
    Args args(words, {}, {"--store"});
    Store store(args.required("--store"));
    const std::string text = store.status_text();
    std::cout << (text.empty() ? "nothing installed yet\n" : text);
    return 0;
}

}  // namespace content::cli
