#pragma once
// Signed bundles for the store tests: the demo content with the version, channel, expiry and
// kiosk version each test needs, signed with a key made for the test.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/store.hpp"
#include "content/model/bundle.hpp"
#include "tests/test_support.hpp"

namespace test {

// Signed bundles built from the demo source with the metadata each test needs.
struct Publisher {
    test::TempDir dir;
    std::pair<content::minisign::PublicKey, content::minisign::SecretKey> keys = content::minisign::generate_key_pair();
    std::vector<content::minisign::PublicKey> trusted{keys.first};
    content::InstallPolicy policy{"demo", "0.1.0", "2026-11-23"};

    std::filesystem::path make(long long version, const std::string& channel = "demo", const std::string& expires = "2027-11-23",
                               const std::string& min_kiosk = "0.1.0") {
        content::Diagnostics d;
        auto c = content::load_source(test::demo_source(), d);
        REQUIRE_FALSE(d.has_errors());
        c.meta.version = version;
        c.meta.channel = channel;
        c.meta.expires = expires;
        c.meta.min_kiosk_version = min_kiosk;
        const std::filesystem::path out = dir / ("b" + std::to_string(version) + "-" + channel + "-" + expires + "-" + min_kiosk + ".kbundle");
        content::write_bundle(c, out);
        sign(out, content::trusted_comment_for(c.meta));
        return out;
    }
    /// (Re)signs a bundle file with this publisher's key.
    void sign(const std::filesystem::path& bundle, const std::string& trusted_comment) {
        namespace ms = content::minisign;
        test::write(bundle.string() + ".minisig", ms::format_signature(ms::sign(ms::hash_file(bundle), keys.second, trusted_comment)));
    }
    content::InstallResult install(content::Store& store, const std::filesystem::path& bundle) {
        return store.install(bundle, bundle.string() + ".minisig", trusted, policy);
    }
};

inline long long current_version(const content::Store& store) {
    const auto cur = store.current();
    REQUIRE(cur);
    return content::Bundle(*cur).meta().version;
}

}  // namespace test
