#pragma once
// The folder `kiosk-bundle publish` writes and a plain static HTTP server serves to a fleet
// (the kiosks' --update-url points at it). Shared by the publisher and the updater.
//
//   DIR/v<version>/NAME (+ .minisig)   one folder per version, written whole before anything
//                                      points at it and never rewritten; the last few are kept
//   DIR/NAME                           the newest bundle, for people and hand-made servers
//   DIR/NAME.minisig                   the newest signature: the one pointer, replaced last
//
// A kiosk makes two requests, signature then bundle, and a publish can happen between them, so
// no order of renames could keep DIR/NAME and DIR/NAME.minisig matching for it. Instead the
// kiosk reads the version from the signature's trusted comment and fetches
// DIR/v<version>/NAME, which cannot change under it. A 404 there means the version was pruned
// while the kiosk was slow (the signature, asked again, has moved on: it follows it) or a folder
// that has only DIR/NAME, signed with `sign` and copied by hand (the signature has not moved).
#include <string>

namespace content::published_folder {

/// The name kiosks ask for unless configured otherwise (`bundle_name`, `--bundle-name`), and so
/// the name `publish` uses unless told (`--name`), whatever the bundle's file is called.
inline constexpr const char* kDefaultName = "torino.kbundle";

/// The versioned copy of a bundle, relative to the folder (and to the update URL): "v7/NAME".
inline std::string versioned_path(long long version, const std::string& name) {
    return "v" + std::to_string(version) + "/" + name;
}

}  // namespace content::published_folder
