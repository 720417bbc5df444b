// Fuzzes the reading of a signature's trusted comment (content/delivery/signed_bundle.cpp,
// claims_of): the updater and `kiosk-bundle publish` take the version, channel and expiry a
// signature claims from it, before anything is verified.
#include "content/delivery/signed_bundle.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace content;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    minisign::Signature sig;
    sig.trusted_comment = std::string(fuzz::text_of(data, size));
    const SignatureClaims claims = claims_of(sig);
    if (claims.version) fuzz::require(*claims.version > 0);
    // What a bundle is signed with reads back as what it says.
    Meta meta;
    meta.version = claims.version.value_or(1);
    meta.channel = claims.channel.empty() ? "stable" : claims.channel;
    meta.expires = claims.expires.empty() ? "2027-11-23" : claims.expires;
    if (meta.channel.find_first_of(" \t\n\v\f\r") == std::string::npos && meta.expires.find_first_of(" \t\n\v\f\r") == std::string::npos) {
        sig.trusted_comment = trusted_comment_for(meta);
        const SignatureClaims back = claims_of(sig);
        fuzz::require(back.version == meta.version && back.channel == meta.channel && back.expires == meta.expires);
    }
    return 0;
}
