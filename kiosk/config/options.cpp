#include "kiosk/config/options.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <cstdio>
#include <vector>

#include "kiosk/config/ranges.hpp"

namespace kiosk {

const char* const kUsage = R"(kiosk — the Torino information kiosk

Usage: kiosk [options]
  --config FILE           the kiosk's configuration: rotation, screen size, idle timeout, ... (docs/configuration.md)
  --bundle PATH           content bundle to show (default: the demo bundle beside the program)
  --store DIR             start on the store's current bundle, else its previous one, else --bundle
  --trust PUB             a minisign public key the store's bundles must be signed with (repeatable)
  --trust-root PUB        the fleet's root key: a keyring it signs (keyring.txt beside the bundle
                          on the server or a USB stick) names more publishers, or revokes them
  --update-url URL        with --store: fetch URL/NAME and URL/NAME.minisig, install when newer
  --bundle-name NAME      the bundle's file name on the server (default torino.kbundle)
  --inbox DIR             with --store: install bundles (+ .minisig) dropped here, e.g. a USB stick
  --channel NAME          install only bundles of this channel (default: the installed bundle's)
  --check-every SECONDS   how often to ask the server, with 10 % jitter (default 900, at most 86400)
  --max-bundle-mb N       abandon bundles larger than this (default 512, 1 to 4096)
  --preview SRC           for content managers: show a source folder unsigned, rebuilt on every change,
                          with a band saying so (not with --bundle, --store, --trust, --update-url, --inbox)
  --lang CODE             start in this language (default: the attract screen, then the language chooser)
  --open ROUTE            start on a screen: attract, languages, home, category/<id>, guide/<id>,
                          qr/<link id> (README: Routes)
  --windowed WxH          a window on a desktop instead of fullscreen
  --screenshot OUT.png    render the screen headless to a PNG and exit
  --speak-to OUT.wav      write what the screen says from the top (the --open screen in --lang) as a WAV, print
                          its words, and exit
  --audio-device NAME     the sound output speech goes to, by SDL's name; none: silent (default: the configuration's)
  --size WxH              screen size for --screenshot, --script and --headless (default 1920x1080)
  --print-preview OUT.png the ticket of the --open screen (a place, a guide or a link's QR screen) as the paper shows it, and exit
  --print-to FILE         the ESC/POS bytes the printer would receive for that ticket, and exit
  --paper 58|80           paper width for --print-preview and --print-to (default: the configuration's)
  --script FILE           run scripted input headless (see kiosk/shell/script.hpp) and exit
  --headless              run the normal loop without a display (tests, benchmarks)
  --exit-after MS         quit after MS milliseconds (at most 86400000) and print how many frames were drawn
  --fallback LIST         languages for missing texts, in order, e.g. en,it (default: the bundle's)
  --fonts DIR             Noto fonts used when the bundle's own cannot be read (default /usr/share/fonts)
  --hash-pin              read an admin PIN (4-12 digits) on standard input, print the line for the configuration
  --usage-csv             print the anonymous usage counters (usage_db in --config) as CSV
  --version               print the version
)";

namespace {
std::optional<std::pair<int, int>> parse_size(const std::string& s) {
    const auto x = s.find('x');
    if (x == std::string::npos) return std::nullopt;
    int w = 0, h = 0;
    auto [p1, e1] = std::from_chars(s.data(), s.data() + x, w);
    auto [p2, e2] = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    if (e1 != std::errc() || e2 != std::errc() || p1 != s.data() + x || p2 != s.data() + s.size() || !kWidthPx.contains(w) ||
        !kHeightPx.contains(h))
        return std::nullopt;
    return std::make_pair(w, h);
}
}  // namespace

std::optional<Options> parse_options(int argc, char** argv, std::string& error) {
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                error = a + " needs a value. Fix: see kiosk --help";
                return std::nullopt;
            }
            return args[++i];
        };
        auto size_value = [&](std::optional<std::pair<int, int>>& out) {
            auto v = value();
            if (!v) return false;
            out = parse_size(*v);
            if (!out)
                error = a + " " + *v + " is not a size: allowed " + std::to_string(kWidthPx.min) + "x" + std::to_string(kHeightPx.min) + " to " +
                        std::to_string(kWidthPx.max) + "x" + std::to_string(kHeightPx.max) + " pixels. Fix: write it as WIDTHxHEIGHT, e.g. 1920x1080";
            return out.has_value();
        };
        if (a == "--help" || a == "-h") o.help = true;
        else if (a == "--version") o.version = true;
        else if (a == "--headless") o.headless = true;
        else if (a == "--hash-pin") o.hash_pin = true;
        else if (a == "--usage-csv") o.usage_csv = true;
        else if (a == "--windowed") {
            if (!size_value(o.windowed)) return std::nullopt;
        } else if (a == "--size") {
            std::optional<std::pair<int, int>> s;
            if (!size_value(s)) return std::nullopt;
            o.size = *s;
        } else if (a == "--exit-after" || a == "--check-every" || a == "--max-bundle-mb") {
            auto v = value();
            if (!v) return std::nullopt;
            const bool exit_after = a == "--exit-after", check_every = a == "--check-every";
            const Range& range = exit_after ? kExitAfterMs : check_every ? kCheckEveryOption : kMaxBundleMb;
            long n = 0;
            if (const auto problem = read_in_range(*v, range, n, false)) {
                error = a + " " + *problem + ". Fix: e.g. " + a + " " + (exit_after ? "5000" : check_every ? "900" : "512");
                return std::nullopt;
            }
            // Every range fits an int: nothing wraps round on the way to the updater and the loop.
            if (exit_after) o.exit_after_ms = static_cast<int>(n);
            else if (check_every) o.check_every_s = static_cast<int>(n), o.check_every_given = true;
            else o.max_bundle_mb = static_cast<int>(n), o.max_bundle_mb_given = true;
        } else if (a == "--paper") {
            auto v = value();
            if (!v) return std::nullopt;
            if (*v != "58" && *v != "80") {
                error = "--paper " + *v + " is not a paper width. Fix: write 58 or 80 (millimetres)";
                return std::nullopt;
            }
            o.paper = *v == "58" ? 58 : 80;
        } else if (a == "--trust") {
            auto v = value();
            if (!v) return std::nullopt;
            o.trusted_keys.push_back(*v);
        } else if (a == "--trust-root") {
            auto v = value();
            if (!v) return std::nullopt;
            o.root_keys.push_back(*v);
        } else if (a == "--fallback") {
            auto v = value();
            if (!v) return std::nullopt;
            std::string list = *v;
            std::replace(list.begin(), list.end(), ',', ' ');
            std::istringstream words(list);
            for (std::string code; words >> code;) o.fallback.push_back(code);
            if (o.fallback.empty()) {
                error = "--fallback needs language codes. Fix: write them separated by commas, e.g. --fallback en,it";
                return std::nullopt;
            }
        } else {
            std::string* target = a == "--bundle" ? &o.bundle : a == "--lang" ? &o.lang : a == "--open" ? &o.open
                                : a == "--screenshot" ? &o.screenshot : a == "--script" ? &o.script
                                : a == "--fonts" ? &o.fonts : a == "--store" ? &o.store : a == "--config" ? &o.config
                                : a == "--update-url" ? &o.update_url : a == "--bundle-name" ? &o.bundle_name
                                : a == "--inbox" ? &o.inbox : a == "--channel" ? &o.channel : a == "--preview" ? &o.preview
                                : a == "--print-preview" ? &o.print_preview : a == "--print-to" ? &o.print_to
                                : a == "--speak-to" ? &o.speak_to : a == "--audio-device" ? &o.audio_device : nullptr;
            if (!target) {
                error = "unknown option " + a + ". Fix: see kiosk --help";
                return std::nullopt;
            }
            auto v = value();
            if (!v) return std::nullopt;
            *target = *v;
            if (a == "--bundle-name") o.bundle_name_given = true;
        }
    }
    return o;
}

std::optional<std::string> combination_problem(const Options& o) {
    // A kiosk showing signed content never takes an unsigned bundle: a preview cannot be mixed
    // with anything that installs or trusts bundles.
    if (!o.preview.empty() && (!o.bundle.empty() || !o.store.empty() || !o.trusted_keys.empty() || !o.update_url.empty() || !o.inbox.empty()))
        return "--preview shows an unsigned source folder and cannot be combined with --bundle, --store, --trust, --update-url or "
               "--inbox, which are for signed bundles. Fix: run the preview on its own, e.g. kiosk --preview content/torino --windowed 1280x720";
    if (o.store.empty() && (!o.update_url.empty() || !o.inbox.empty()))
        return "--update-url and --inbox (or update_url and inbox in the configuration) install into a store. Fix: add --store DIR "
               "and --trust PUB, or store and trust in the configuration";
    return std::nullopt;
}

void take_settings(Options& o, const Settings& s) {
    if (o.fallback.empty()) o.fallback = s.fallback;
    if (o.audio_device.empty()) o.audio_device = s.audio_device;
    if (!o.preview.empty()) return;  // a preview never installs: the kiosk's content settings are not for it
    const auto fill = [](std::string& option, const std::string& setting) {
        if (option.empty()) option = setting;
    };
    fill(o.bundle, s.bundle);
    fill(o.store, s.store);
    fill(o.update_url, s.update_url);
    fill(o.inbox, s.inbox);
    fill(o.channel, s.channel);
    if (o.trusted_keys.empty()) o.trusted_keys = s.trust;
    if (o.root_keys.empty()) o.root_keys = s.trust_root;
    if (!o.bundle_name_given && !s.bundle_name.empty()) o.bundle_name = s.bundle_name;
    // load_settings kept both within their ranges (ranges.hpp), so the int holds them.
    if (!o.check_every_given) o.check_every_s = static_cast<int>(s.check_every.count());
    if (!o.max_bundle_mb_given) o.max_bundle_mb = s.max_bundle_mb;
}

}  // namespace kiosk
