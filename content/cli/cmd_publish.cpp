// kiosk-bundle publish: sign a bundle and put it where a static HTTP server serves it to the
// fleet, atomically for kiosks polling meanwhile (publish.hpp, published_folder.hpp).
#include <charconv>
#include <iostream>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/delivery/publish.hpp"
#include "content/delivery/store.hpp"
#include "content/hours/dates.hpp"

namespace content::cli {

int publish(const Words& words) {
    Args args(words, {}, {"--secret", "--key", "--password-file", "--out", "--name", "--keep", "--today"});
    if (args.positional().size() != 1) throw UsageError("publish takes one bundle file");
    PublishOptions options;
    options.bundle = args.positional()[0];
    options.out = args.required("--out");
    options.name = args.option("--name").value_or("");
    options.today = args.option("--today").value_or(today_iso(std::chrono::system_clock::now()));
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
        std::cout << "\n";
        return 0;
    } catch (const PublishError& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}

}  // namespace content::cli
