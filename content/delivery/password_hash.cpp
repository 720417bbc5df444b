#include "content/delivery/password_hash.hpp"

#include <sodium.h>

#include <stdexcept>

namespace content {

std::optional<std::string> hash_password(const std::string& secret) {
    char out[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 || crypto_pwhash_str(out, secret.c_str(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                               crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::nullopt;
    return std::string(out);
}

bool password_matches(const std::string& hash, const std::string& secret) {
    return !hash.empty() && sodium_init() >= 0 && crypto_pwhash_str_verify(hash.c_str(), secret.c_str(), secret.size()) == 0;
}

std::string random_token() {
    unsigned char bytes[32];
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::string token_digest(const std::string& token) {
    unsigned char digest[32];
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_init() >= 0 && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace content
