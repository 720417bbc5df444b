#include "content/console/source_publishing.hpp"

#include <chrono>

#include "content/build/bundle_build.hpp"
#include "content/build/bundle_diff.hpp"
#include "content/console/source_editing.hpp"
#include "content/delivery/published_folder.hpp"
#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"

namespace content::console {

namespace fs = std::filesystem;

namespace {

std::string tag_for(long long version) { return "published/v" + std::to_string(version); }

bool setting(const std::string& line, const std::string& key) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) return false;
    const size_t after = line.find_first_not_of(" \t", start + key.size());
    return after != std::string::npos && line[after] == '=';
}

}  // namespace

std::string with_version(const std::string& bundle_ini, long long version, long long based_on) {
    std::string out;
    bool based_on_written = false;
    size_t version_end = std::string::npos;
    for (size_t at = 0; at < bundle_ini.size();) {
        const size_t end = std::min(bundle_ini.find('\n', at), bundle_ini.size());
        std::string line = bundle_ini.substr(at, end - at);
        at = end + 1;
        if (setting(line, "version")) {
            line = "version = " + std::to_string(version);
            version_end = out.size() + line.size() + 1;
        } else if (setting(line, "based_on")) {
            based_on_written = true;
            if (based_on == 0) continue;  // a first publication is built on nothing
            line = "based_on = " + std::to_string(based_on);
        }
        out += line + "\n";
    }
    const std::string based = "based_on = " + std::to_string(based_on) + "\n";
    if (!based_on_written && based_on != 0) out.insert(version_end == std::string::npos ? out.size() : version_end, based);
    if (version_end == std::string::npos) out += "version = " + std::to_string(version) + "\n";
    return out;
}

Publishing::Publishing(SourceRepo& repo, PublishingOptions options) : repo_(repo), options_(std::move(options)) {}

fs::path Publishing::key_file(const std::string& user) const { return options_.data / "keys" / (user + ".key"); }

fs::path Publishing::served() const {
    return options_.published / (options_.bundle_name.empty() ? published_folder::kDefaultName : options_.bundle_name);
}

long long Publishing::published_version() const {
    if (!anything_at(served())) return 0;
    try {
        return Bundle(served()).meta().version;
    } catch (const BundleError&) {
        return 0;  // publish() names what is wrong with the folder
    }
}

fs::path Publishing::build(const std::string& id, long long version, long long based_on, std::vector<Diagnostic>* problems) {
    reviewed_.reset();  // its bundle is overwritten
    const fs::path work = options_.data / "work", source = work / "source", bundle = work / "next.kbundle";
    fs::remove_all(source);
    fs::remove(bundle);
    repo_.export_files(id, source);
    const auto ini = read_file(source / "bundle.ini");
    if (!ini) throw PublishingError("bundle.ini: error: the source has no bundle.ini. Fix: restore it from the history");
    write_file_atomically(source / "bundle.ini", with_version(*ini, version, based_on), 0644);
    Diagnostics d;
    const auto built = build_bundle(source, bundle, options_.font_root, {today(std::chrono::system_clock::now())}, d);
    const auto errors = errors_in(d, source);
    fs::remove_all(source);
    if (built) return bundle;
    if (problems) *problems = errors;
    throw PublishingError(errors.empty() ? "the source does not build. Fix: run kiosk-bundle validate on it" : errors.front().format());
}

Review Publishing::review() {
    Review r;
    r.head = repo_.head();
    r.published_version = published_version();
    if (reviewed_ && reviewed_->head == r.head && reviewed_->published_version == r.published_version) return *reviewed_;
    const std::string since = r.published_version > 0 ? repo_.tagged(tag_for(r.published_version)) : "";
    r.commits = repo_.commits_since(since);
    try {
        const fs::path next = build(r.head, r.published_version + 1, r.published_version, &r.problems);
        if (r.published_version > 0)
            for (auto& line : diff_bundles(served(), next, true))  // the numbers publishing sets itself are no change to review
                if (!line.starts_with("bundle.ini version:") && !line.starts_with("bundle.ini based_on:")) r.changes.push_back(std::move(line));
    } catch (const PublishingError& e) {
        if (r.problems.empty()) r.problems.push_back({Diagnostic::Severity::Error, "bundle.ini", 0, "source", e.what(), ""});
    }
    reviewed_ = r;
    return r;
}

Published Publishing::sign_and_publish(const User& publisher, const fs::path& bundle, const std::optional<std::string>& key_password) {
    const fs::path file = key_file(publisher.name);
    const auto text = read_file(file);
    if (!text)
        throw PublishingError(publisher.name + " has no signing key in the console. Fix: an administrator adds it with kiosk-console set-key " +
                              publisher.name + " KEYFILE");
    if (minisign::secret_key_has_password(*text) && (!key_password || key_password->empty()))
        throw PublishingError(publisher.name + "'s key is locked with a password. Fix: type the key's password to publish");
    std::optional<minisign::SecretKey> key;
    try {
        key.emplace(minisign::parse_secret_key(*text, key_password));
    } catch (const minisign::Error& e) {
        throw PublishingError(publisher.name + "'s key cannot be used: " + e.what() + ". Fix: check the key's password");
    }
    PublishOptions o;
    o.bundle = bundle;
    o.out = options_.published;
    o.name = options_.bundle_name;
    o.today = today_iso(std::chrono::system_clock::now());
    o.publisher = publisher.name;
    if (anything_at(served())) {
        try {
            o.changes = diff_bundles(served(), bundle);
        } catch (const std::exception&) {  // publish names what is wrong with either file
        }
    }
    return content::publish(o, *key);
}

Published Publishing::publish(const User& publisher, const std::string& head, const std::optional<std::string>& key_password) {
    if (head != repo_.head())
        throw PublishingError("the source has changed since you reviewed it. Fix: review the changes again, then publish");
    const long long now = published_version();
    const bool built = reviewed_ && reviewed_->head == head && reviewed_->published_version == now && reviewed_->problems.empty();
    const Published p = sign_and_publish(publisher, built ? options_.data / "work" / "next.kbundle" : build(head, now + 1, now, nullptr), key_password);
    const auto ini = read_file(repo_.folder() / "bundle.ini").value_or("");
    repo_.commit("bundle.ini", with_version(ini, p.meta.version, now), publisher.name, "Publish version " + std::to_string(p.meta.version));
    repo_.tag_head(tag_for(p.meta.version));
    return p;
}

Published Publishing::rollback(const User& publisher, long long version, const std::optional<std::string>& key_password) {
    const long long now = published_version();
    if (version >= now) throw PublishingError("version " + std::to_string(version) + " is not older than version " + std::to_string(now) +
                                              ", published now. Fix: choose an earlier version from the publish log");
    const std::string id = repo_.tagged(tag_for(version));
    if (id.empty())
        throw PublishingError("version " + std::to_string(version) + " was not published from the console, so its source is not known here. "
                              "Fix: roll back to a version published from the console");
    const Published p = sign_and_publish(publisher, build(id, now + 1, now, nullptr), key_password);
    repo_.check_out_files(id);
    const auto ini = read_file(repo_.folder() / "bundle.ini").value_or("");
    write_file_atomically(repo_.folder() / "bundle.ini", with_version(ini, p.meta.version, now), 0644);
    repo_.commit_all(publisher.name, "Roll back to version " + std::to_string(version) + ", published as version " + std::to_string(p.meta.version));
    repo_.tag_head(tag_for(p.meta.version));
    return p;
}

}  // namespace content::console
