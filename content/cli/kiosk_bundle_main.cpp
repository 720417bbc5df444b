// kiosk-bundle: the content managers' tool. Every failure says what is wrong and what to do.
#include <iostream>
#include <map>

#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/model/bundle.hpp"

namespace {

constexpr const char* kUsage = R"usage(kiosk-bundle — build, check and sign content bundles for the Torino kiosk

Usage:
  kiosk-bundle build SRC -o OUT.kbundle [--fonts DIR] [--today YYYY-MM-DD]
                                          compile a content source folder into a bundle, with
                                          its fonts cut from DIR (default /usr/share/fonts)
  kiosk-bundle validate SRC [--json] [--fonts DIR] [--today YYYY-MM-DD]
                                          check a source folder, print every problem with its
                                          file, line and fix (exit 1 on errors); dates are
                                          checked against today in Torino unless --today
  kiosk-bundle info BUNDLE [--public PUB]
                                          a bundle's metadata, counts, how much each
                                          language translates, and its signature's state
  kiosk-bundle links BUNDLE               every link the kiosk shows as a QR code, one
                                          `<link-id><TAB><target>` line each
  kiosk-bundle coverage SRC [--html OUT.html]
                                          per language, the share of texts translated and up
                                          to date, what is outdated and what is missing;
                                          with --html also as a web page
  kiosk-bundle diff OLD.kbundle NEW.kbundle
                                          what an update changes, every item of every
                                          table, with the old and the new wording
  kiosk-bundle export-po SRC LANG [-o LANG.po]
                                          one language as a gettext PO file for translators
                                          (Poedit, Weblate): msgstr empty where untranslated,
                                          outdated ones fuzzy with the old text (#| msgid);
                                          to stdout unless -o is given
  kiosk-bundle import-po SRC FILE.po      the translations back into SRC/lang/<code>/, and
                                          the text each was made from; fuzzy, stale or
                                          unknown entries are left out, each said; a broken
                                          entry refuses the whole file
  kiosk-bundle mark-translated SRC LANG [ITEM...]
                                          record LANG's translations of ITEMs (all, without
                                          any) as made from today's source text: no longer
                                          outdated
  kiosk-bundle keygen --public PUB --secret SEC [--no-password] [--password-file F] [--force]
  kiosk-bundle sign BUNDLE --secret SEC [--password-file F] [--signature OUT]
                                          write BUNDLE.minisig (minisign format)
  kiosk-bundle trusted-comment BUNDLE     the trusted comment to sign with, for the stock tool:
      minisign -S -s SEC -m BUNDLE -t "$(kiosk-bundle trusted-comment BUNDLE)"
  kiosk-bundle verify BUNDLE --public PUB [--public PUB2 ...] [--signature SIG]
  kiosk-bundle install BUNDLE --store DIR --public PUB [--public PUB2 ...] [--signature SIG]
                       [--channel C]      verify and install as the kiosk's updater does
  kiosk-bundle status --store DIR         what a store holds and the last update's result
  kiosk-bundle publish BUNDLE --secret SEC --out DIR [--password-file F] [--name NAME] [--keep N]
                       [--publisher NAME] sign and publish for kiosks polling DIR's URL:
                                          DIR/vVERSION/NAME first, then DIR/NAME and, last,
                                          DIR/NAME.minisig; keeps the last N versions (3).
                                          NAME is what kiosks ask for (bundle_name), by
                                          default torino.kbundle whatever BUNDLE is called; a
                                          folder serves one NAME. --key is another name for
                                          --secret. Refused when bundle.ini's based_on is not
                                          the version DIR serves, or DIR/keyring.txt does not
                                          name the key; DIR/publish-log.txt records who
                                          (the keyring's name, else --publisher), when, what
  kiosk-bundle keyring add KEYRING --public PUB --name NAME
  kiosk-bundle keyring revoke KEYRING --key-id ID
  kiosk-bundle keyring reset KEYRING --above N  kiosks forget versions above N (a version
                                          published far too high locks out every later one)
  kiosk-bundle keyring sign KEYRING --secret ROOT_SEC [--password-file F]
  kiosk-bundle keyring publish KEYRING --out DIR
  kiosk-bundle keyring show KEYRING [--root ROOT_PUB]
                                          the publishers kiosks trust: add or revoke one (the
                                          version goes up), sign with the offline root key
                                          (KEYRING.minisig), put both into the published
                                          folder (text first), list them; kiosks given the root
                                          key (trust_root) take a newer keyring from the
                                          published folder or a USB stick
  kiosk-bundle hours 'OPENING_HOURS' [--at YYYY-MM-DDTHH:MM[+HH:MM]]
                                          whether opening hours (OpenStreetMap syntax) say open
                                          at that Europe/Rome time (default: now). Prints
                                          `open|closed|unknown [until YYYY-MM-DDTHH:MM+HH:MM]`,
                                          the state's next change within 400 days in local time
                                          with its UTC offset, then `rule: …` and `comment: …`
                                          lines when a rule applies; a syntax error exits 1
  kiosk-bundle --version

The source format is described in docs/content-format.md.
)usage";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::cout << "kiosk-bundle " << KIOSK_VERSION << "\n";
        return 0;
    }
    using namespace content::cli;
    const std::map<std::string, int (*)(const Words&)> commands = {
        {"build", build},   {"validate", validate}, {"info", info},     {"links", links},       {"coverage", coverage}, {"diff", diff},       {"keygen", keygen},
        {"sign", sign},     {"trusted-comment", trusted_comment},       {"verify", verify},
        {"install", install}, {"status", status}, {"publish", publish}, {"keyring", keyring}, {"hours", hours},
        {"export-po", export_po}, {"import-po", import_po}, {"mark-translated", mark_translated},
    };
    const auto command = commands.find(args[0]);
    try {
        if (command == commands.end()) throw UsageError("unknown command \"" + args[0] + "\"");
        return command->second(Words(args.begin() + 1, args.end()));
    } catch (const UsageError& e) {
        std::cerr << "kiosk-bundle: " << e.what() << ". Fix: see the usage below\n\n" << kUsage;
        return 2;
    } catch (const content::BundleError& e) {
        std::cerr << "kiosk-bundle: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "kiosk-bundle: " << e.what() << "\n";
        return 1;
    }
}
