// A publisher publishing version after version into the folder a real HTTP server serves on
// loopback, while kiosks' real updaters poll it as fast as they can: no check may ever install
// a signature and a bundle that do not belong together (safety), installed versions only go
// up, and every kiosk ends on the last version (liveness). The server's /slow/ answers wait
// before they read the file, so a publish often lands between a check's requests; the
// publisher waits for every kiosk to begin a new check before it publishes again, so the
// interleavings happen however loaded the machine is, and nothing is asserted about time.
// The same harness with a publisher that overwrites NAME then NAME.minisig shows mismatches;
// a kiosk held up until its version is pruned shows the clean retry, deterministically.
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
    std::vector<std::string> refusals;      // a pair the store would not install: never allowed
    std::vector<std::string> retries;       // a check that ended early and is simply repeated
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
            c.meta.based_on = v - 1;  // published in order, each on the one before
            bundles[v] = builds / ("v" + std::to_string(v)) / "torino.kbundle";
            fs::create_directories(bundles[v].parent_path());
            content::write_bundle(c, bundles[v]);
        }
    }

    // Runs `publish_version(v)` for v = 2..kLastVersion on this thread while a fleet of kiosks,
    // each with its own store and updater on its own thread, poll the server's slow answers in
    // a loop. Before each publish every kiosk has begun a check since the last one ended. The
    // kiosks only record; everything is checked afterwards on this thread (doctest's checks are
    // not thread-safe).
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
            std::atomic<int> began_after{0};  // publishes finished when its last check began
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
            kiosk.began_after = finished_before;
            try {
                const auto r = kiosk.updater.check_http();
                p.installs += r.installed;
                for (const auto& line : r.lines) {
                    if (line.find("refused") != std::string::npos) p.refusals.push_back(line);
                    else if (line.find("unchanged") == std::string::npos && line.find(": installed version") == std::string::npos &&
                             line.find("is already installed") == std::string::npos)
                        p.retries.push_back(line);
                }
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
        std::uniform_int_distribution<int> pause(0, 40);
        for (long long v = 2; v <= kLastVersion; ++v) {
            // Not a timing assumption: the wait ends when the kiosks have moved, however slowly.
            while (std::any_of(fleet.begin(), fleet.end(), [&](const auto& k) { return k->began_after < finished; }))
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
            ++started;
            publish_version(v);
            ++finished;
        }
        done = true;
        for (auto& t : pollers) t.join();
        Polling all;
        for (auto& kiosk : fleet) {
            // Liveness: with nothing published any more, a check or two brings it to the last
            // version (a second only if the first met a transient failure).
            for (int i = 0; i < 5 && kiosk->installed() != kLastVersion; ++i) check(*kiosk);
            const Polling& p = kiosk->polling;
            all.checks += p.checks;
            all.overlapping += p.overlapping;
            all.installs += p.installs;
            all.refusals.insert(all.refusals.end(), p.refusals.begin(), p.refusals.end());
            all.retries.insert(all.retries.end(), p.retries.begin(), p.retries.end());
            all.only_up &= std::is_sorted(p.versions_seen.begin(), p.versions_seen.end());
            all.last_versions.push_back(p.versions_seen.empty() ? 0 : p.versions_seen.back());
        }
        return all;
    }
};

std::string summary(const Polling& p) {
    std::string text = std::to_string(p.checks) + " checks, " + std::to_string(p.overlapping) + " during a publish, " +
                       std::to_string(p.installs) + " installs, " + std::to_string(p.refusals.size()) + " refusals, " +
                       std::to_string(p.retries.size()) + " retries";
    for (size_t i = 0; i < std::min<size_t>(p.refusals.size(), 3); ++i) text += "\n  " + p.refusals[i];
    for (size_t i = 0; i < std::min<size_t>(p.retries.size(), 3); ++i) text += "\n  " + p.retries[i];
    return text;
}

}  // namespace

TEST_CASE("HTTP: a kiosk polling while versions 2..24 are published never gets a mismatched pair, and ends on the last") {
    Harness h;
    const auto publish = [&](long long v) {
        content::publish({h.bundles[v], h.out, "torino.kbundle", "", 3, "", {}, {}}, h.keys.second);
    };
    publish(1);
    const auto start = std::chrono::steady_clock::now();
    const Polling p = h.poll_while_publishing(publish);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("publish: " << summary(p) << " in " << seconds << " s");
    CHECK(p.refusals.empty());
    CHECK(p.only_up);
    CHECK(p.last_versions == std::vector<long long>(4, kLastVersion));
    CHECK(p.overlapping >= kLastVersion - 1);  // the interleavings did happen
    CHECK(p.installs >= 20);
}

// One kiosk asking the harness's folder through the server's /held/ answers: its bundle
// requests wait until the test releases them one by one, so a test puts a publish exactly
// between a kiosk's requests, however loaded the machine. Waits are for the server to have
// seen a request, bounded only so that a broken test ends.
struct HeldKiosk {
    const Harness& h;
    HttpServer server{h.out};
    test::TempDir store_dir;
    content::Store store{store_dir.path()};
    content::Updater updater{store, {h.keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, config()};
    content::UpdateReport report;
    std::thread checking;

    explicit HeldKiosk(const Harness& harness) : h(harness) {}
    ~HeldKiosk() {
        if (!checking.joinable()) return;
        release_one();  // a failed test's check ends, at worst when the server stops holding it
        checking.join();
    }
    content::UpdaterConfig config() const {
        content::UpdaterConfig c;
        c.base_url = server.url("held");
        c.bundle_name = "torino.kbundle";
        return c;
    }
    void start_check() {
        checking = std::thread([this] { report = updater.check_http(); });
    }
    std::string finish_check() {  // the check's report, one line each
        checking.join();
        std::string lines;
        for (const auto& l : report.lines) lines += l + "\n";
        return lines;
    }
    // Whether the server has been asked for these names `nth` times in all.
    bool asked_for(std::initializer_list<std::string> names, int nth = 1) const {
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        const auto asked = [&] {
            int n = 0;
            for (const auto& name : names) n += server.requests(name);
            return n;
        };
        while (asked() < nth)
            if (std::chrono::steady_clock::now() > give_up) return false;
        return true;
    }
    void release_one() const { test::write(h.out.string() + ".release", ""); }
    long long installed() const { return store.current() ? content::Bundle(*store.current()).meta().version : 0; }
};

TEST_CASE("HTTP: a kiosk whose download is so slow that its version is pruned meanwhile retries cleanly with the newest") {
    // Three more versions are published while the kiosk's request for version 1 waits, so
    // version 1's folder is pruned (keep 3) and the request finds nothing. Falling back to
    // NAME would pair version 4's bundle with version 1's signature; the kiosk asks for the
    // signature again instead and follows it to version 4.
    Harness h;
    const auto publish = [&](long long v) { content::publish({h.bundles[v], h.out, "torino.kbundle", "", 3, "", {}, {}}, h.keys.second); };
    publish(1);
    HeldKiosk kiosk(h);
    kiosk.start_check();
    const bool asked_v1 = kiosk.asked_for({"v1/torino.kbundle"});
    for (long long v = 2; v <= 4; ++v) publish(v);
    const bool pruned = !fs::exists(h.out / "v1");
    kiosk.release_one();  // version 1's request goes on: 404
    const bool asked_again = kiosk.asked_for({"v4/torino.kbundle", "torino.kbundle"});
    kiosk.release_one();
    const std::string report = kiosk.finish_check();

    INFO(report);
    REQUIRE(asked_v1);
    REQUIRE(pruned);
    CHECK(asked_again);
    CHECK(kiosk.report.installed);
    CHECK(kiosk.installed() == 4);
    CHECK(report.find("refused") == std::string::npos);
    CHECK(report.find("v1/torino.kbundle: published over while this kiosk fetched it; following the newer signature") != std::string::npos);
    CHECK(report.find("v4/torino.kbundle: installed version 4") != std::string::npos);
    CHECK(kiosk.server.requests("torino.kbundle") == 0);  // never the unversioned NAME
}

TEST_CASE("HTTP: a publisher that replaces NAME before NAME.minisig hands a kiosk a mismatched pair, which is refused") {
    // What a publish without version folders does, each file still replaced by one rename: a
    // kiosk between its requests gets the new bundle with the old signature. The store refuses
    // it, and that refusal is what the polling test above counts and requires to be zero.
    Harness h;
    const auto replace = [&](const fs::path& from, const fs::path& to) {
        fs::copy_file(from, to.string() + ".new", fs::copy_options::overwrite_existing);
        fs::rename(to.string() + ".new", to);
    };
    const auto signature_of = [&](long long v) {
        const fs::path sig = h.builds / ("v" + std::to_string(v)) / "torino.kbundle.minisig";
        test::write(sig, ms::format_signature(ms::sign(ms::hash_file(h.bundles[v]), h.keys.second,
                                                       content::trusted_comment_for(content::Bundle(h.bundles[v]).meta()))));
        return sig;
    };
    replace(h.bundles[1], h.out / "torino.kbundle");
    replace(signature_of(1), h.out / "torino.kbundle.minisig");
    HeldKiosk kiosk(h);
    kiosk.start_check();
    const bool asked_v1 = kiosk.asked_for({"v1/torino.kbundle"});
    kiosk.release_one();  // 404: no version folders here
    const bool asked_name = kiosk.asked_for({"torino.kbundle"});
    replace(h.bundles[2], h.out / "torino.kbundle");  // the publish is halfway
    kiosk.release_one();
    std::string report = kiosk.finish_check();

    INFO(report);
    REQUIRE(asked_v1);
    REQUIRE(asked_name);
    CHECK_FALSE(kiosk.report.installed);
    CHECK(kiosk.installed() == 0);
    CHECK(report.find("refused: ") != std::string::npos);
    CHECK(report.find("does not match") != std::string::npos);

    // With its signature in place the next check installs version 2.
    replace(signature_of(2), h.out / "torino.kbundle.minisig");
    kiosk.start_check();
    const bool asked_v2 = kiosk.asked_for({"v2/torino.kbundle"});
    kiosk.release_one();  // 404
    const bool asked_name_again = kiosk.asked_for({"torino.kbundle"}, 2);
    kiosk.release_one();
    report = kiosk.finish_check();
    INFO(report);
    CHECK(asked_v2);
    CHECK(asked_name_again);
    CHECK(kiosk.report.installed);
    CHECK(kiosk.installed() == 2);
}
