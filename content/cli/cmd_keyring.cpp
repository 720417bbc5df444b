// kiosk-bundle keyring add | revoke | sign | show: the publishers kiosks trust (keyring.hpp).
// add and revoke change the text and raise its version; sign, with the fleet's offline root
// key, makes it something kiosks take; show reads it back, verified when given the root key.
#include <charconv>
#include <iostream>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/delivery/keyring.hpp"
#include "content/delivery/store_files.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"

namespace content::cli {

namespace fs = std::filesystem;

namespace {

Keyring load(const std::string& file) {
    const auto text = read_file(file);
    if (!text) throw std::runtime_error("cannot read the keyring " + file + ". Fix: give its path; keyring add starts a new one");
    try {
        return parse_keyring(*text);
    } catch (const KeyringError& e) {
        throw std::runtime_error(file + ": " + e.what());
    }
}

void save(const std::string& file, const Keyring& k) {
    store_files::replace_file(file, format_keyring(k));
    std::cout << file << ": version " << k.version << "; sign it with the root key: kiosk-bundle keyring sign " << file << " --secret ROOT.key\n";
}

int add(const Args& args, const std::string& file) {
    const auto keys = trusted_keys(args);
    if (keys.size() != 1) throw UsageError("keyring add takes one --public PUB");
    const auto name = args.required("--name");
    Keyring k = anything_at(file) ? load(file) : Keyring{};
    const auto id = minisign::key_id_hex(keys[0].id);
    if (k.revocation(keys[0].id)) {
        std::cerr << file << ": error: key " << id << " was revoked; a revoked key stays revoked. Fix: make a new key with kiosk-bundle keygen\n";
        return 1;
    }
    if (k.publisher(keys[0].id)) {
        std::cerr << file << ": error: key " << id << " is already a publisher. Fix: nothing to do\n";
        return 1;
    }
    k.publishers.push_back({keys[0], name});
    ++k.version;
    save(file, k);
    return 0;
}

int revoke(const Args& args, const std::string& file) {
    Keyring k = load(file);
    const std::string id = args.required("--key-id");
    const auto it = std::find_if(k.publishers.begin(), k.publishers.end(), [&](const Publisher& p) { return minisign::key_id_hex(p.key.id) == id; });
    if (it == k.publishers.end()) {
        std::cerr << file << ": error: no publisher has key " << id << ". Fix: give a key id that keyring show lists\n";
        return 1;
    }
    k.revoked.push_back({it->key.id, it->name});
    k.publishers.erase(it);
    ++k.version;
    save(file, k);
    return 0;
}

// A way out of a fast-forward lock-out (keyring.hpp, reset_versions).
int reset(const Args& args, const std::string& file) {
    Keyring k = load(file);
    const std::string above = args.required("--above");
    const auto [end, ec] = std::from_chars(above.data(), above.data() + above.size(), k.reset_versions);
    if (ec != std::errc() || end != above.data() + above.size() || k.reset_versions <= 0)
        throw UsageError("--above takes the last good version, a whole number above 0");
    ++k.version;
    save(file, k);
    return 0;
}

int sign_keyring(const Args& args, const std::string& file) {
    const auto text = read_file(file);
    if (!text) throw std::runtime_error("cannot read the keyring " + file);
    const Keyring k = load(file);
    const auto key = secret_key(args);
    store_files::replace_file(file + ".minisig", minisign::format_signature(minisign::sign(minisign::hash_bytes(*text), key, keyring_comment(k.version))));
    std::cout << "wrote " << file << ".minisig (version " << k.version << ", root key " << minisign::key_id_hex(key.id)
              << "); publish it with kiosk-bundle keyring publish " << file << " --out DIR, or copy both files onto the USB stick\n";
    return 0;
}

// Into the folder kiosks poll: the text first and the signature last, each by a rename, so a
// kiosk reading meanwhile takes the new pair once the signature moves (it asks for it first).
int publish_keyring(const Args& args, const std::string& file) {
    const fs::path out = args.required("--out");
    const auto text = read_file(file);
    const auto signature = read_file(file + ".minisig");
    if (!text || !signature) throw std::runtime_error("cannot read " + file + " and " + file + ".minisig. Fix: sign the keyring first (keyring sign)");
    load(file);
    store_files::replace_file(out / kKeyringName, *text);
    store_files::replace_file(out / (std::string(kKeyringName) + ".minisig"), *signature);
    std::cout << "published " << (out / kKeyringName).string() << " and its signature\n";
    return 0;
}

int show(const Args& args, const std::string& file) {
    Keyring k = load(file);
    if (!args.all("--root").empty()) {
        std::vector<minisign::PublicKey> roots;
        for (const auto& pub : args.all("--root")) {
            const auto text = read_file(pub);
            if (!text) throw std::runtime_error("cannot read the root key " + pub);
            roots.push_back(minisign::parse_public_key(*text));
        }
        const auto signature = read_file(file + ".minisig");
        if (!signature) throw std::runtime_error("cannot read " + file + ".minisig. Fix: sign the keyring with kiosk-bundle keyring sign");
        try {
            k = verify_keyring(*read_file(file), *signature, roots);
        } catch (const KeyringError& e) {
            std::cerr << file << ": error: " << e.what() << "\n";
            return 1;
        }
        std::cout << "signature: verified with the root key\n";
    }
    std::cout << "version " << k.version << "\n";
    for (const auto& p : k.publishers) std::cout << "publisher " << minisign::key_id_hex(p.key.id) << " " << p.name << "\n";
    for (const auto& r : k.revoked) std::cout << "revoked   " << minisign::key_id_hex(r.id) << " " << r.name << "\n";
    if (k.reset_versions) std::cout << "kiosks forget versions above " << k.reset_versions << "\n";
    return 0;
}

}  // namespace

int keyring(const Words& words) {
    Args args(words, {}, {"--public", "--name", "--key-id", "--secret", "--password-file", "--root", "--out", "--above"});
    if (args.positional().size() != 2) throw UsageError("keyring takes an action (add, revoke, reset, sign, publish, show) and the keyring file");
    const std::string& action = args.positional()[0];
    const std::string& file = args.positional()[1];
    try {
        if (action == "add") return add(args, file);
        if (action == "revoke") return revoke(args, file);
        if (action == "reset") return reset(args, file);
        if (action == "sign") return sign_keyring(args, file);
        if (action == "publish") return publish_keyring(args, file);
        if (action == "show") return show(args, file);
    } catch (const store_files::IoError& e) {
        std::cerr << file << ": error: " << e.what() << ". Fix: check the folder's free space and permissions\n";
        return 1;
    }
    throw UsageError("unknown keyring action \"" + action + "\"");
}

}  // namespace content::cli
