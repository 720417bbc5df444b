#include "content/build/bundle_build.hpp"

#include <unistd.h>

#include "content/build/facts.hpp"
#include "content/build/font_check.hpp"
#include "content/build/writer.hpp"
#include "content/hours/dates.hpp"
#include "content/model/unit_stops.hpp"

namespace content {

namespace {

// Writes the bundle; a failure is an error on `file` in the same words for build and validate.
bool write_or_say(const Content& c, const std::filesystem::path& out, const std::string& file, Diagnostics& d) {
    try {
        write_bundle(c, out);
        return true;
    } catch (const std::exception& e) {
        // A constraint is the content's fault, one the source's checks should have named first.
        const bool content_refused = std::string_view(e.what()).find("constraint failed") != std::string_view::npos;
        d.error(file, 0, "", std::string("cannot write the bundle: ") + e.what(),
                content_refused ? "correct the item the message names, and tell the kiosk's developers: validate should have named it"
                                : "check the folder exists and has free space");
        return false;
    }
}

}  // namespace

std::optional<Content> build_bundle(const std::filesystem::path& source, const std::filesystem::path& out,
                                    const std::filesystem::path& font_root, const SourceChecks& checks, Diagnostics& d,
                                    bool cut) {
    auto c = load_source(source, d, checks);
    if (!d.has_errors()) {
        // The fonts must draw the texts as the kiosk shows them, facts filled in.
        Content shown = with_facts_filled(c);
        const FontCatalog catalog(font_root, d);
        check_fonts(shown, catalog, d);
        if (!d.has_errors() && cut) cut_fonts(shown, catalog, d);
        c.fonts = std::move(shown.fonts);
    }
    if (d.has_errors()) return std::nullopt;
    if (!write_or_say(c, out, out.string(), d)) return std::nullopt;
    return c;
}

void check_buildable(const Content& c, const std::filesystem::path& source, const std::filesystem::path& font_root,
                     Diagnostics& d) {
    check_fonts(with_facts_filled(c), FontCatalog(font_root, d), d);
    if (d.has_errors()) return;
    std::error_code ec;
    auto folder = std::filesystem::temp_directory_path(ec);
    if (ec) folder = "/tmp";
    const auto scratch = folder / ("kiosk-bundle-validate-" + std::to_string(::getpid()) + ".kbundle");
    write_or_say(c, scratch, source.string(), d);
    std::filesystem::remove(scratch, ec);
}

}  // namespace content
