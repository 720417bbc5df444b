// The store's keyring (store.hpp, keyring.hpp): one file, STORE/keyring, holding the signature
// and then the text, so that a power cut leaves the old pair or the new one, never a mix.
#include <algorithm>
#include <string>

#include "content/delivery/store.hpp"
#include "content/delivery/store_files.hpp"
#include "content/text/text_files.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

constexpr int kSignatureLines = 4;  // minisign's: untrusted comment, signature, trusted comment, global signature

// The signature and the text of a stored keyring; nullopt when the file is not one.
std::optional<std::pair<std::string, std::string>> split_stored(const std::string& stored) {
    size_t at = 0;
    for (int i = 0; i < kSignatureLines; ++i) {
        at = stored.find('\n', at);
        if (at == std::string::npos) return std::nullopt;
        ++at;
    }
    return std::make_pair(stored.substr(0, at), stored.substr(at));
}

}  // namespace

std::optional<Keyring> Store::keyring(std::span<const minisign::PublicKey> roots, std::string* problem) const {
    const auto stored = read_file(dir_ / "keyring");
    if (!stored) return std::nullopt;
    const auto parts = split_stored(*stored);
    try {
        if (!parts) throw KeyringError("it is not a signature followed by a keyring");
        return verify_keyring(parts->second, parts->first, roots);
    } catch (const KeyringError& e) {
        if (problem) *problem = (dir_ / "keyring").string() + ": " + e.what();
        return std::nullopt;
    }
}

Store::KeyringInstall Store::install_keyring(std::string_view text, std::string_view signature, std::span<const minisign::PublicKey> roots) {
    KeyringInstall result;
    const Lock held = lock();
    if (!held) {
        result.line = "keyring not taken: " + held.problem;
        return result;
    }
    Keyring incoming;
    try {
        incoming = verify_keyring(text, signature, roots);
    } catch (const KeyringError& e) {
        result.line = std::string("keyring refused: ") + e.what();
        return result;
    }
    std::string signature_text(signature);
    if (!signature_text.ends_with('\n')) signature_text += '\n';
    const auto installed = keyring(roots);
    if (installed) {
        const std::string v = std::to_string(incoming.version), was = std::to_string(installed->version);
        if (incoming.version < installed->version) {
            result.line = "keyring refused: version " + v + " is older than the installed version " + was +
                          " (an old keyring could bring revoked keys back). Fix: publish the newest keyring";
            return result;
        }
        if (incoming.version == installed->version) {
            const auto stored = split_stored(read_file(dir_ / "keyring").value_or(""));
            if (stored && stored->second == text) {
                result.outcome = InstallResult::Outcome::AlreadyCurrent;
                result.line = "keyring version " + v + " is already taken";
            } else {
                result.line = "keyring refused: another keyring also says version " + v +
                              ". Fix: raise its version (kiosk-bundle keyring add or revoke do), sign and publish it again";
            }
            return result;
        }
    }
    std::vector<long long> forgotten;
    try {
        store_files::replace_file(dir_ / "keyring", signature_text + std::string(text));
        if (incoming.reset_versions && (!installed || installed->reset_versions != incoming.reset_versions))
            forgotten = forget_versions_above(incoming.reset_versions);
    } catch (const std::exception& e) {
        result.line = std::string("keyring not taken: ") + e.what();
        return result;
    }
    result.outcome = InstallResult::Outcome::Installed;
    result.line = "took keyring version " + std::to_string(incoming.version) + " (" + std::to_string(incoming.publishers.size()) +
                  " publishers, " + std::to_string(incoming.revoked.size()) + " revoked)";
    if (!forgotten.empty()) {
        result.line += "; forgot versions above " + std::to_string(incoming.reset_versions) + " as it says:";
        for (const long long v : forgotten) result.line += " " + std::to_string(v);
        record("reset", result.line, "keyring");
    }
    return result;
}

std::vector<long long> Store::forget_versions_above(long long last) {
    using store_files::fsync_path;
    using store_files::version_in_name;
    std::vector<long long> forgotten;
    // The links first, so none ever leads to a file that is gone: `current` goes back to
    // `previous` when that one stays, else to the factory bundle.
    const auto cur = current(), prev = previous();
    const bool prev_stays = prev && version_in_name(*prev) <= last;
    if (cur && version_in_name(*cur) > last) {
        if (prev_stays) store_files::switch_link(dir_ / "current", fs::path("bundles") / prev->filename());
        else fs::remove(dir_ / "current");
    }
    if (prev && (!prev_stays || (cur && version_in_name(*cur) > last))) fs::remove(dir_ / "previous");
    for (const auto& entry : fs::directory_iterator(dir_ / "bundles")) {
        if (entry.path().extension() != ".kbundle") continue;
        const long long v = version_in_name(entry.path());
        if (v <= last) continue;
        fs::remove(entry.path().string() + ".minisig");
        fs::remove(entry.path());  // an open bundle stays readable for the kiosk showing it, until it closes it
        forgotten.push_back(v);
    }
    std::string kept;
    for (const long long v : withdrawn())
        if (v <= last) kept += std::to_string(v) + "\n";
    store_files::replace_file(dir_ / "withdrawn", kept);
    store_files::replace_file(dir_ / "highest", std::to_string(last) + "\n");
    fsync_path(dir_ / "bundles", true);
    fsync_path(dir_, true);
    std::sort(forgotten.begin(), forgotten.end());
    return forgotten;
}

}  // namespace content
