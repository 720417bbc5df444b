// kiosk-bundle info: a bundle's counts, how much each language translates, and its signature —
// none, present but unchecked, good with the right key, bad once the bundle is touched.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/test_support.hpp"

using namespace test;

TEST_CASE("kiosk-bundle info: counts, translation shares and the signature's state") {
    const std::string tool = KIOSK_BUNDLE_TOOL;
    TempDir dir;
    const fs::path bundle = dir / "torino.kbundle";
    fs::copy_file(KIOSK_DEMO_BUNDLE, bundle);

    auto r = run(tool + " info " + bundle.string());
    CHECK(r.status == 0);
    CHECK(r.output.find("guides: 8\nplaces: 7\nlinks: 5\n") != std::string::npos);
    CHECK(r.output.find("translated: it 100% en 100%") != std::string::npos);
    CHECK(r.output.find("signature: none") != std::string::npos);

    const fs::path pub = dir / "k.pub", sec = dir / "k.key";
    REQUIRE(run(tool + " keygen --public " + pub.string() + " --secret " + sec.string() + " --no-password").status == 0);
    REQUIRE(run(tool + " sign " + bundle.string() + " --secret " + sec.string()).status == 0);
    r = run(tool + " info " + bundle.string());
    CHECK(r.status == 0);
    CHECK(r.output.find("not checked (give --public PUB to check it)") != std::string::npos);
    r = run(tool + " info " + bundle.string() + " --public " + pub.string());
    CHECK(r.status == 0);
    CHECK(r.output.find("signature: good, key ") != std::string::npos);

    // One byte changed at the end of the file: the signature no longer holds.
    {
        std::fstream f(bundle, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-1, std::ios::end);
        f.put('\x7f');
    }
    r = run(tool + " info " + bundle.string() + " --public " + pub.string());
    CHECK(r.status == 1);
    CHECK(r.output.find("signature: BAD: ") != std::string::npos);
}
