// A publisher thread publishing version after version into the folder a real HTTP server
// serves on loopback, while a kiosk's real updater polls it as fast as it can: no check may
// ever get a signature and a bundle that do not belong together. The server's /slow/ answers
// wait before they read the file, so a publish often lands between a check's two requests;
// the same harness with a publisher that overwrites NAME then NAME.minisig shows mismatches.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <thread>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/publish.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/delivery/updater.hpp"
#include "content/model/bundle.hpp"
#include "tests/http_server.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;
namespace ms = content::minisign;
using test::HttpServer;

namespace {

constexpr long long kLastVersion = 24;  // versions 2..24 are published while the kiosk polls

struct Polling {
    int checks = 0;
    int overlapping = 0;  // checks during which a publish was under way
    int installs = 0;
    std::vector<std::string> refusals;
    std::vector<long long> versions_seen;  // one kiosk's installed version after each check
    bool only_up = true;                    // for every kiosk, installed versions only went up
    std::vector<long long> last_versions;   // each kiosk's in the end
};

struct Harness {
    test::TempDir dir;
    fs::path out = dir / "served", builds = dir / "builds";
    std::pair<ms::PublicKey, ms::SecretKey> keys = ms::generate_key_pair();
    std::vector<fs::path> bundles;  // bundles[v]: unsigned, version v

    Harness() {
        fs::create_directories(out);
        content::Diagnostics d;
        auto c = content::load_source(test::demo_source(), d);
        REQUIRE_FALSE(d.has_errors());
        bundles.resize(kLastVersion + 1);
        for (long long v = 1; v <= kLastVersion; ++v) {
            c.meta.version = v;
            bundles[v] = builds / ("v" + std::to_string(v)) / "torino.kbundle";
            fs::create_directories(bundles[v].parent_path());
            content::write_bundle(c, bundles[v]);
        }
    }

    // Runs `publish_version(v)` for v = 2..kLastVersion on a thread, a random 20-100 ms apart,
    // while a fleet of kiosks, each with its own store and updater, poll the server's slow
    // answers in a loop. Checked afterwards on this thread (doctest's checks are not
    // thread-safe), so the kiosks only record.
    Polling poll_while_publishing(const std::function<void(long long)>& publish_version, int kiosks = 4) {
        HttpServer server(out);
        content::UpdaterConfig config;
        config.base_url = server.url("slow");
        config.bundle_name = "torino.kbundle";
        config.total_timeout = std::chrono::seconds(20);
        struct Kiosk {
            content::Store store;
            content::Updater updater;
            Polling polling;
            Kiosk(const fs::path& store_dir, const ms::PublicKey& trusted, const content::UpdaterConfig& config)
                : store(store_dir), updater(store, {trusted}, content::InstallPolicy{"demo", "0.1.0", ""}, config) {}
            long long installed() const {
                const auto cur = store.current();
                return cur ? content::Bundle(*cur).meta().version : 0;
            }
        };
        std::vector<std::unique_ptr<Kiosk>> fleet;
        for (int k = 0; k < kiosks; ++k)
            fleet.push_back(std::make_unique<Kiosk>(dir / ("store-" + std::to_string(k)), keys.first, config));
        std::atomic<int> started{0}, finished{0};
        std::atomic<bool> done{false};
        const auto check = [&](Kiosk& kiosk) {
            Polling& p = kiosk.polling;
            const int finished_before = finished;
            try {
                const auto r = kiosk.updater.check_http();
                p.installs += r.installed;
                for (const auto& line : r.lines)
                    if (line.find("unchanged") == std::string::npos && line.find(": installed version") == std::string::npos &&
                        line.find("is already installed") == std::string::npos)
                        p.refusals.push_back(line);
                p.versions_seen.push_back(kiosk.installed());
            } catch (const std::exception& e) {
                p.refusals.push_back(std::string("exception: ") + e.what());
            }
            p.overlapping += started > finished_before;  // some publish ran during this check
            ++p.checks;
        };
        for (auto& kiosk : fleet) check(*kiosk);  // version 1, published before
        std::vector<std::thread> pollers;
        for (auto& kiosk : fleet)
            pollers.emplace_back([&, k = kiosk.get()] {
                while (!done) check(*k);
            });
        std::mt19937 random(12345);
        std::uniform_int_distribution<int> pause(20, 100);
        for (long long v = 2; v <= kLastVersion; ++v) {
            std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
            ++started;
            publish_version(v);
            ++finished;
        }
        done = true;
        for (auto& t : pollers) t.join();
        Polling all;
        for (auto& kiosk : fleet) {
            for (int i = 0; i < 3 && kiosk->installed() != kLastVersion; ++i) check(*kiosk);  // settles on the last version
            const Polling& p = kiosk->polling;
            all.checks += p.checks;
            all.overlapping += p.overlapping;
            all.installs += p.installs;
            all.refusals.insert(all.refusals.end(), p.refusals.begin(), p.refusals.end());
            all.only_up &= std::is_sorted(p.versions_seen.begin(), p.versions_seen.end());
            all.last_versions.push_back(p.versions_seen.empty() ? 0 : p.versions_seen.back());
        }
        return all;
    }
};

std::string summary(const Polling& p) {
    std::string text = std::to_string(p.checks) + " checks, " + std::to_string(p.overlapping) + " during a publish, " +
                       std::to_string(p.installs) + " installs, " + std::to_string(p.refusals.size()) + " refusals";
    for (size_t i = 0; i < std::min<size_t>(p.refusals.size(), 3); ++i) text += "\n  " + p.refusals[i];
    return text;
}

}  // namespace

TEST_CASE("HTTP: a kiosk polling while versions 2..24 are published never gets a mismatched pair, and ends on the last") {
    Harness h;
    const auto publish = [&](long long v) {
        content::publish({h.bundles[v], h.out, "torino.kbundle", "", 3}, h.keys.second);
    };
    publish(1);
    const auto start = std::chrono::steady_clock::now();
    const Polling p = h.poll_while_publishing(publish);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("publish: " << summary(p) << " in " << seconds << " s");
    CHECK(p.refusals.empty());
    CHECK(p.only_up);
    CHECK(p.last_versions == std::vector<long long>(4, kLastVersion));
    CHECK(p.overlapping >= 40);  // the interleavings did happen
    CHECK(p.installs >= 20);
}

TEST_CASE("HTTP: the same polling against a publisher that overwrites NAME then NAME.minisig gets mismatched pairs") {
    // What a publish without version folders does, each file still replaced by one rename: the
    // check that the harness above would catch a publish that is not atomic for kiosks.
    Harness h;
    const auto overwrite = [&](long long v) {
        const auto signature = ms::format_signature(ms::sign(ms::hash_file(h.bundles[v]), h.keys.second,
                                                             content::trusted_comment_for(content::Bundle(h.bundles[v]).meta())));
        fs::copy_file(h.bundles[v], h.out / "torino.kbundle.new", fs::copy_options::overwrite_existing);
        fs::rename(h.out / "torino.kbundle.new", h.out / "torino.kbundle");
        test::write(h.out / "torino.kbundle.minisig.new", signature);
        fs::rename(h.out / "torino.kbundle.minisig.new", h.out / "torino.kbundle.minisig");
    };
    overwrite(1);
    const Polling p = h.poll_while_publishing(overwrite);
    MESSAGE("overwrite: " << summary(p));
    CHECK_FALSE(p.refusals.empty());
    const bool mismatch_named = std::any_of(p.refusals.begin(), p.refusals.end(), [](const std::string& r) {
        return r.find("refused: ") != std::string::npos && r.find("does not match") != std::string::npos;
    });
    CHECK(mismatch_named);
}
