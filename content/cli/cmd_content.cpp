// kiosk-bundle build | validate | info | links | coverage | diff
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "content/build/bundle_build.hpp"
#include "content/build/bundle_diff.hpp"
#include "content/build/font_check.hpp"
#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/model/bundle.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"
#include "content/translate/coverage.hpp"

namespace content::cli {

namespace fs = std::filesystem;

namespace {

// Where Debian's fonts-noto-core and fonts-noto-cjk install the fonts bundles are cut from.
constexpr const char* kFontRoot = "/usr/share/fonts";

// Prints diagnostics; texts not translated are only counted unless `verbose` (a new language
// has hundreds), every other warning is printed: a stop in the past, a font missing.
void report(const Diagnostics& d, bool verbose) {
    int untranslated = 0;
    for (const auto& item : d.all()) {
        if (!verbose && item.severity == Diagnostic::Severity::Warning && item.problem.starts_with("not translated")) {
            ++untranslated;
            continue;
        }
        std::cerr << item.format() << "\n";
    }
    if (untranslated > 0)
        std::cerr << untranslated << " text(s) not translated in some languages (shown in a fallback language); "
                     "`kiosk-bundle validate SRC` lists them\n";
}

// Today, or the day given with --today (to check a source as it will be on a later day).
SourceChecks checks_for(const Args& args) {
    if (const auto day = args.option("--today")) {
        const auto date = parse_date(*day);
        if (!date) throw UsageError("--today takes a date as YYYY-MM-DD, e.g. 2026-12-01");
        return {*date};
    }
    return {today(std::chrono::system_clock::now())};
}

}  // namespace

int build(const Words& words) {
    Args args(words, {}, {"-o", "--fonts", "--today"});
    if (args.positional().size() != 1) throw UsageError("build takes one source folder");
    const std::string src = args.positional()[0], out = args.required("-o");
    const std::string font_root = args.option("--fonts").value_or(kFontRoot);
    Diagnostics d;
    const auto c = build_bundle(src, out, font_root, checks_for(args), d);
    report(d, false);
    if (!c) {
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << "; no bundle written\n";
        return 1;
    }
    std::cout << "wrote " << out << " (version " << c->meta.version << ", " << c->languages.size() << " languages, "
              << c->guides.size() << " guides, " << c->places.size() << " places)\n";
    return 0;
}

// Exit status 0 when the source would build (warnings allowed), 1 when it has errors.
int validate(const Words& words) {
    Args args(words, {"--json"}, {"--fonts", "--today"});
    if (args.positional().size() != 1) throw UsageError("validate takes one source folder");
    const std::string src = args.positional()[0];
    Diagnostics d;
    const auto c = load_source(src, d, checks_for(args));
    // What loaded is checked too, every problem at once; then written as build would write it.
    check_buildable(c, src, args.option("--fonts").value_or(kFontRoot), d);
    if (args.flag("--json")) {
        std::cout << d.json(src);
        return d.has_errors() ? 1 : 0;
    }
    report(d, true);
    if (d.has_errors()) {
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << "\n";
        return 1;
    }
    std::cout << src << ": no errors\n";
    return 0;
}

// What each language translates, for content managers to send the rest to translators.
int coverage(const Words& words) {
    Args args(words, {}, {"--html"});
    if (args.positional().size() != 1) throw UsageError("coverage takes one source folder");
    const std::string src = args.positional()[0];
    Diagnostics d;
    const auto c = load_source(src, d);
    if (d.has_errors()) {
        report(d, false);
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << ". Fix: `kiosk-bundle validate " << src
                  << "` lists them\n";
        return 1;
    }
    const auto languages = content::coverage(c);
    std::cout << coverage_text(languages);
    if (const auto html = args.option("--html")) {
        write_file_atomically(*html, coverage_html(languages, c.meta.title + ": translations"), 0644);
        std::cout << "wrote " << *html << "\n";
    }
    return 0;
}

// What an update changes, to check before signing and publishing it.
int diff(const Words& words) {
    Args args(words, {}, {});
    if (args.positional().size() != 2) throw UsageError("diff takes two bundle files: the old one, then the new one");
    const auto lines = diff_bundles(args.positional()[0], args.positional()[1]);
    for (const auto& line : lines) std::cout << line << "\n";
    if (lines.empty()) std::cout << "no changes\n";
    return 0;
}

int info(const Words& words) {
    Args args(words, {}, {"--public"});
    if (args.positional().size() != 1) throw UsageError("info takes one bundle file");
    const std::string path = args.positional()[0];
    try {
        Bundle b(path);
        const auto& m = b.meta();
        std::cout << "title: " << m.title << "\nversion: " << m.version << "\nchannel: " << m.channel
                  << "\ncreated: " << m.created << "\nexpires: " << m.expires << "\nmin_kiosk_version: " << m.min_kiosk_version
                  << "\ndemo: " << (m.demo ? "yes" : "no") << "\nlanguages:";
        for (const auto& l : b.languages()) std::cout << " " << l.code;
        std::cout << "\nguides: " << b.guide_ids().size() << "\nplaces: " << b.places(b.languages().front().code).size()
                  << "\nlinks: " << b.link_ids().size() << "\ntranslated:";
        for (const auto& l : bundle_coverage(path)) {
            char share[16];
            std::snprintf(share, sizeof share, "%.0f%%", l.share() * 100);
            std::cout << " " << l.code << " " << share;
        }
        std::cout << "\n";
    } catch (const BundleError& e) {
        std::cerr << "kiosk-bundle: " << e.what() << "\n";
        return 1;
    }
    // The signature beside it: absent, present but unchecked, or checked with --public.
    const std::string signature = path + ".minisig";
    if (!content::anything_at(signature)) {
        std::cout << "signature: none (" << signature << " not found; a kiosk installs only signed bundles)\n";
        return 0;
    }
    if (args.all("--public").empty()) {
        try {
            const auto sig = minisign::parse_signature(read_file(signature).value_or(""));
            std::cout << "signature: key " << minisign::key_id_hex(sig.id) << ", not checked (give --public PUB to check it)\n";
        } catch (const minisign::Error& e) {
            std::cout << "signature: unreadable: " << e.what() << "\n";
            return 1;
        }
        return 0;
    }
    try {
        const auto v = verify_bundle(path, signature, trusted_keys(args));
        std::cout << "signature: good, key " << v.key_id << "\n";
        return 0;
    } catch (const minisign::Error& e) {
        std::cout << "signature: BAD: " << e.what() << "\n";
        return 1;
    }
}

// One `<id><TAB><target>` line per link, for content managers to check every address and for
// scripts to loop over; the target goes last, since it is the only field that may hold spaces.
int links(const Words& words) {
    Args args(words, {}, {});
    if (args.positional().size() != 1) throw UsageError("links takes one bundle file");
    try {
        Bundle b(args.positional()[0]);
        for (const auto& id : b.link_ids())
            if (const auto link = b.link(id, b.languages().front().code)) std::cout << link->id << '\t' << link->target << '\n';
        return 0;
    } catch (const BundleError& e) {
        std::cerr << "kiosk-bundle: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace content::cli
