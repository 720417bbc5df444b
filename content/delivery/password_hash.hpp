#pragma once
// Secrets checked but never kept: libsodium's crypto_pwhash_str (Argon2id with a random salt,
// the parameters in the string), so a copied SD card or console database gives nothing away; and
// the random tokens of the console's sessions. Here, beside the signatures, because this folder
// is the one user of libsodium.
#include <optional>
#include <string>

namespace content {

/// The hash of `secret` as crypto_pwhash_str writes it; none when libsodium has not the memory.
std::optional<std::string> hash_password(const std::string& secret);

/// True when `secret` is the one `hash` was made from.
bool password_matches(const std::string& hash, const std::string& secret);

/// 32 random bytes from the system's generator, as 64 hex digits: a session, a CSRF or a
/// kiosk's report token.
std::string random_token();

/// What is kept of a token: its BLAKE2b-256 digest, in hex, so a copied database opens no session.
std::string token_digest(const std::string& token);

/// `a == b` in a time that does not depend on where they differ (tokens compared this way give
/// nothing away by timing).
bool same_secret(const std::string& a, const std::string& b);

}  // namespace content
