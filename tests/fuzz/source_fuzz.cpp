// Fuzzes the source loader's reading of each file of a content source (content/build/source.cpp
// and the readers it calls): bundle.ini, the CSV tables, keyboards.txt, strings.txt and a guide,
// one at a time, in a copy of the small source tests/fuzz/source. The input's first line names
// the file, the rest is its new text. Every problem names its file and a fix; a source that
// loads without errors is signed with a trusted comment that claims exactly its metadata.
#include <algorithm>
#include <array>

#include "content/build/source.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/text/text_files.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::array kFiles = {"bundle.ini",          "languages.csv",          "categories.csv",
                               "guides.csv",          "places.csv",             "stops.csv",
                               "links.csv",           "keyboards.txt",          "lang/en/strings.txt",
                               "lang/it/strings.txt", "lang/en/guides/food-help.md"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const fs::path source = [] {
        const fs::path copy = fuzz::scratch() / "source";
        fs::remove_all(copy);
        fs::copy(KIOSK_FUZZ_SOURCE, copy, fs::copy_options::recursive);
        return copy;
    }();
    const std::string_view input = fuzz::text_of(data, size);
    const size_t newline = input.find('\n');
    if (newline == std::string_view::npos) return 0;
    const std::string_view name = input.substr(0, newline);
    if (std::find(kFiles.begin(), kFiles.end(), name) == kFiles.end()) return 0;
    const fs::path file = source / name;
    const std::string original = content::read_file(file).value_or("");
    fuzz::write(file, input.substr(newline + 1));

    content::Diagnostics d;
    const content::Content c = content::load_source(source, d, {content::CivilDate{2026, 6, 1}});
    fuzz::write(file, original);
    for (const auto& problem : d.all()) fuzz::require(!problem.file.empty() && !problem.problem.empty() && !problem.fix.empty());
    if (d.has_errors()) return 0;
    content::minisign::Signature signature;
    signature.trusted_comment = content::trusted_comment_for(c.meta);
    const auto claims = content::claims_of(signature);
    fuzz::require(claims.version == c.meta.version && claims.channel == c.meta.channel && claims.expires == c.meta.expires);
    return 0;
}
