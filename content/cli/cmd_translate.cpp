// kiosk-bundle export-po | import-po — the translators' round trip through gettext PO files.
#include <iostream>

#include "content/build/source.hpp"
#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/text/text_files.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_import.hpp"

namespace content::cli {

namespace {

void print_errors(const Diagnostics& d) {
    for (const auto& item : d.all())
        if (item.severity == Diagnostic::Severity::Error) std::cerr << item.format() << "\n";
}

}  // namespace

// One language as a PO file: to stdout (for pipes), or to -o FILE.
int export_po(const Words& words) {
    Args args(words, {}, {"-o"});
    if (args.positional().size() != 2) throw UsageError("export-po takes a source folder and a language code, e.g. export-po content/torino fr");
    const std::string src = args.positional()[0], lang = args.positional()[1];
    Diagnostics d;
    const auto c = load_source(src, d);
    if (d.has_errors()) {
        print_errors(d);
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << "; no PO file written. Fix: `kiosk-bundle validate "
                  << src << "` lists them\n";
        return 1;
    }
    std::string codes;
    bool known = false;
    for (const auto& l : c.languages) {
        codes += (codes.empty() ? "" : " ") + l.code;
        known = known || l.code == lang;
    }
    if (!known) {
        std::cerr << src << "/languages.csv: error: language \"" << lang << "\" is not in languages.csv. Fix: use one of " << codes
                  << ", or add the language there\n";
        return 1;
    }
    const std::string po = content::export_po(c, src, lang);
    if (const auto out = args.option("-o")) {
        write_file_atomically(*out, po, 0644);
        std::cout << "wrote " << *out << " (" << lang << ")\n";
    } else {
        std::cout << po;
    }
    return 0;
}

// A translated PO file back into the source, all of it or, when anything is refused, nothing.
int import_po(const Words& words) {
    Args args(words, {}, {});
    if (args.positional().size() != 2) throw UsageError("import-po takes a source folder and a PO file, e.g. import-po content/torino fr.po");
    const std::string src = args.positional()[0], po = args.positional()[1];
    Diagnostics d;
    const auto result = content::import_po(src, po, d);
    if (!result) {
        print_errors(d);
        std::cerr << "kiosk-bundle: " << d.error_count() << " problem(s) in " << po << "; nothing imported, no file changed\n";
        return 1;
    }
    std::cout << import_summary(*result) << "\n";
    return 0;
}

}  // namespace content::cli
