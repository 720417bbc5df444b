#include "content/delivery/minisign.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

namespace content::minisign {

namespace {

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr size_t kSecretPayload = 8 + 64 + 32;  // key id | secret key | checksum
constexpr size_t kSecretSize = 2 + 2 + 2 + 32 + 8 + 8 + kSecretPayload;

void init_sodium() {
    if (sodium_init() < 0) throw Error("libsodium could not be initialised");
}

std::vector<std::uint8_t> from_base64(std::string_view text, size_t expected, const char* what) {
    std::vector<std::uint8_t> out(expected + 1);
    size_t len = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != expected)
        throw Error(std::string("not a minisign ") + what + " (its base64 line is damaged or of the wrong length)");
    out.resize(len);
    return out;
}

std::string to_base64(const std::uint8_t* data, size_t len) {
    std::string out(sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, len, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// The lines of a text file, without line ends ("\r\n" too).
std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(pos, end - pos));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        pos = end + 1;
    }
    return lines;
}

std::uint64_t load_le64(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

void store_le64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// BLAKE2b-256 over algorithm, key id and secret key: detects a wrong password.
std::array<std::uint8_t, 32> checksum(const SecretKey& key) {
    std::array<std::uint8_t, 32> out{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, out.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("Ed"), 2);
    crypto_generichash_update(&state, key.id.data(), key.id.size());
    crypto_generichash_update(&state, key.key.data(), key.key.size());
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

void xor_with_scrypt(std::uint8_t* payload, const std::string& password, const std::uint8_t* salt, std::uint64_t ops,
                     std::uint64_t mem) {
    std::array<std::uint8_t, kSecretPayload> stream{};
    if (crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), password.data(), password.size(), salt, ops,
                                           static_cast<size_t>(mem)) != 0)
        throw Error("not enough memory to derive the key from the password");
    for (size_t i = 0; i < stream.size(); ++i) payload[i] ^= stream[i];
    sodium_memzero(stream.data(), stream.size());
}

// Splits a key or signature file into its base64 line, checking the comment line before it.
std::string base64_line(std::string_view text, const char* what) {
    const auto lines = lines_of(text);
    if (lines.size() == 1 && !lines[0].starts_with(kUntrustedPrefix)) return lines[0];  // bare base64
    if (lines.size() < 2 || !lines[0].starts_with(kUntrustedPrefix))
        throw Error(std::string("not a minisign ") + what + " (the first line must start with \"untrusted comment: \")");
    return lines[1];
}

}  // namespace

std::string key_id_hex(const KeyId& id) {
    char out[17];
    std::snprintf(out, sizeof out, "%016llX", static_cast<unsigned long long>(load_le64(id.data())));
    return out;
}

SecretKey::~SecretKey() { sodium_memzero(key.data(), key.size()); }

PublicKey parse_public_key(std::string_view text) {
    init_sodium();
    const auto raw = from_base64(base64_line(text, "public key"), 2 + 8 + 32, "public key");
    if (raw[0] != 'E' || raw[1] != 'd') throw Error("unsupported public key algorithm (minisign keys start with \"Ed\")");
    PublicKey key;
    std::copy_n(raw.begin() + 2, 8, key.id.begin());
    std::copy_n(raw.begin() + 10, 32, key.key.begin());
    return key;
}

std::string format_public_key(const PublicKey& key) {
    init_sodium();
    std::array<std::uint8_t, 42> raw{'E', 'd'};
    std::copy(key.id.begin(), key.id.end(), raw.begin() + 2);
    std::copy(key.key.begin(), key.key.end(), raw.begin() + 10);
    return std::string(kUntrustedPrefix) + "minisign public key " + key_id_hex(key.id) + "\n" +
           to_base64(raw.data(), raw.size()) + "\n";
}

bool secret_key_has_password(std::string_view text) {
    auto raw = from_base64(base64_line(text, "secret key"), kSecretSize, "secret key");
    const bool has_password = raw[2] == 'S' && raw[3] == 'c';
    sodium_memzero(raw.data(), raw.size());  // the key itself is in there too, maybe unencrypted
    return has_password;
}

SecretKey parse_secret_key(std::string_view text, const std::optional<std::string>& password) {
    init_sodium();
    auto raw = from_base64(base64_line(text, "secret key"), kSecretSize, "secret key");
    if (raw[0] != 'E' || raw[1] != 'd') throw Error("unsupported secret key algorithm");
    if (raw[4] != 'B' || raw[5] != '2') throw Error("unsupported secret key checksum algorithm");
    const bool encrypted = raw[2] == 'S' && raw[3] == 'c';
    if (!encrypted && (raw[2] != 0 || raw[3] != 0)) throw Error("unsupported key derivation function in the secret key");
    std::uint8_t* payload = raw.data() + 54;
    if (encrypted) {
        if (!password) throw Error("the secret key is protected by a password; give it (--password-file FILE or at the prompt)");
        xor_with_scrypt(payload, *password, raw.data() + 6, load_le64(raw.data() + 38), load_le64(raw.data() + 46));
    }
    SecretKey key;
    std::copy_n(payload, 8, key.id.begin());
    std::copy_n(payload + 8, 64, key.key.begin());
    const auto expected = checksum(key);
    const bool all_zero = std::all_of(payload + 72, payload + 104, [](std::uint8_t b) { return b == 0; });
    // minisign 0.11 writes an all-zero checksum into keys made without a password (-W).
    const bool valid = sodium_memcmp(expected.data(), payload + 72, 32) == 0 || (!encrypted && all_zero);
    sodium_memzero(raw.data(), raw.size());
    if (!valid) throw Error(encrypted ? "wrong password for this secret key" : "the secret key is damaged (its checksum does not match)");
    return key;
}

std::string format_secret_key(const SecretKey& key, const std::optional<std::string>& password) {
    init_sodium();
    std::array<std::uint8_t, kSecretSize> raw{};
    raw[0] = 'E';
    raw[1] = 'd';
    raw[4] = 'B';
    raw[5] = '2';
    std::uint8_t* payload = raw.data() + 54;
    std::copy(key.id.begin(), key.id.end(), payload);
    std::copy(key.key.begin(), key.key.end(), payload + 8);
    const auto chk = checksum(key);
    std::copy(chk.begin(), chk.end(), payload + 72);
    if (password) {
        raw[2] = 'S';
        raw[3] = 'c';
        randombytes_buf(raw.data() + 6, 32);
        // minisign's own cost: scrypt with libsodium's "sensitive" limits (1 GiB).
        const std::uint64_t ops = crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_SENSITIVE;
        const std::uint64_t mem = crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_SENSITIVE;
        store_le64(raw.data() + 38, ops);
        store_le64(raw.data() + 46, mem);
        xor_with_scrypt(payload, *password, raw.data() + 6, ops, mem);
    }
    std::string out = std::string(kUntrustedPrefix) + (password ? "minisign encrypted secret key" : "minisign secret key, no password") +
                      "\n" + to_base64(raw.data(), raw.size()) + "\n";
    sodium_memzero(raw.data(), raw.size());
    return out;
}

std::pair<PublicKey, SecretKey> generate_key_pair() {
    init_sodium();
    PublicKey pk;
    SecretKey sk;
    crypto_sign_keypair(pk.key.data(), sk.key.data());
    randombytes_buf(pk.id.data(), pk.id.size());
    sk.id = pk.id;
    return {pk, sk};
}

Signature parse_signature(std::string_view text) {
    init_sodium();
    const auto lines = lines_of(text);
    if (lines.empty() || !lines[0].starts_with(kUntrustedPrefix))
        throw Error("not a minisign signature (the first line must start with \"untrusted comment: \")");
    if (lines.size() < 4) throw Error("the signature is cut short (it needs 4 lines, it has " + std::to_string(lines.size()) + ")");
    const auto raw = from_base64(lines[1], 2 + 8 + 64, "signature");
    Signature sig;
    if (raw[0] == 'E' && raw[1] == 'D') sig.prehashed = true;
    else if (raw[0] == 'E' && raw[1] == 'd') sig.prehashed = false;
    else throw Error("unsupported signature algorithm");
    std::copy_n(raw.begin() + 2, 8, sig.id.begin());
    std::copy_n(raw.begin() + 10, 64, sig.signature.begin());
    if (!lines[2].starts_with(kTrustedPrefix)) throw Error("the third line of the signature must start with \"trusted comment: \"");
    // sign() refuses such a comment, and the stock minisign reads the line only up to it.
    if (lines[2].find('\r') != std::string::npos)
        throw Error("the signature's trusted comment has a carriage return inside it; a trusted comment is one line: sign again");
    sig.trusted_comment = lines[2].substr(kTrustedPrefix.size());
    const auto global = from_base64(lines[3], 64, "signature's comment signature");
    std::copy(global.begin(), global.end(), sig.global_signature.begin());
    return sig;
}

std::string format_signature(const Signature& sig) {
    init_sodium();
    std::array<std::uint8_t, 74> raw{'E', sig.prehashed ? std::uint8_t('D') : std::uint8_t('d')};
    std::copy(sig.id.begin(), sig.id.end(), raw.begin() + 2);
    std::copy(sig.signature.begin(), sig.signature.end(), raw.begin() + 10);
    return std::string(kUntrustedPrefix) + "signature from kiosk-bundle secret key " + key_id_hex(sig.id) + "\n" +
           to_base64(raw.data(), raw.size()) + "\n" + std::string(kTrustedPrefix) + sig.trusted_comment + "\n" +
           to_base64(sig.global_signature.data(), sig.global_signature.size()) + "\n";
}

Hash hash_file(const std::filesystem::path& path, const std::function<bool()>& stop) {
    init_sodium();
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw Error("cannot read " + path.string());
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES_MAX);
    std::vector<unsigned char> buffer(1 << 20);
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
        if (stop && stop()) throw Error("stopped while reading " + path.string());
        crypto_generichash_update(&state, buffer.data(), n);
    }
    if (std::ferror(file.get())) throw Error("error while reading " + path.string());
    Hash hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

Hash hash_bytes(std::string_view data) {
    init_sodium();
    Hash hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
    return hash;
}

Signature sign(const Hash& file_hash, const SecretKey& key, const std::string& trusted_comment) {
    init_sodium();
    if (trusted_comment.find_first_of("\r\n") != std::string::npos) throw Error("a trusted comment must be one line");
    Signature sig;
    sig.id = key.id;
    crypto_sign_detached(sig.signature.data(), nullptr, file_hash.data(), file_hash.size(), key.key.data());
    sig.trusted_comment = trusted_comment;
    std::vector<std::uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), trusted_comment.begin(), trusted_comment.end());
    crypto_sign_detached(sig.global_signature.data(), nullptr, global.data(), global.size(), key.key.data());
    return sig;
}

namespace {

const PublicKey& trusted_key(const Signature& sig, std::span<const PublicKey> trusted) {
    init_sodium();
    if (!sig.prehashed)
        throw Error("legacy signature (algorithm \"Ed\", not prehashed) refused; sign again with a current minisign or kiosk-bundle");
    const auto key = std::find_if(trusted.begin(), trusted.end(), [&](const PublicKey& k) { return k.id == sig.id; });
    if (key == trusted.end()) throw Error("signed by key " + key_id_hex(sig.id) + ", which this kiosk does not trust");
    return *key;
}

}  // namespace

const PublicKey& verify_comment(const Signature& sig, std::span<const PublicKey> trusted) {
    const PublicKey& key = trusted_key(sig, trusted);
    std::vector<std::uint8_t> global(sig.signature.begin(), sig.signature.end());
    global.insert(global.end(), sig.trusted_comment.begin(), sig.trusted_comment.end());
    if (crypto_sign_verify_detached(sig.global_signature.data(), global.data(), global.size(), key.key.data()) != 0)
        throw Error("the trusted comment was changed after signing");
    return key;
}

const PublicKey& verify(const Hash& file_hash, const Signature& sig, std::span<const PublicKey> trusted) {
    const PublicKey& key = trusted_key(sig, trusted);
    if (crypto_sign_verify_detached(sig.signature.data(), file_hash.data(), file_hash.size(), key.key.data()) != 0)
        throw Error("the signature does not match the file (the file was changed or damaged after signing)");
    return verify_comment(sig, trusted);
}

}  // namespace content::minisign
