#pragma once
// minisign's key and signature formats (https://jedisct1.github.io/minisign/), implemented with
// libsodium, so content managers can sign with the stock `minisign` tool or with kiosk-bundle.
//
//   public key   "Ed" | key id (8) | Ed25519 public key (32)
//   secret key   "Ed" | kdf "Sc" or 0,0 | "B2" | salt (32) | opslimit (8, LE) | memlimit (8, LE)
//                | key id (8) | Ed25519 secret key (64) | BLAKE2b-256 checksum (32), these last
//                three XORed with an scrypt stream when the key has a password
//   signature    untrusted comment line, base64("ED" | key id | Ed25519 over BLAKE2b-512(file)),
//                "trusted comment: ..." line, base64(Ed25519 over signature | trusted comment)
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace content::minisign {

/// Every failure carries one line saying what is wrong, for logs and `kiosk-bundle verify`.
struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

using KeyId = std::array<std::uint8_t, 8>;
using Hash = std::array<std::uint8_t, 64>;  // BLAKE2b-512 of a file

/// minisign prints key ids as the hex of a little-endian 64-bit number: "FD0BF94AF9D84524".
std::string key_id_hex(const KeyId& id);

struct PublicKey {
    KeyId id{};
    std::array<std::uint8_t, 32> key{};
};

struct SecretKey {
    KeyId id{};
    std::array<std::uint8_t, 64> key{};  // libsodium's Ed25519 secret key (seed | public key)
    ~SecretKey();
};

struct Signature {
    bool prehashed = true;  // "ED"; false for the legacy "Ed" form, which we refuse to verify
    KeyId id{};
    std::array<std::uint8_t, 64> signature{};
    std::string trusted_comment;
    std::array<std::uint8_t, 64> global_signature{};
};

/// A public key from a minisign .pub file's text, or from its bare base64 line.
PublicKey parse_public_key(std::string_view text);
std::string format_public_key(const PublicKey& key);

/// `password` is needed when the key file is encrypted (kdf "Sc").
SecretKey parse_secret_key(std::string_view text, const std::optional<std::string>& password);
/// Whether the key needs a password, from its key derivation bytes: the stock tool writes
/// "encrypted secret key" in the comment of a key made without one (-W) too.
bool secret_key_has_password(std::string_view text);
/// Encrypts with scrypt when `password` is given, with minisign's own default cost.
std::string format_secret_key(const SecretKey& key, const std::optional<std::string>& password);

std::pair<PublicKey, SecretKey> generate_key_pair();

Signature parse_signature(std::string_view text);
std::string format_signature(const Signature& signature);

/// BLAKE2b-512 of a file, streamed. Throws when the file cannot be read, or when `stop` (asked
/// every MiB) says to stop: a large bundle must not hold a kiosk that is stopping.
Hash hash_file(const std::filesystem::path& path, const std::function<bool()>& stop = {});

/// The same for a file's bytes already in memory (a keyring).
Hash hash_bytes(std::string_view data);

Signature sign(const Hash& file_hash, const SecretKey& key, const std::string& trusted_comment);

/// Checks `signature` against a file hash and the trusted keys; returns the key that signed.
/// Throws Error with the reason: legacy signature, unknown key id, file or comment mismatch.
const PublicKey& verify(const Hash& file_hash, const Signature& signature, std::span<const PublicKey> trusted);
/// Checks only that a trusted key signed the trusted comment (the global signature), which
/// needs no file: enough to believe its claims before deciding to fetch the file.
const PublicKey& verify_comment(const Signature& signature, std::span<const PublicKey> trusted);

}  // namespace content::minisign
