// Recorded speech in a content source: lang/<code>/recordings.txt names Ogg Vorbis files for
// strings and guide texts; the bundle finds each by the words it reads, as the kiosk draws them.
#include <doctest/doctest.h>

#include <functional>

#include "content/build/source.hpp"
#include "content/model/bundle.hpp"
#include "tests/content_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;

namespace {

const fs::path kTiFolder = "lang/ti";

void add_recording(const fs::path& src, const std::string& line) {
    write(src / kTiFolder / "recordings.txt", read(src / kTiFolder / "recordings.txt") + line + "\n");
}

}  // namespace

TEST_CASE("recordings: the demo's Tigrinya stand-ins are in the bundle, found by the words the kiosk draws") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    CHECK(bundle.has_recordings("ti"));
    CHECK_FALSE(bundle.has_recordings("so"));
    const auto guide = bundle.guide("ukraine-call-center", "ti");
    REQUIRE(guide);
    CHECK_FALSE(bundle.recording("ti", guide->title).empty());
    // The first paragraph has **Red Nova** in bold: drawn without the stars, found all the same,
    // as it is with the marks that keep numbers in order in right-to-left text.
    std::string first;
    for (const auto& span : guide->body.blocks.at(0).spans) first += span.text;
    const auto ogg = bundle.recording("ti", first);
    REQUIRE(ogg.size() > 1000);
    CHECK(std::string(ogg.begin(), ogg.begin() + 4) == "OggS");
    CHECK(bundle.recording("ti", "\xE2\x81\xA6" + first + "\xE2\x81\xA9") == ogg);
    CHECK(bundle.recording("ti", first + " and more").empty());
    CHECK(bundle.recording("am", first).empty());  // in its language only
}

TEST_CASE("recordings: mistakes are named at their line with the fix") {
    struct Case {
        const char* what;
        std::function<void(const fs::path&)> edit;
        const char* file;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"no such text", [](const fs::path& s) { add_recording(s, "guide:ukraine-call-center:99 = ukraine-call-center-1.ogg"); },
         "lang/ti/recordings.txt", "recording \"guide:ukraine-call-center:99\": no such text in ti"},
        {"a missing file", [](const fs::path& s) { add_recording(s, "string:nav.back = back.ogg"); }, "lang/ti/recordings.txt",
         "lang/ti/recordings/back.ogg is missing"},
        {"a path instead of a name", [](const fs::path& s) { add_recording(s, "string:nav.back = ../../it/back.ogg"); },
         "lang/ti/recordings.txt", "the file must be a name in lang/ti/recordings/"},
        {"not Ogg at all",
         [](const fs::path& s) {
             write(s / kTiFolder / "recordings/back.ogg", std::string(200, 'x'));
             add_recording(s, "string:nav.back = back.ogg");
         },
         "lang/ti/recordings/back.ogg", "the file is not an Ogg file"},
        {"Opus",
         [](const fs::path& s) {
             write(s / kTiFolder / "recordings/back.ogg", "OggS" + std::string(24, '\0') + "OpusHead" + std::string(100, '\1'));
             add_recording(s, "string:nav.back = back.ogg");
         },
         "lang/ti/recordings/back.ogg", "Ogg Opus, which the kiosk does not play"},
        {"twice", [](const fs::path& s) { add_recording(s, "guide:ukraine-call-center:title = ukraine-call-center-1.ogg"); },
         "lang/ti/recordings.txt", "the item has a recording already"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        TempDir dir;
        const fs::path src = copy_demo_source(dir);
        c.edit(src);
        content::Diagnostics d;
        content::load_source(src, d);
        const auto* e = error_about(d, c.file);
        REQUIRE_MESSAGE(e, all_errors(d));
        CHECK_MESSAGE(e->format().find(c.problem) != std::string::npos, e->format());
        CHECK_MESSAGE(e->format().find("Fix: ") != std::string::npos, e->format());
    }
}

TEST_CASE("spoken variants: the demo's Arabic paragraph is read with its vowels; mistakes are named") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    const auto guide = bundle.guide("ukraine-call-center", "ar");
    REQUIRE(guide);
    std::string first;
    for (const auto& span : guide->body.blocks.at(0).spans) first += span.text;
    const std::string variant = bundle.spoken_variant("ar", first);
    CHECK(variant.starts_with("هَلْ هَرَبْتَ"));
    CHECK(bundle.spoken_variant("ar", guide->title).empty());  // the title is read as written
    CHECK(bundle.spoken_variant("fa", first).empty());

    for (const auto& [line, problem] : std::vector<std::pair<std::string, std::string>>{
             {"guide:ukraine-call-center:40 = نص", "spoken variant \"guide:ukraine-call-center:40\": no such text in ar"},
             {"string:nav.back =", "spoken variant \"string:nav.back\": the text is empty"},
             {"guide:ukraine-call-center:1 = نص", "the item has a spoken variant already"}}) {
        INFO(line);
        TempDir dir;
        const fs::path src = copy_demo_source(dir);
        write(src / "lang/ar/spoken.txt", read(src / "lang/ar/spoken.txt") + line + "\n");
        content::Diagnostics d;
        content::load_source(src, d);
        const auto* e = error_about(d, "lang/ar/spoken.txt");
        REQUIRE_MESSAGE(e, all_errors(d));
        CHECK_MESSAGE(e->format().find(problem) != std::string::npos, e->format());
        CHECK_MESSAGE(e->format().find("Fix: ") != std::string::npos, e->format());
    }
}
