// kiosk-bundle: the content managers' tool. Every failure says what is wrong and what to do.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "bundle.hpp"
#include "source.hpp"
#include "writer.hpp"

namespace {

constexpr const char* kUsage = R"(kiosk-bundle — build and check content bundles for the Torino kiosk

Usage:
  kiosk-bundle build SRC -o OUT.kbundle   compile a content source folder into a bundle
  kiosk-bundle validate SRC               check a source folder, print every problem
  kiosk-bundle info BUNDLE                print a bundle's metadata and contents
  kiosk-bundle --version

The source format is described in docs/content-format.md.
)";

// Prints diagnostics; warnings are summarised per file unless `verbose`.
void report(const content::Diagnostics& d, bool verbose) {
    int warnings = 0;
    for (const auto& item : d.all()) {
        if (item.severity == content::Diagnostic::Severity::Warning) {
            ++warnings;
            if (!verbose) continue;
        }
        std::cerr << item.format() << "\n";
    }
    if (warnings > 0 && !verbose)
        std::cerr << warnings << " text(s) not translated in some languages (shown in a fallback language); "
                     "`kiosk-bundle validate SRC` lists them\n";
}

int build(const std::string& src, const std::string& out) {
    content::Diagnostics d;
    const auto c = content::load_source(src, d);
    report(d, false);
    if (d.has_errors()) {
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << "; no bundle written\n";
        return 1;
    }
    try {
        content::write_bundle(c, out);
    } catch (const std::exception& e) {
        std::cerr << "kiosk-bundle: cannot write " << out << ": " << e.what()
                  << ". Fix: check the folder exists and has free space\n";
        return 1;
    }
    std::cout << "wrote " << out << " (version " << c.meta.version << ", " << c.languages.size() << " languages, "
              << c.guides.size() << " guides, " << c.places.size() << " places)\n";
    return 0;
}

int validate(const std::string& src) {
    content::Diagnostics d;
    content::load_source(src, d);
    report(d, true);
    if (d.has_errors()) return 1;
    std::cout << src << ": no errors\n";
    return 0;
}

int info(const std::string& path) {
    try {
        content::Bundle b(path);
        const auto& m = b.meta();
        std::cout << "title: " << m.title << "\nversion: " << m.version << "\nchannel: " << m.channel
                  << "\ncreated: " << m.created << "\nexpires: " << m.expires
                  << "\nmin_kiosk_version: " << m.min_kiosk_version << "\ndemo: " << (m.demo ? "yes" : "no")
                  << "\nlanguages:";
        for (const auto& l : b.languages()) std::cout << " " << l.code;
        std::cout << "\nguides: " << b.guide_ids().size() << "\n";
        return 0;
    } catch (const content::BundleError& e) {
        std::cerr << "kiosk-bundle: " << e.what() << "\n";
        return 1;
    }
}

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
    if (args[0] == "build" && args.size() == 4 && args[2] == "-o") return build(args[1], args[3]);
    if (args[0] == "validate" && args.size() == 2) return validate(args[1]);
    if (args[0] == "info" && args.size() == 2) return info(args[1]);
    std::cerr << "kiosk-bundle: cannot understand \"";
    for (size_t i = 0; i < args.size(); ++i) std::cerr << (i ? " " : "") << args[i];
    std::cerr << "\". Fix: see the usage below\n\n" << kUsage;
    return 2;
}
