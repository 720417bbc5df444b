#pragma once
// Helpers of the content suites: reading a source's diagnostics, and bundles built from a
// changed copy of the demo source.
#include <doctest/doctest.h>

#include <string>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/text/diagnostics.hpp"
#include "tests/test_support.hpp"

namespace test {

/// The first error about `file`; null when there is none.
inline const content::Diagnostic* error_about(const content::Diagnostics& d, const std::string& file) {
    for (const auto& item : d.all())
        if (item.severity == content::Diagnostic::Severity::Error && item.file == file) return &item;
    return nullptr;
}

/// Every error, a line each, for a failing test's message.
inline std::string all_errors(const content::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.all())
        if (item.severity == content::Diagnostic::Severity::Error) out += item.format() + "\n";
    return out;
}

/// The source at `src`, which must load without errors (they are the failure's message).
inline content::Content loaded(const fs::path& src) {
    content::Diagnostics d;
    auto c = content::load_source(src, d);
    INFO(all_errors(d));
    REQUIRE_FALSE(d.has_errors());
    return c;
}

/// A bundle built from a copy of the demo source after `edit` has changed it.
template <typename Edit>
fs::path build_from_demo(const TempDir& dir, Edit edit) {
    const fs::path src = copy_demo_source(dir);
    edit(src);
    content::Diagnostics d;
    const auto c = content::load_source(src, d);
    INFO(all_errors(d));
    REQUIRE_FALSE(d.has_errors());
    const fs::path out = dir / "test.kbundle";
    content::write_bundle(c, out);
    return out;
}

}  // namespace test
