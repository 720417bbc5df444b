#pragma once
// Secrets a kiosk checks but never keeps: libsodium's crypto_pwhash_str (Argon2id with a random
// salt, the parameters in the string), so a copied SD card gives nothing away. Here, beside the
// signatures, because this folder is the one user of libsodium.
#include <optional>
#include <string>

namespace content {

/// The hash of `secret` as crypto_pwhash_str writes it; none when libsodium has not the memory.
std::optional<std::string> hash_password(const std::string& secret);

/// True when `secret` is the one `hash` was made from.
bool password_matches(const std::string& hash, const std::string& secret);

}  // namespace content
