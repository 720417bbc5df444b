// kiosk-bundle export-po | import-po | mark-translated — the translators' round trip through
// gettext PO files, and the record of which source text each translation was made from.
#include <algorithm>
#include <iostream>
#include <optional>

#include "content/build/source.hpp"
#include "content/build/translation_items.hpp"
#include "content/cli/cli_args.hpp"
#include "content/cli/commands.hpp"
#include "content/text/text_files.hpp"
#include "content/text/translation_record.hpp"
#include "content/translate/mark_translated.hpp"
#include "content/translate/po_export.hpp"
#include "content/translate/po_import.hpp"

namespace content::cli {

namespace {

void print_errors(const Diagnostics& d) {
    for (const auto& item : d.all())
        if (item.severity == Diagnostic::Severity::Error) std::cerr << item.format() << "\n";
}

void print_warnings(const Diagnostics& d) {
    for (const auto& item : d.all())
        if (item.severity == Diagnostic::Severity::Warning) std::cerr << item.format() << "\n";
}

// The source, loaded, and `lang` checked against its languages; nullopt after saying why not.
std::optional<Content> load_for(const std::string& src, const std::string& lang, const char* what_not_done) {
    Diagnostics d;
    auto c = load_source(src, d);
    if (d.has_errors()) {
        print_errors(d);
        std::cerr << "kiosk-bundle: " << d.error_count() << " error(s) in " << src << "; " << what_not_done << ". Fix: `kiosk-bundle validate "
                  << src << "` lists them\n";
        return std::nullopt;
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
        return std::nullopt;
    }
    return c;
}

}  // namespace

// One language as a PO file: to stdout (for pipes), or to -o FILE.
int export_po(const Words& words) {
    Args args(words, {}, {"-o"});
    if (args.positional().size() != 2) throw UsageError("export-po takes a source folder and a language code, e.g. export-po content/torino fr");
    const std::string src = args.positional()[0], lang = args.positional()[1];
    const auto c = load_for(src, lang, "no PO file written");
    if (!c) return 1;
    const std::string po = content::export_po(*c, lang);
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
    print_warnings(d);
    std::cout << import_summary(*result) << "\n";
    return 0;
}

// After a content manager checked translations by hand against the current source text: they
// are recorded as made from it, and stop counting as outdated. Without items: every translated
// item of the language (for a language whose translations were all checked, or a first record).
int mark_translated(const Words& words) {
    Args args(words, {}, {});
    if (args.positional().size() < 2)
        throw UsageError("mark-translated takes a source folder, a language code and optionally items, e.g. mark-translated content/torino fr nav.home");
    const std::string src = args.positional()[0], lang = args.positional()[1];
    const auto c = load_for(src, lang, "nothing recorded");
    if (!c) return 1;
    const auto items = translation_items(*c, lang);
    // An item, or all the items under it: `guide:food-help:body` is every block of that body.
    const std::vector<std::string> wanted(args.positional().begin() + 2, args.positional().end());
    const bool all = wanted.empty();
    std::vector<std::string> contexts;
    int problems = 0;
    for (const auto& name : wanted) {
        const std::string file = src + "/lang/" + lang;
        const auto under = [&](const TranslationItem& i) { return i.context == name || i.context.starts_with(name + ":"); };
        if (std::none_of(items.begin(), items.end(), under)) {
            std::cerr << file << ": error: item \"" << name << "\" is not an item of the source. Fix: write a strings.txt key (nav.home), "
                      << "guide:<id>:title, :summary, :body (all its blocks) or :body:<n>, as kiosk-bundle coverage and validate name them\n";
            ++problems;
        } else if (std::none_of(items.begin(), items.end(), [&](const TranslationItem& i) { return under(i) && i.translated(); })) {
            std::cerr << file << ": error: item \"" << name << "\" has no " << lang << " translation to mark. Fix: translate it first\n";
            ++problems;
        }
        for (const auto& item : items)
            if (under(item) && item.translated()) contexts.push_back(item.context);
    }
    if (problems > 0) {
        std::cerr << "kiosk-bundle: nothing recorded\n";
        return 1;
    }
    int outdated = 0;
    for (const auto& item : items) {
        if (all && item.translated() && item.reference_lang != lang) contexts.push_back(item.context);
        if (item.outdated() && std::find(contexts.begin(), contexts.end(), item.context) != contexts.end()) ++outdated;
    }
    const bool written = content::mark_translated(src, *c, lang, items, contexts);
    std::cout << "lang/" << lang << "/" << kTranslationRecordName << ": " << contexts.size() << " item(s) recorded as translated from today's text, "
              << outdated << " of them outdated before" << (written ? "" : " (the record already said so; nothing written)") << "\n";
    return 0;
}

}  // namespace content::cli
