// Fuzzes the minisign key readers (content/delivery/minisign.cpp): the public key files a kiosk
// trusts (`trust` in its configuration, `--trust`) and the secret key files kiosk-bundle signs
// with. A key that reads must write back to the same key. Password-protected secret keys are
// read up to the password only: their scrypt cost is the file's own, minutes per input.
#include "content/delivery/minisign.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace ms = content::minisign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    try {
        const ms::PublicKey key = ms::parse_public_key(text);
        const ms::PublicKey again = ms::parse_public_key(ms::format_public_key(key));
        fuzz::require(again.id == key.id && again.key == key.key);
    } catch (const ms::Error&) {
    }
    try {
        const bool has_password = ms::secret_key_has_password(text);
        const ms::SecretKey key = ms::parse_secret_key(text, std::nullopt);
        fuzz::require(!has_password);
        const ms::SecretKey again = ms::parse_secret_key(ms::format_secret_key(key, std::nullopt), std::nullopt);
        fuzz::require(again.id == key.id && again.key == key.key);
    } catch (const ms::Error&) {
    }
    return 0;
}
