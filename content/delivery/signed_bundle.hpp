#pragma once
// A bundle and its detached minisign signature, checked together. The signature is checked
// before the SQLite file is opened at all (an unverified database is untrusted input), then
// the trusted comment must carry exactly the version, channel and expiry inside the bundle, so
// one bundle's signature cannot vouch for another's claims.
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "content/delivery/minisign.hpp"
#include "content/model/model.hpp"

namespace content {

/// The trusted comment a bundle is signed with: `kiosk-bundle version:7 channel:stable expires:2027-11-23`.
std::string trusted_comment_for(const Meta& meta);

/// What a signature's trusted comment claims, unverified: only to choose which file to fetch or
/// what to compare with, never to trust.
struct SignatureClaims {
    std::optional<long long> version;  // none unless a whole number above 0
    std::string channel, expires;      // empty when missing
};
SignatureClaims claims_of(const minisign::Signature& signature);

struct VerifiedBundle {
    Meta meta;
    std::string key_id;  // minisign's hex form
};

/// Verifies `bundle` with the signature in `signature_file` against `trusted` keys.
/// Throws minisign::Error with a one-line reason when anything does not hold, or when `stop`
/// says to stop while the bundle is read.
VerifiedBundle verify_bundle(const std::filesystem::path& bundle, const std::filesystem::path& signature_file,
                             std::span<const minisign::PublicKey> trusted, const std::function<bool()>& stop = {});

/// Signature files are tiny; anything larger than this is refused unread.
inline constexpr std::uintmax_t kMaxSignatureBytes = 4096;

}  // namespace content
