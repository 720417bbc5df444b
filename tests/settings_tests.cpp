// The configuration file a Pi's kiosk runs from (/etc/torino-kiosk/kiosk.conf): where content
// comes from and how it is updated, the languages offered; the command line wins over it.
#include <doctest/doctest.h>

#include "kiosk/config/options.hpp"
#include "kiosk/config/settings.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

kiosk::Options parse(std::vector<std::string> words) {
    words.insert(words.begin(), "kiosk");
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    std::string error;
    auto o = kiosk::parse_options(static_cast<int>(argv.size()), argv.data(), error);
    REQUIRE_MESSAGE(o, error);
    return *o;
}

std::optional<kiosk::Settings> settings(const TempDir& dir, const std::string& text, std::string& error) {
    write(dir / "kiosk.conf", text);
    return kiosk::load_settings(dir / "kiosk.conf", error);
}

}  // namespace

TEST_CASE("the configuration says where content comes from, how it is updated, and which languages are offered") {
    TempDir dir;
    std::string error;
    const auto s = settings(dir,
                            "bundle = /usr/share/torino-kiosk/torino.kbundle\nstore = /var/lib/torino-kiosk/store\n"
                            "trust = /etc/torino-kiosk/team.pub, /etc/torino-kiosk/next-team.pub\n"
                            "update_url = https://example.org/kiosk\nbundle_name = torino.kbundle\ncheck_every = 600\n"
                            "inbox = /run/torino-kiosk-stick\nchannel = torino\nmax_bundle_mb = 256\n"
                            "languages = it, en, ar, uk\nfallback = it en\n",
                            error);
    REQUIRE_MESSAGE(s, error);
    CHECK(s->store == "/var/lib/torino-kiosk/store");
    CHECK(s->trust == std::vector<std::string>{"/etc/torino-kiosk/team.pub", "/etc/torino-kiosk/next-team.pub"});
    CHECK(s->check_every == std::chrono::seconds(600));
    CHECK(s->max_bundle_mb == 256);
    CHECK(s->languages == std::vector<std::string>{"it", "en", "ar", "uk"});
    CHECK(s->fallback == std::vector<std::string>{"it", "en"});

    SUBCASE("what the command line leaves unsaid comes from the file; what it says wins") {
        auto o = parse({"--update-url", "https://other.example/kiosk", "--check-every", "30"});
        kiosk::take_settings(o, *s);
        CHECK(o.update_url == "https://other.example/kiosk");
        CHECK(o.check_every_s == 30);
        CHECK(o.store == "/var/lib/torino-kiosk/store");
        CHECK(o.trusted_keys == s->trust);
        CHECK(o.bundle == "/usr/share/torino-kiosk/torino.kbundle");
        CHECK(o.inbox == "/run/torino-kiosk-stick");
        CHECK(o.max_bundle_mb == 256);
        CHECK(o.fallback == s->fallback);
        CHECK_FALSE(kiosk::combination_problem(o));
    }
    SUBCASE("a preview takes none of it but the languages: it never installs") {
        auto o = parse({"--preview", "content/torino"});
        kiosk::take_settings(o, *s);
        CHECK(o.store.empty());
        CHECK(o.trusted_keys.empty());
        CHECK(o.update_url.empty());
        CHECK(o.fallback == s->fallback);
        CHECK_FALSE(kiosk::combination_problem(o));
    }
}

TEST_CASE("configuration mistakes name the file, the line, the setting and the fix") {
    TempDir dir;
    std::string error;
    for (const auto& mistake : {std::pair<std::string, std::string>{"update_url = ftp://example.org/kiosk", ":1: update_url: \"ftp://example.org/kiosk\" is not valid. Fix: write the address"},
                                         {"# every five seconds\ncheck_every = 5", ":2: check_every: \"5\" is out of range: allowed 60 to 86400 seconds (1 minute to 1 day). Fix: "},
                                         {"languages = ,", ":1: languages: \",\" is not valid"},
                                         {"max_bundle_mb = lots", ":1: max_bundle_mb:"},
                                         // Found by tests/fuzz/settings_fuzz: the printer's mistakes had no "Fix:".
                                         {"printer = lp0", ":1: printer: \"lp0\" is not a printer. Fix: write a device such as /dev/usb/lp0"},
                                         {"printer = cups:", ":1: printer: \"cups:\" needs a CUPS queue's name. Fix: "},
                                         {"printer = serial:/dev/ttyS0@99999999999", ":1: printer: \"serial:/dev/ttyS0@99999999999\" needs a port and a speed. Fix: "}}) {
        const std::string& text = mistake.first;  // not a binding: clang 14 cannot capture those
        const std::string& expected = mistake.second;
        INFO(text);
        CHECK_FALSE(settings(dir, text + "\n", error));
        CHECK(error.find((dir / "kiosk.conf").string() + expected) == 0);
    }
    const auto s = settings(dir, "update_url = https://example.org/kiosk\n", error);
    REQUIRE(s);
    auto o = parse({});
    kiosk::take_settings(o, *s);
    const auto problem = kiosk::combination_problem(o);
    REQUIRE(problem);
    CHECK(problem->find("update_url and inbox in the configuration") != std::string::npos);
}

// A number past its range once wrapped round silently: check_every = 4294967296 asked the server
// without pause, max_bundle_mb = 2147483648 lifted the download cap and 4294967296 made it 0,
// idle_timeout = 10000000000 ended every visit at once, position = nan was taken.
TEST_CASE("every number in the configuration has a range; a value outside it stops the kiosk with the file, line, key, range and fix") {
    TempDir dir;
    std::string error;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"check_every = 4294967296", "check_every: \"4294967296\" is out of range: allowed 60 to 86400 seconds (1 minute to 1 day). Fix: write"},
        {"check_every = 86401", "check_every: \"86401\" is out of range: allowed 60 to 86400 seconds"},
        {"check_every = 99999999999999999999999", "check_every: \"99999999999999999999999\" is out of range: allowed 60 to 86400"},
        {"max_bundle_mb = 2147483648", "max_bundle_mb: \"2147483648\" is out of range: allowed 1 to 4096 megabytes (up to 4 GiB). Fix: write"},
        {"max_bundle_mb = 4294967296", "max_bundle_mb: \"4294967296\" is out of range: allowed 1 to 4096 megabytes"},
        {"max_bundle_mb = 0", "max_bundle_mb: \"0\" is out of range: allowed 1 to 4096 megabytes"},
        {"max_bundle_mb = lots", "max_bundle_mb: \"lots\" is not a whole number: allowed 1 to 4096 megabytes"},
        {"idle_timeout = 10000000000", "idle_timeout: \"10000000000\" is out of range: allowed 15 to 3600 seconds (15 seconds to 1 hour). Fix: write"},
        {"idle_countdown = 4294967299", "idle_countdown: \"4294967299\" is out of range: allowed 3 to 60 seconds"},
        {"printer_timeout = 4294967297", "printer_timeout: \"4294967297\" is out of range: allowed 1 to 120 seconds"},
        {"screen_size_mm = 4294967346x268", "screen_size_mm: \"4294967346x268\" is not valid: allowed 50 to 3000 millimetres each way. Fix: write"},
        {"position = nan, 7.6869", "position: \"nan, 7.6869\" is not valid: allowed latitude -90 to 90 and longitude -180 to 180 degrees. Fix: write"},
        {"position = 45.0703, inf", "position: \"45.0703, inf\" is not valid: allowed latitude -90 to 90"},
        {"position = 1e999, 7.6869", "position: \"1e999, 7.6869\" is not valid: allowed latitude -90 to 90"},
        {"idle_timeout = 60\nidle_countdown = 60", ":3: idle_countdown: \"60\" is not shorter than idle_timeout (60 seconds). Fix: "},
    };
    for (const auto& mistake : cases) {
        const std::string& text = mistake.first;  // not a binding: clang 14 cannot capture those
        const std::string& expected = mistake.second;
        INFO(text);
        CHECK_FALSE(settings(dir, "# a kiosk\n" + text + "\n", error));
        const std::string line = text.find('\n') == std::string::npos ? ":2: " : "";
        CHECK(error.find((dir / "kiosk.conf").string() + line + expected) == 0);
        CHECK(error.find(expected) != std::string::npos);
    }
    const auto edges = settings(dir, "check_every = 86400\nmax_bundle_mb = 4096\nidle_timeout = 3600\nidle_countdown = 60\nprinter_timeout = 120\n"
                                     "position = -90, 180\n", error);
    REQUIRE_MESSAGE(edges, error);
    CHECK(edges->check_every == std::chrono::hours(24));
    CHECK(edges->max_bundle_mb == 4096);
    CHECK(edges->idle_timeout == std::chrono::hours(1));
}

TEST_CASE("--config must name a file: a folder is refused with the fix") {
    TempDir dir;
    std::string error;
    CHECK_FALSE(kiosk::load_settings(dir.path(), error));
    CHECK(error == "cannot read the configuration " + dir.path().string() +
                       ": it is a folder, not a file. Fix: give --config the configuration file, e.g. /etc/torino-kiosk/kiosk.conf");
}

TEST_CASE("every number on the command line has a range too, named when a value is outside it") {
    for (const auto& mistake : {std::pair<std::vector<std::string>, std::string>{{"--check-every", "0"}, "--check-every 0 is out of range: allowed 1 to 86400 seconds"},
                                          {{"--check-every", "86401"}, "--check-every 86401 is out of range: allowed 1 to 86400 seconds (up to 1 day). Fix: e.g. --check-every 900"},
                                          {{"--check-every", "4294967296"}, "--check-every 4294967296 is out of range: allowed 1 to 86400 seconds"},
                                          {{"--max-bundle-mb", "4097"}, "--max-bundle-mb 4097 is out of range: allowed 1 to 4096 megabytes (up to 4 GiB). Fix: e.g. --max-bundle-mb 512"},
                                          {{"--max-bundle-mb", "2147483648"}, "--max-bundle-mb 2147483648 is out of range: allowed 1 to 4096 megabytes"},
                                          {{"--exit-after", "-1"}, "--exit-after -1 is out of range: allowed 0 to 86400000 milliseconds (up to 1 day). Fix: e.g. --exit-after 5000"},
                                          {{"--exit-after", "soon"}, "--exit-after soon is not a whole number: allowed 0 to 86400000 milliseconds"},
                                          {{"--size", "99999x1080"}, "--size 99999x1080 is not a size: allowed 320x240 to 8192x8192 pixels. Fix: "}}) {
        const std::vector<std::string>& words = mistake.first;  // not a binding: clang 14 cannot capture those
        const std::string& expected = mistake.second;
        std::vector<std::string> all{"kiosk"};
        all.insert(all.end(), words.begin(), words.end());
        std::vector<char*> argv;
        for (auto& w : all) argv.push_back(w.data());
        std::string error;
        INFO(words[0] << " " << words[1]);
        CHECK_FALSE(kiosk::parse_options(static_cast<int>(argv.size()), argv.data(), error));
        CHECK(error.find(expected) == 0);
    }
    const auto o = parse({"--check-every", "86400", "--max-bundle-mb", "4096", "--exit-after", "0"});
    CHECK(o.check_every_s == 86400);
    CHECK(o.max_bundle_mb == 4096);
}

TEST_CASE("only the languages offered are on screen; texts still fall back to the others") {
    content::Bundle b(demo_bundle());
    const auto missing = b.choose_languages({{"uk", "ar", "xx", "it"}, {"it"}});
    CHECK(missing == std::vector<std::string>{"xx"});
    std::vector<std::string> codes;
    for (const auto& l : b.languages()) codes.push_back(l.code);
    CHECK(codes == std::vector<std::string>{"it", "ar", "uk"});  // the bundle's order
    CHECK(b.chain_for("uk") == std::vector<std::string>{"uk", "it"});
    CHECK_FALSE(b.language("en"));

    content::Bundle none(demo_bundle());
    none.choose_languages({{"xx"}, {}});
    CHECK(none.languages().size() == 16);  // never an empty chooser

    Kiosk k(demo_bundle(), "uk", Route::home());
    auto offered = std::make_shared<content::Bundle>(demo_bundle());
    offered->choose_languages({{"it", "ar", "uk"}, {}});
    k.app.replace_bundle(offered);
    k.runner.settle();
    CHECK(k.runner.hits().center("lang:ar"));
    CHECK(k.runner.hits().center("lang:uk"));
    CHECK_FALSE(k.runner.hits().center("lang:en"));
    CHECK_FALSE(k.runner.hits().center("lang:zh"));
}
