// kiosk-bundle publish: sign a bundle and put it where a static HTTP server serves it to the
// fleet, atomically for kiosks polling meanwhile (publish.hpp, published_folder.hpp).
#include <charconv>
#include <iostream>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/build/bundle_diff.hpp"
#include "content/delivery/publish.hpp"
#include "content/delivery/published_folder.hpp"
#include "content/delivery/store.hpp"
#include "content/hours/dates.hpp"
#include "content/text/regular_file.hpp"

namespace content::cli {

namespace fs = std::filesystem;

int publish(const Words& words) {
    Args args(words, {}, {"--secret", "--key", "--password-file", "--out", "--name", "--keep", "--today", "--publisher"});
    if (args.positional().size() != 1) throw UsageError("publish takes one bundle file");
    PublishOptions options;
    options.bundle = args.positional()[0];
    options.out = args.required("--out");
    options.name = args.option("--name").value_or("");
    options.today = args.option("--today").value_or(today_iso(std::chrono::system_clock::now()));
    options.publisher = args.option("--publisher").value_or("");
    for (const char c : options.publisher)
        if (static_cast<unsigned char>(c) < 0x20) throw UsageError("--publisher takes a name on one line");
    // What changed since the version served now, for the publish log (diff's own lines).
    const fs::path served = options.out / (options.name.empty() ? published_folder::kDefaultName : options.name);
    if (content::anything_at(served)) {
        try {
            options.changes = diff_bundles(served, options.bundle);
        } catch (const std::exception&) {  // publish names what is wrong with either file
        }
    }
    if (const auto keep = args.option("--keep")) {
        const auto [end, ec] = std::from_chars(keep->data(), keep->data() + keep->size(), options.keep);
        if (ec != std::errc() || end != keep->data() + keep->size() || options.keep < 1) throw UsageError("--keep takes a number of versions, 1 or more");
    }
    if (!args.option("--secret") && !args.option("--key")) throw UsageError("missing --secret FILE");
    const auto key = secret_key(args);
    try {
        const Published p = content::publish(options, key);
        std::cout << "published version " << p.meta.version << " (channel " << p.meta.channel << ", expires " << p.meta.expires
                  << ") signed with key " << p.key_id << ":\n";
        for (const auto& file : p.written) std::cout << "  wrote " << file.string() << "\n";
        for (const auto& folder : p.pruned) std::cout << "  removed " << folder.string() << "\n";
        std::cout << "  versions served from their folders:";
        for (const long long v : p.kept) std::cout << " " << v;
        const std::string logged = format_log_entry(p.logged);
        std::cout << "\n  logged in " << kPublishLogName << ": " << logged.substr(0, logged.find('\n')) << "\n";
        return 0;
    } catch (const PublishError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}

}  // namespace content::cli
