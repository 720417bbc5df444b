// Fuzzes the keyring reader (content/delivery/keyring.cpp) as a kiosk meets it: keyring.txt
// from an update server or a USB stick, read, written back, and checked against a root key,
// which a keyring signed without that key's secret never passes. A keyring that reads must
// write back to one that reads the same.
#include "content/delivery/keyring.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace ms = content::minisign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto root = ms::generate_key_pair();
    const std::string text(fuzz::text_of(data, size));
    try {
        const content::Keyring k = content::parse_keyring(text);
        const content::Keyring again = content::parse_keyring(content::format_keyring(k));
        fuzz::require(again.version == k.version && again.publishers.size() == k.publishers.size() && again.revoked.size() == k.revoked.size());
        for (size_t i = 0; i < k.publishers.size(); ++i)
            fuzz::require(again.publishers[i].key.id == k.publishers[i].key.id && again.publishers[i].key.key == k.publishers[i].key.key &&
                          again.publishers[i].name == k.publishers[i].name);
        for (const auto& r : k.revoked) fuzz::require(again.revocation(r.id) != nullptr && k.publisher(r.id) == nullptr);
        // A signature of the text by the root verifies; the same signature over other text does not.
        const std::string signature = ms::format_signature(ms::sign(ms::hash_bytes(text), root.second, content::keyring_comment(k.version)));
        fuzz::require(content::verify_keyring(text, signature, std::span(&root.first, 1)).version == k.version);
        try {
            (void)content::verify_keyring(text + "\n# changed", signature, std::span(&root.first, 1));
            fuzz::require(false);
        } catch (const content::KeyringError&) {
        }
    } catch (const content::KeyringError&) {
    }
    return 0;
}
