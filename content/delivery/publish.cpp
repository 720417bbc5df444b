#include "content/delivery/publish.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>

#include "content/delivery/keyring.hpp"
#include "content/delivery/published_folder.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/store.hpp"
#include "content/delivery/store_files.hpp"
#include "content/model/bundle.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/diagnostics.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;
using store_files::fsync_path;

namespace {

[[noreturn]] void refuse(const fs::path& file, const std::string& item, const std::string& problem, const std::string& fix) {
    throw PublishError(Diagnostic{Diagnostic::Severity::Error, file.string(), 0, item, problem, fix}.format());
}

// A BundleError's message names the file and often the fix; split it into our form's parts.
[[noreturn]] void refuse_unopenable(const fs::path& bundle, std::string message) {
    if (message.starts_with(bundle.string() + ": ")) message.erase(0, bundle.string().size() + 2);
    std::string fix = "build it again with `kiosk-bundle build SRC -o " + bundle.string() + "`";
    if (const auto at = message.find(". Fix: "); at != std::string::npos) {
        fix = message.substr(at + 7);
        message.erase(at);
    }
    refuse(bundle, "bundle", "cannot be published: " + message, fix);
}

Meta checked_meta(const PublishOptions& o) {
    Meta meta;
    try {
        meta = Bundle(o.bundle).meta();
    } catch (const BundleError& e) {
        refuse_unopenable(o.bundle, e.what());
    }
    // The trusted comment is split at white space: a channel with some could never verify. The
    // build refuses such a channel too; a bundle built before it did may still have one.
    if (!valid_channel(meta.channel))
        refuse(o.bundle, "channel", "\"" + meta.channel + "\" is not a channel kiosks can follow",
               "set channel in bundle.ini to one word, e.g. channel = torino, and build again");
    if (!parse_date(meta.expires))
        refuse(o.bundle, "expires", "\"" + meta.expires + "\" is not a date",
               "set expires in bundle.ini as YYYY-MM-DD, e.g. expires = 2027-12-31, and build again");
    if (!o.today.empty() && meta.expires < o.today)
        refuse(o.bundle, "expires", "the bundle expired on " + meta.expires + "; kiosks refuse it",
               "set expires in bundle.ini to a later date, raise version, and build again");
    return meta;
}

// What the folder serves now, from the signature kiosks read first: the one pointer.
std::optional<SignatureClaims> published_claims(const fs::path& pointer) {
    if (!fs::exists(pointer)) return std::nullopt;
    const auto text = read_file(pointer);
    const std::string fix = "restore the signature last published there, or remove it if no kiosk follows this folder yet";
    if (!text) refuse(pointer, "signature", "cannot be read", fix);
    SignatureClaims claims;
    try {
        claims = claims_of(minisign::parse_signature(*text));
    } catch (const minisign::Error& e) {
        refuse(pointer, "signature", std::string("is not a signature (") + e.what() + ")", fix);
    }
    if (!claims.version) refuse(pointer, "signature", "its trusted comment carries no version", fix);
    return claims;
}

// Version folders already in `out`: v<number>.
std::vector<long long> version_folders(const fs::path& out) {
    std::vector<long long> versions;
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        long long v = 0;
        if (name.size() < 2 || name[0] != 'v' || !entry.is_directory()) continue;
        const auto [end, ec] = std::from_chars(name.data() + 1, name.data() + name.size(), v);
        if (ec == std::errc() && end == name.data() + name.size() && v > 0) versions.push_back(v);
    }
    std::sort(versions.rbegin(), versions.rend());
    return versions;
}

void copy_durably(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) throw PublishError(to.string() + ": error: cannot write: " + ec.message() + ". Fix: check the folder's free space and permissions");
    fsync_path(to, false);
}

// Puts `text` at `path` by a rename: a reader gets the old file or the new one, whole.
void replace_durably(const fs::path& path, const std::string& text) {
    try {
        store_files::replace_file(path, text);
    } catch (const store_files::IoError& e) {
        throw PublishError(path.string() + ": error: " + e.what() + ". Fix: check the folder's free space and permissions");
    }
}

// `to` becomes the same file as `from` by a rename over it: a hard link where the filesystem
// has them (no second copy of a large bundle), else a copy.
void place_same_file(const fs::path& from, const fs::path& to) {
    const fs::path fresh = fs::path(to).concat(".new");
    std::error_code ec;
    fs::remove(fresh, ec);
    fs::create_hard_link(from, fresh, ec);
    if (ec) copy_durably(from, fresh);
    fs::rename(fresh, to, ec);
    if (ec) throw PublishError(to.string() + ": error: cannot replace it: " + ec.message() + ". Fix: check the folder's permissions");
}

minisign::PublicKey public_half(const minisign::SecretKey& key) {
    minisign::PublicKey pk;
    pk.id = key.id;
    std::copy_n(key.key.begin() + 32, 32, pk.key.begin());  // libsodium keeps it after the seed
    return pk;
}

// The names a folder serves: those with a signature beside them at its top level (the
// keyring's aside).
std::set<std::string> served_names(const fs::path& folder) {
    std::set<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.ends_with(".minisig") && file.size() > 8 && file != std::string(kKeyringName) + ".minisig")
            names.insert(file.substr(0, file.size() - 8));
    }
    return names;
}

// A bundle must say it was built on the version the folder serves now (bundle.ini based_on):
// one built on an older version would undo the changes published since, as a second editor's
// publish once silently did.
void check_based_on(const PublishOptions& o, const Meta& meta, long long current, const std::vector<PublishLogEntry>& log) {
    if (meta.based_on == current) return;
    const std::string now = std::to_string(current), next = std::to_string(current + 1);
    const auto entry = std::find_if(log.rbegin(), log.rend(), [&](const PublishLogEntry& e) { return e.version == current; });
    const std::string published = "version " + now + (entry != log.rend() ? " was published " + published_when_by(*entry) : " is published in " + o.out.string());
    if (meta.based_on == 0)
        refuse(o.bundle, "based_on", "the bundle does not say which version it was built on, and " + published +
                   ": publishing a bundle built on an older one would undo its changes",
               "if your edit started from version " + now + ", set based_on = " + now + " in bundle.ini, build and publish again");
    refuse(o.bundle, "based_on", published + ", after version " + std::to_string(meta.based_on) +
               " this bundle was built on: publishing it would undo that version's changes",
           "rebuild on top of version " + now + ": take its changes into your source, set based_on = " + now + " and version = " + next +
               " in bundle.ini, build and publish again");
}

// A folder with a keyring serves kiosks that trust its publishers only: the key must be one of
// them, not revoked; the log then names its publisher as the keyring does. Returns that name,
// `given` when the folder has no keyring.
std::string publisher_in_keyring(const PublishOptions& o, const minisign::SecretKey& key, const std::string& given) {
    const fs::path file = o.out / kKeyringName;
    const auto text = read_file(file);
    if (!text) return given;
    Keyring keyring;
    try {
        keyring = parse_keyring(*text);
    } catch (const KeyringError& e) {
        refuse(file, "keyring", e.what(), "publish the keyring again (kiosk-bundle keyring publish)");
    }
    const std::string id = minisign::key_id_hex(key.id);
    if (const auto* revoked = keyring.revocation(key.id))
        refuse(o.bundle, "key", "key " + id + " (" + revoked->name + ") is revoked in " + file.string() + ": kiosks refuse what it signs",
               "publish with your own current key");
    const auto* publisher = keyring.publisher(key.id);
    if (!publisher)
        refuse(o.bundle, "key", "key " + id + " is not in " + file.string() + ", so kiosks would refuse this bundle",
               "ask whoever keeps the root key to add it (kiosk-bundle keyring add), or publish with your key that is in it");
    return publisher->name;
}

// One publish at a time per folder: two would interleave their renames.
struct FolderLock {
    int fd;
    explicit FolderLock(const fs::path& out) : fd(::open((out / ".publish-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (fd < 0) throw PublishError(out.string() + ": error: cannot write in this folder. Fix: check its permissions");
        ::flock(fd, LOCK_EX);
    }
    ~FolderLock() { ::close(fd); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
};

}  // namespace

Published publish(const PublishOptions& o, const minisign::SecretKey& key) {
    // The name kiosks ask for, not the file's: out/torino-v5.kbundle was once published as
    // "torino-v5.kbundle", which no kiosk asks for.
    const std::string name = o.name.empty() ? published_folder::kDefaultName : o.name;
    Published result;
    result.meta = checked_meta(o);
    const Meta& meta = result.meta;
    const std::string v = std::to_string(meta.version);

    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec) refuse(o.out, "folder", "cannot be created: " + ec.message(), "give --out a folder you can write to");
    const FolderLock lock(o.out);
    const fs::path pointer = o.out / (name + ".minisig");
    if (const auto served = served_names(o.out); !served.empty() && !served.contains(name)) {
        const std::string first = *served.begin();
        refuse(o.bundle, "name", "the folder " + o.out.string() + " serves " + first + ", which its kiosks ask for; published as " + name +
                   " it would reach none of them",
               "publish with --name " + first + " (or without --name when that is " + published_folder::kDefaultName +
                   "); a bundle for other kiosks goes into a folder of its own");
    }
    const std::string publisher = publisher_in_keyring(o, key, o.publisher);
    const fs::path log_file = o.out / kPublishLogName;
    if (const auto now = published_claims(pointer)) {
        const std::string was = std::to_string(*now->version);
        const auto log = read_publish_log(log_file);
        // A stale base is named before the version, whose fix alone (raise it) would not do;
        // a missing base after it, so republishing the same bundle hears "not higher" first.
        if (meta.based_on != 0) check_based_on(o, meta, *now->version, log);
        if (meta.version <= *now->version)
            refuse(o.bundle, "version", "version " + v + " is not higher than version " + was + ", already published in " + o.out.string(),
                   "raise version in bundle.ini above " + was + ", build and publish again");
        check_based_on(o, meta, *now->version, log);
        if (!now->channel.empty() && now->channel != meta.channel)
            refuse(o.bundle, "channel", "the bundle is for channel " + meta.channel + " but " + o.out.string() + " serves channel " +
                   now->channel + ", whose kiosks would refuse it",
                   "publish into the folder of channel " + meta.channel + ", or set channel = " + now->channel + " in bundle.ini");
    }

    // 1. The version folder, complete and durable before anything points at it. The bundle is
    //    copied first and the copy is what gets signed, so a file rebuilt meanwhile cannot end up
    //    under another file's signature.
    const fs::path folder = o.out / ("v" + v);
    fs::create_directories(folder, ec);
    if (ec) refuse(folder, "folder", "cannot be created: " + ec.message(), "check the free space and permissions of " + o.out.string());
    const fs::path bundle = o.out / published_folder::versioned_path(meta.version, name);
    const fs::path incoming = fs::path(bundle).concat(".incoming");
    RemoveOnExit cleanup{{incoming}};
    copy_durably(o.bundle, incoming);
    try {
        const Meta copied = Bundle(incoming).meta();
        if (copied.version != meta.version || copied.channel != meta.channel || copied.expires != meta.expires)
            refuse(o.bundle, "bundle", "changed while it was being published", "publish again once it is built");
    } catch (const BundleError& e) {
        refuse_unopenable(o.bundle, e.what());
    }
    const std::string signature =
        minisign::format_signature(minisign::sign(minisign::hash_file(incoming), key, trusted_comment_for(meta)));
    fs::rename(incoming, bundle);
    replace_durably(fs::path(bundle).concat(".minisig"), signature);
    fsync_path(folder, true);
    fsync_path(o.out, true);
    result.written = {bundle, fs::path(bundle).concat(".minisig")};
    // What kiosks will check, checked here first: a refusal now changes nothing they read.
    const minisign::PublicKey public_key = public_half(key);
    try {
        result.key_id = verify_bundle(bundle, result.written[1], std::span(&public_key, 1)).key_id;
    } catch (const minisign::Error& e) {
        refuse(bundle, "signature", std::string("does not verify: ") + e.what(), "check the secret key and publish again");
    }

    // 2. The plain bundle, for people and hand-made setups, then 3. the pointer, each by one rename.
    place_same_file(bundle, o.out / name);
    fsync_path(o.out, true);
    replace_durably(pointer, signature);
    fsync_path(o.out, true);
    result.written.push_back(o.out / name);
    result.written.push_back(pointer);

    // The log, once kiosks can fetch the new version: it never names one they cannot.
    PublishLogEntry& entry = result.logged;
    entry.version = meta.version;
    entry.based_on = meta.based_on;
    entry.time = format_local_iso(o.now.value_or(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())));
    entry.publisher = publisher.empty() ? "(no name)" : publisher;
    entry.key_id = result.key_id;
    entry.changes = o.changes;
    entry.change_count = o.changes.size();
    replace_durably(log_file, read_file(log_file).value_or("") + format_log_entry(entry));
    fsync_path(o.out, true);

    // 4. Older version folders go, but not the last few: a kiosk that read an older pointer may
    //    still be fetching from one. Newer ones (a publish interrupted before its pointer) stay.
    for (const long long version : version_folders(o.out)) {
        if (version > meta.version) continue;
        if (static_cast<int>(result.kept.size()) < std::max(o.keep, 1)) {
            result.kept.push_back(version);
        } else {
            fs::remove_all(o.out / ("v" + std::to_string(version)), ec);
            if (!ec) result.pruned.push_back(o.out / ("v" + std::to_string(version)));
        }
    }
    return result;
}

}  // namespace content
