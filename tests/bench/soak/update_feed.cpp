#include "tests/bench/soak/update_feed.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "content/build/bundle_build.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/text/diagnostics.hpp"

namespace soak {

namespace fs = std::filesystem;
namespace ms = content::minisign;

namespace {

constexpr const char* kChangedGuide = "food-help";

std::string bundle_name(long long version) { return "v" + std::to_string(version) + ".kbundle"; }

// Every bundle of the run: version 1 as the factory bundle, then each later one with the English
// title of one guide saying its version, signed, in `outbox`.
void build_all(const fs::path& work, const fs::path& source, const fs::path& stops, const fs::path& fonts, const std::string& today,
               long long last_version, const ms::SecretKey& key, const fs::path& factory, const fs::path& outbox) {
    const fs::path copy = work / "source";
    fs::copy(source, copy, fs::copy_options::recursive);
    fs::copy_file(stops, copy / "stops.csv", fs::copy_options::overwrite_existing);
    content::Diagnostics d;
    auto built = content::build_bundle(copy, factory, fonts, {content::parse_date(today)}, d);
    if (!built) throw std::runtime_error("the soak's bundle does not build: " + (d.all().empty() ? std::string("?") : d.all().front().format()));
    std::string& title = built->texts.at("en").guides.at(kChangedGuide).title;
    const std::string first_title = title;
    for (long long version = 2; version <= last_version; ++version) {
        built->meta.version = version;
        title = first_title + " (" + std::to_string(version) + ")";
        const fs::path bundle = outbox / bundle_name(version);
        content::write_bundle(*built, bundle);
        const auto meta = content::Bundle(bundle).meta();
        std::ofstream(bundle.string() + ".minisig") << ms::format_signature(ms::sign(ms::hash_file(bundle), key, content::trusted_comment_for(meta)));
    }
}

}  // namespace

UpdateFeed::UpdateFeed(const fs::path& work, const fs::path& source, const fs::path& stops, const fs::path& fonts,
                       const std::string& today, long long last_version)
    : work_(work), factory_(work / "factory.kbundle"), store_(work / "store") {
    const auto [public_key, secret_key] = ms::generate_key_pair();
    fs::create_directories(work / "inbox");
    fs::create_directories(work / "outbox");
    std::fflush(nullptr);
    const pid_t child = fork();
    if (child < 0) throw std::runtime_error("cannot fork to build the soak's bundles");
    if (child == 0) {
        int status = 0;
        try {
            build_all(work, source, stops, fonts, today, last_version, secret_key, factory_, work / "outbox");
        } catch (const std::exception& e) {
            std::fprintf(stderr, "soak: %s\n", e.what());
            status = 1;
        }
        std::fflush(nullptr);
        _exit(status);
    }
    int status = 0;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("the soak's bundles were not built (above)");
    content::UpdaterConfig config;
    config.inbox = work / "inbox";
    // The frame loop takes a new bundle when the soak says, so nothing needs waking: a wake-up
    // at a moment the machine chooses would make the walk differ from run to run.
    service_ = std::make_unique<kiosk::UpdateService>(store_, std::vector{public_key}, content::InstallPolicy{"demo", "0.1.0", today}, config,
                                                      kiosk::UpdateSchedule{}, content::LanguageChoice{}, [] {}, kiosk::log_update);
}

UpdateFeed::~UpdateFeed() = default;

void UpdateFeed::publish(long long version) {
    const std::string name = bundle_name(version);
    // As a stick is filled: the signature first, so the service never sees a bundle without one.
    fs::rename(work_ / "outbox" / (name + ".minisig"), work_ / "inbox" / (name + ".minisig"));
    fs::rename(work_ / "outbox" / name, work_ / "inbox" / name);
    service_->check_now();
}

std::shared_ptr<const content::Bundle> UpdateFeed::take(std::chrono::milliseconds patience) {
    const auto until = std::chrono::steady_clock::now() + patience;
    for (;;) {
        if (auto next = service_->take_new_bundle()) return next;
        if (std::chrono::steady_clock::now() >= until) return nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace soak
