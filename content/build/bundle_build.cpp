#include "content/build/bundle_build.hpp"

#include "content/build/font_check.hpp"
#include "content/build/writer.hpp"
#include "content/hours/dates.hpp"
#include "content/model/unit_stops.hpp"

namespace content {

std::optional<Content> build_bundle(const std::filesystem::path& source, const std::filesystem::path& out,
                                    const std::filesystem::path& font_root, const SourceChecks& checks, Diagnostics& d) {
    auto c = load_source(source, d, checks);
    if (!d.has_errors()) {
        const FontCatalog catalog(font_root, d);
        check_fonts(c, catalog, d);
        if (!d.has_errors()) cut_fonts(c, catalog, d);
    }
    if (d.has_errors()) return std::nullopt;
    try {
        write_bundle(c, out);
    } catch (const std::exception& e) {
        d.error(out.string(), 0, "", std::string("cannot write the bundle: ") + e.what(), "check the folder exists and has free space");
        return std::nullopt;
    }
    return c;
}

}  // namespace content
