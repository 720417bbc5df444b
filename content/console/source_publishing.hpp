#pragma once
// Publishing from the console: the source as committed built into a bundle and compared with
// the one kiosks are served (the review), then signed with the publishing user's own key and
// published (content::publish: atomic, checked against the folder's keyring and version). Each
// version published here is named in git (published/v<N>), so a rollback can build that state
// again, as a newer version, and put the source back to it in the same action.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/console/accounts.hpp"
#include "content/console/source_repo.hpp"
#include "content/delivery/publish.hpp"
#include "content/text/diagnostics.hpp"

namespace content::console {

struct PublishingOptions {
    std::filesystem::path data;       // keys/<user>.key: each publisher's minisign secret key; work/: builds
    std::filesystem::path published;  // the folder kiosks are served from
    std::filesystem::path font_root = "/usr/share/fonts";
    std::string bundle_name;          // empty: the folder's default name
};

/// A refusal a publisher can act on: what is wrong and the fix, in one line.
struct PublishingError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Review {
    std::string head;                     // the commit reviewed: publish() takes it back, so what is published is what was read
    long long published_version = 0;      // 0: nothing published yet
    std::vector<std::string> changes;     // kiosk-bundle diff's lines against the published bundle: old and new wording
    std::vector<SourceCommit> commits;    // who changed what since that version (when it was published from the console)
    std::vector<Diagnostic> problems;     // errors: the source does not build, nothing can be published
};

class Publishing {
public:
    Publishing(SourceRepo& repo, PublishingOptions options);

    /// Where `user`'s signing key is kept (kiosk-console set-key puts it there).
    std::filesystem::path key_file(const std::string& user) const;
    long long published_version() const;

    Review review();
    /// Publishes commit `head` (from review()) as the next version, signed with `publisher`'s key
    /// (unlocked with `key_password` when it has one). Throws PublishingError, or PublishError
    /// from content::publish; nothing kiosks read changes then.
    Published publish(const User& publisher, const std::string& head, const std::optional<std::string>& key_password);
    /// Publishes the source as version `version` had it, as the next version, and commits the
    /// source back to that state, so the next publish starts from it.
    Published rollback(const User& publisher, long long version, const std::optional<std::string>& key_password);

private:
    std::filesystem::path served() const;
    /// Builds commit `id` as version `version` on top of `based_on`; throws PublishingError with
    /// the build's first error.
    std::filesystem::path build(const std::string& id, long long version, long long based_on, std::vector<Diagnostic>* problems);
    Published sign_and_publish(const User& publisher, const std::filesystem::path& bundle, const std::optional<std::string>& key_password);

    SourceRepo& repo_;
    PublishingOptions options_;
    // The last review, and its bundle (work/next.kbundle), while the source and the published
    // version are what they were: a page reload asks again, and publishing takes that bundle.
    std::optional<Review> reviewed_;
};

/// `bundle.ini`'s text with `version` and `based_on` set to the given numbers (based_on 0: none,
/// for a first publication), the rest kept.
std::string with_version(const std::string& bundle_ini, long long version, long long based_on);

}  // namespace content::console
