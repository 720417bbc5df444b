#include "bundle_build.hpp"

#include "bundle_fonts.hpp"
#include "store.hpp"
#include "unit_stops.hpp"
#include "writer.hpp"

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

CivilDate today() { return *parse_date(today_iso()); }

}  // namespace content
