#include "content/delivery/keyring.hpp"

#include <algorithm>
#include <charconv>

#include "content/text/text_files.hpp"

namespace content {

namespace {

constexpr std::string_view kCommentPrefix = "kiosk-keyring version:";

[[noreturn]] void refuse(int line, const std::string& problem, const std::string& fix) {
    throw KeyringError((line ? "line " + std::to_string(line) + ": " : std::string()) + problem + ". Fix: " + fix);
}

// "2BD7D0B6C77306D1", as minisign prints key ids.
std::optional<minisign::KeyId> key_id_from_hex(std::string_view hex) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), n, 16);
    if (hex.size() != 16 || ec != std::errc() || end != hex.data() + hex.size()) return std::nullopt;
    minisign::KeyId id{};
    for (size_t i = 0; i < 8; ++i) id[i] = std::uint8_t(n >> (8 * i));  // little-endian, as key_id_hex reads it
    return id;
}

// `WORD rest of the line`: the key (or id) and the person's name.
std::pair<std::string, std::string> key_and_name(const std::string& value) {
    const size_t space = value.find(' ');
    if (space == std::string::npos) return {value, ""};
    return {value.substr(0, space), trim(value.substr(space + 1))};
}

}  // namespace

const Publisher* Keyring::publisher(const minisign::KeyId& id) const {
    const auto it = std::find_if(publishers.begin(), publishers.end(), [&](const Publisher& p) { return p.key.id == id; });
    return it == publishers.end() ? nullptr : &*it;
}

const RevokedKey* Keyring::revocation(const minisign::KeyId& id) const {
    const auto it = std::find_if(revoked.begin(), revoked.end(), [&](const RevokedKey& r) { return r.id == id; });
    return it == revoked.end() ? nullptr : &*it;
}

Keyring parse_keyring(std::string_view text) {
    const auto kv = parse_key_values(text);
    if (!kv.malformed_lines.empty())
        refuse(kv.malformed_lines.front(), "this line is not key = value", "write version = N, publisher = KEY NAME or revoked = KEYID NAME");
    Keyring k;
    for (const auto& e : kv.entries) {
        if (e.key == "version") {
            const auto [end, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), k.version);
            if (ec != std::errc() || end != e.value.data() + e.value.size() || k.version <= 0)
                refuse(e.line, "version \"" + e.value + "\" is not a whole number above 0", "write version = 1, and raise it at every change");
        } else if (e.key == "publisher") {
            const auto [key, name] = key_and_name(e.value);
            Publisher p;
            try {
                p.key = minisign::parse_public_key(key);
            } catch (const minisign::Error& error) {
                refuse(e.line, "\"" + key + "\" is not a minisign public key (" + error.what() + ")",
                       "copy the second line of the publisher's .pub file, then their name");
            }
            p.name = name;
            if (p.name.empty()) refuse(e.line, "the publisher has no name", "write the person's name after the key, as the publish log shows it");
            if (k.publisher(p.key.id)) refuse(e.line, "key " + minisign::key_id_hex(p.key.id) + " is listed twice", "keep one line for it");
            k.publishers.push_back(std::move(p));
        } else if (e.key == "reset_versions") {
            const auto [end, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), k.reset_versions);
            if (ec != std::errc() || end != e.value.data() + e.value.size() || k.reset_versions <= 0)
                refuse(e.line, "reset_versions \"" + e.value + "\" is not a whole number above 0",
                       "write the last good version, e.g. reset_versions = 40: kiosks forget the versions above it");
        } else if (e.key == "revoked") {
            const auto [hex, name] = key_and_name(e.value);
            const auto id = key_id_from_hex(hex);
            if (!id) refuse(e.line, "\"" + hex + "\" is not a key id", "write the 16 hexadecimal digits minisign shows, e.g. revoked = 2BD7D0B6C77306D1 Luca Verdi");
            k.revoked.push_back({*id, name});
        } else {
            refuse(e.line, "unknown key \"" + e.key + "\"", "use version, publisher, revoked or reset_versions");
        }
    }
    if (k.version == 0) refuse(0, "the keyring has no version", "add a line: version = 1");
    for (const auto& r : k.revoked)
        if (k.publisher(r.id))
            refuse(0, "key " + minisign::key_id_hex(r.id) + " is both a publisher and revoked", "delete its publisher line: a revoked key stays revoked");
    return k;
}

std::string format_keyring(const Keyring& k) {
    std::string out = "# The publishers whose bundles the kiosks install (kiosk-bundle keyring). Signed with the fleet's root key.\n";
    out += "version = " + std::to_string(k.version) + "\n";
    for (const auto& p : k.publishers) {
        const std::string pub = minisign::format_public_key(p.key);  // its comment line, then the key's
        const size_t key_line = pub.find('\n') + 1;
        out += "publisher = " + pub.substr(key_line, pub.size() - key_line - 1) + " " + p.name + "\n";
    }
    for (const auto& r : k.revoked) out += "revoked = " + minisign::key_id_hex(r.id) + " " + r.name + "\n";
    if (k.reset_versions) out += "reset_versions = " + std::to_string(k.reset_versions) + "\n";
    return out;
}

std::string keyring_comment(long long version) { return std::string(kCommentPrefix) + std::to_string(version); }

Keyring verify_keyring(std::string_view text, std::string_view signature_text, std::span<const minisign::PublicKey> roots) {
    try {
        const minisign::Signature signature = minisign::parse_signature(signature_text);
        minisign::verify(minisign::hash_bytes(text), signature, roots);
        Keyring k = parse_keyring(text);
        if (signature.trusted_comment != keyring_comment(k.version))
            throw KeyringError("its signature is for \"" + signature.trusted_comment + "\", not \"" + keyring_comment(k.version) +
                               "\". Fix: sign it with kiosk-bundle keyring sign");
        return k;
    } catch (const minisign::Error& e) {
        throw KeyringError(std::string("its signature does not verify with the root key: ") + e.what() +
                           ". Fix: sign it with the fleet's root key (kiosk-bundle keyring sign)");
    }
}

std::vector<minisign::PublicKey> trusted_keys(std::span<const minisign::PublicKey> given, const Keyring* keyring) {
    std::vector<minisign::PublicKey> out;
    const auto add = [&](const minisign::PublicKey& key) {
        if (keyring && keyring->revocation(key.id)) return;
        if (std::none_of(out.begin(), out.end(), [&](const minisign::PublicKey& k) { return k.id == key.id; })) out.push_back(key);
    };
    for (const auto& key : given) add(key);
    if (keyring)
        for (const auto& p : keyring->publishers) add(p.key);
    return out;
}

std::string signer_name(const std::string& key_id_hex, const Keyring* keyring) {
    if (keyring)
        for (const auto& p : keyring->publishers)
            if (minisign::key_id_hex(p.key.id) == key_id_hex) return p.name + " (key " + key_id_hex + ")";
    return "key " + key_id_hex;
}

}  // namespace content
