#pragma once
// Publishing a bundle to the folder a static HTTP server serves to a fleet (layout and why in
// published_folder.hpp): signed, written version folder first and the signature last, so a
// kiosk polling meanwhile gets either the old pair or the new one, never one of each.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/delivery/minisign.hpp"
#include "content/delivery/publish_log.hpp"
#include "content/hours/time_zone.hpp"
#include "content/model/model.hpp"

namespace content {

/// A refusal, in the project's form: `file: error: item: problem. Fix: what to do`.
struct PublishError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct PublishOptions {
    std::filesystem::path bundle;
    std::filesystem::path out;  // the folder the server serves; created when missing
    std::string name;           // the file name kiosks ask for (--bundle-name); empty: published_folder::kDefaultName
    std::string today;          // YYYY-MM-DD: a bundle expired by then is refused
    int keep = 3;               // version folders kept, the new one included
    std::string publisher;      // who publishes, for the log where the folder has no keyring (which names them); empty: "(no name)"
    std::vector<std::string> changes;  // what changed since the version before (kiosk-bundle diff's lines), for the log
    std::optional<Instant> now;        // when, for the log; none: the system's clock
};

struct Published {
    Meta meta;
    std::string key_id;
    std::vector<std::filesystem::path> written;  // in the order they were put in place
    std::vector<std::filesystem::path> pruned;   // version folders removed
    std::vector<long long> kept;                 // versions still served from their folders
    PublishLogEntry logged;                      // what the publish log now says of it
};

/// Signs `options.bundle` with `key` and publishes it, adding it to the folder's publish log.
/// Refuses, changing nothing that kiosks read, a bundle that does not open, has no usable
/// channel, has expired, is for another channel than the folder serves, was built on another
/// version than the one published there (it would undo that one's changes), is not newer than
/// it, is signed with a key the folder's keyring does not name or revokes, or would be
/// published under another name than the one the folder already serves (no kiosk would ask).
Published publish(const PublishOptions& options, const minisign::SecretKey& key);

}  // namespace content
