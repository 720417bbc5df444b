#include "content/delivery/password_hash.hpp"

#include <sodium.h>

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

}  // namespace content
