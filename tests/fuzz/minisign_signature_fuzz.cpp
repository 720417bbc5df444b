// Fuzzes the minisign signature reader (content/delivery/minisign.cpp) as a kiosk meets it: a
// .minisig from an update server or a USB stick, read, its trusted comment's claims taken to
// choose what to fetch, then checked against a trusted key, which a signature made without that
// key's secret never passes. A signature that reads must write back to the same signature.
#include <array>

#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace ms = content::minisign;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto trusted = ms::generate_key_pair().first;
    try {
        const ms::Signature sig = ms::parse_signature(fuzz::text_of(data, size));
        (void)content::claims_of(sig);
        const ms::Signature again = ms::parse_signature(ms::format_signature(sig));
        fuzz::require(again.prehashed == sig.prehashed && again.id == sig.id && again.signature == sig.signature &&
                      again.trusted_comment == sig.trusted_comment && again.global_signature == sig.global_signature);
        const ms::Hash file_hash{};
        try {
            (void)ms::verify(file_hash, sig, std::span(&trusted, 1));
            fuzz::require(false);  // forged
        } catch (const ms::Error&) {
        }
    } catch (const ms::Error&) {
    }
    return 0;
}
