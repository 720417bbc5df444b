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
                                         {"# every five seconds\ncheck_every = 5", ":2: check_every: \"5\" is not valid. Fix: write a whole number of seconds, at least 60"},
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
