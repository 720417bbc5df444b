#include "tests/bench/soak/update_feed.hpp"

#include <fstream>
#include <stdexcept>
#include <thread>

#include "content/build/bundle_build.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/hours/dates.hpp"
#include "content/model/bundle.hpp"
#include "content/text/diagnostics.hpp"

namespace soak {

namespace fs = std::filesystem;
namespace ms = content::minisign;

namespace {

constexpr const char* kChangedGuide = "food-help";

content::Content build_first(const fs::path& work, const fs::path& source, const fs::path& stops, const fs::path& fonts,
                             const std::string& today, const fs::path& out) {
    const fs::path copy = work / "source";
    fs::copy(source, copy, fs::copy_options::recursive);
    fs::copy_file(stops, copy / "stops.csv", fs::copy_options::overwrite_existing);
    content::Diagnostics d;
    auto built = content::build_bundle(copy, out, fonts, {content::parse_date(today)}, d);
    if (!built) throw std::runtime_error("the soak's bundle does not build: " + (d.all().empty() ? std::string("?") : d.all().front().format()));
    return std::move(*built);
}

}  // namespace

UpdateFeed::UpdateFeed(const fs::path& work, const fs::path& source, const fs::path& stops, const fs::path& fonts,
                       const std::string& today)
    : work_(work), factory_(work / "factory.kbundle"), content_(build_first(work, source, stops, fonts, today, factory_)),
      store_(work / "store") {
    first_title_ = content_.texts.at("en").guides.at(kChangedGuide).title;
    std::tie(public_key_, secret_key_) = ms::generate_key_pair();
    fs::create_directories(work / "inbox");
    fs::create_directories(work / "outbox");
    content::UpdaterConfig config;
    config.inbox = work / "inbox";
    // The frame loop takes a new bundle when the soak says, so nothing needs waking: a wake-up
    // at a moment the machine chooses would make the walk differ from run to run.
    service_ = std::make_unique<kiosk::UpdateService>(store_, std::vector{public_key_}, content::InstallPolicy{"demo", "0.1.0", today},
                                                      config, kiosk::UpdateSchedule{}, content::LanguageChoice{}, [] {},
                                                      kiosk::log_update);
}

UpdateFeed::~UpdateFeed() = default;

void UpdateFeed::publish(long long version) {
    content_.meta.version = version;
    content_.texts.at("en").guides.at(kChangedGuide).title = first_title_ + " (" + std::to_string(version) + ")";
    const std::string name = "v" + std::to_string(version) + ".kbundle";
    const fs::path bundle = work_ / "outbox" / name, signature = bundle.string() + ".minisig";
    content::write_bundle(content_, bundle);
    const auto meta = content::Bundle(bundle).meta();
    std::ofstream(signature) << ms::format_signature(ms::sign(ms::hash_file(bundle), secret_key_, content::trusted_comment_for(meta)));
    // As a stick is filled: the signature first, so the service never sees a bundle without one.
    fs::rename(signature, work_ / "inbox" / (name + ".minisig"));
    fs::rename(bundle, work_ / "inbox" / name);
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
