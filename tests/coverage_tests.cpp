// Translation coverage: what each language of a source has and lacks, from a copy of the demo
// source with one string taken out of French and one guide out of Somali.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "content/build/source.hpp"
#include "content/translate/coverage.hpp"
#include "tests/test_support.hpp"

using namespace test;

namespace {

// The source's file without the line that starts with `prefix`.
void drop_line(const fs::path& file, const std::string& prefix) {
    std::ifstream in(file);
    std::string line, kept;
    bool dropped = false;
    while (std::getline(in, line)) {
        if (!dropped && line.rfind(prefix, 0) == 0) {
            dropped = true;
            continue;
        }
        kept += line + "\n";
    }
    REQUIRE_MESSAGE(dropped, prefix << " not in " << file);
    std::ofstream(file) << kept;
}

const content::LanguageCoverage& of(const std::vector<content::LanguageCoverage>& all, const std::string& code) {
    for (const auto& l : all)
        if (l.code == code) return l;
    FAIL("no language " << code);
    return all.front();
}

}  // namespace

TEST_CASE("coverage counts each language's strings and guides, and names what one lacks") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    drop_line(src / "lang/fr/strings.txt", "map.here =");
    fs::remove(src / "lang/so/guides/food-help.md");
    content::Diagnostics d;
    const auto c = content::load_source(src, d);
    REQUIRE_FALSE(d.has_errors());
    const auto all = content::coverage(c);
    REQUIRE(all.size() == c.languages.size());

    const auto& en = of(all, "en");
    CHECK(en.missing.empty());
    CHECK(en.translated == en.total);
    CHECK(en.total == static_cast<int>(c.texts.at("en").strings.size() + c.guides.size()));
    const auto& fr = of(all, "fr");
    CHECK(fr.total == en.total);
    CHECK(fr.translated == fr.total - 1);
    CHECK(fr.missing == std::vector<std::string>{"string:map.here"});
    const auto& so = of(all, "so");
    CHECK(so.missing == std::vector<std::string>{"guide:food-help"});
    CHECK(so.share() == doctest::Approx(static_cast<double>(so.total - 1) / so.total));

    const std::string text = content::coverage_text(all);
    CHECK(text.find("en  100.0 %") != std::string::npos);
    CHECK(text.find("fr lacks 1:\n  string:map.here\n") != std::string::npos);
    const std::string html = content::coverage_html(all, "Torino <demo>");
    CHECK(html.find("<title>Torino &lt;demo&gt;</title>") != std::string::npos);
    CHECK(html.find("<code>guide:food-help</code>") != std::string::npos);
    CHECK(html.find("src=") == std::string::npos);  // self-contained: nothing to fetch
}
