#pragma once
// The keyring: the publishers whose bundles kiosks install. Each publisher signs with a key of
// their own; the keyring names them and is itself signed with the fleet's root key, which stays
// offline (as TUF's root delegates to its targets keys). Kiosks are given only the root key
// (`trust_root`): a keyring with a higher version adds, rotates or revokes publishers without
// touching a kiosk, and one with a lower version is refused, so an old keyring cannot bring a
// revoked key back.
//
//   # The publishers whose bundles the kiosks install (kiosk-bundle keyring).
//   version = 3
//   publisher = RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3 Anna Rossi
//   revoked = 2BD7D0B6C77306D1 Luca Verdi
//   reset_versions = 40                     optional: kiosks forget versions above 40 (below)
//
// Its signature (keyring.txt.minisig) has the trusted comment `kiosk-keyring version:3`, and
// the stock `minisign -V -p root.pub -m keyring.txt` verifies it.
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "content/delivery/minisign.hpp"

namespace content {

/// A keyring that cannot be read or does not verify: one line with what and the fix.
struct KeyringError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Publisher {
    minisign::PublicKey key;
    std::string name;
};

struct RevokedKey {
    minisign::KeyId id{};
    std::string name;
};

struct Keyring {
    long long version = 0;
    std::vector<Publisher> publishers;
    std::vector<RevokedKey> revoked;
    /// A way out of a fast-forward lock-out: a validly signed bundle with a version far too high
    /// (9000000) makes a kiosk refuse every lower one. A keyring with `reset_versions = 40`
    /// makes kiosks forget every version above 40 once (the store drops them), so version 41
    /// installs again. 0: none.
    long long reset_versions = 0;

    const Publisher* publisher(const minisign::KeyId& id) const;
    const RevokedKey* revocation(const minisign::KeyId& id) const;
};

/// The names the files have, in a published folder and on a USB stick.
inline constexpr const char* kKeyringName = "keyring.txt";
/// A keyring is a few lines a publisher; anything larger is refused unread.
inline constexpr std::uintmax_t kMaxKeyringBytes = 64 << 10;

/// Reads a keyring's text; throws KeyringError naming the line, the problem and the fix.
Keyring parse_keyring(std::string_view text);
std::string format_keyring(const Keyring& keyring);
/// `kiosk-keyring version:3`: what the root key signs, so the version cannot be changed unseen.
std::string keyring_comment(long long version);

/// Checks that one of `roots` signed `text` (a keyring file's bytes) with a trusted comment
/// naming the file's own version, and reads it. Throws KeyringError.
Keyring verify_keyring(std::string_view text, std::string_view signature, std::span<const minisign::PublicKey> roots);

/// The keys a kiosk trusts: those it was given (`trust`), and the keyring's publishers, less
/// every key the keyring revokes.
std::vector<minisign::PublicKey> trusted_keys(std::span<const minisign::PublicKey> given, const Keyring* keyring);

/// "Anna Rossi (key FD0BF94AF9D84524)" for a key id in hex, "key FD0B…" when the keyring does
/// not name it.
std::string signer_name(const std::string& key_id_hex, const Keyring* keyring);

}  // namespace content
