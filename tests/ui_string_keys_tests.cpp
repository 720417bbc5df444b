// The interface strings the kiosk's code asks a bundle for, read from the code itself, against
// the list the source loader requires (required_string_keys) and the demo's 16 languages: a key
// the code asks for but nobody is told to write shows a fallback or nothing, and a listed key
// nobody asks for is work for translators that no visitor ever sees.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "content/build/source.hpp"
#include "content/model/map_projection.hpp"
#include "content/text/text_files.hpp"
#include "tests/test_support.hpp"

namespace fs = std::filesystem;

namespace {

struct AskedKeys {
    std::set<std::string> literal;   // "nav.back"
    std::set<std::string> families;  // "kind.": the code adds the rest at run time
    std::set<std::string> where;     // file:line of each, for the messages
};

// A string is asked of the bundle with Bundle::ui(key, lang), say(bundle, key, lang) (words.hpp)
// or a screen's label(key) helper around them; the admin panel's own say("pin.ok") is not the
// bundle's. A key built at run time is "family." + something.
AskedKeys read_kiosk_code() {
    static const std::regex asking(R"((\bui\(|\bsay\(bundle|\blabel\())");
    static const std::regex key(R"re("([a-z][a-z0-9]*(?:_[a-z]+)*(?:\.[a-z0-9_]+)+)")re");
    static const std::regex family(R"re("([a-z]+(?:_[a-z]+)*(?:\.[a-z0-9_]+)*\.)"\)?\s*\+)re");
    AskedKeys asked;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(KIOSK_SOURCE_DIR) / "kiosk")) {
        const auto ext = entry.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        const auto text = content::read_file(entry.path());
        REQUIRE(text);
        content::for_each_line(*text, [&](int line, const std::string& l) {
            if (!std::regex_search(l, asking)) return;
            const std::string at = fs::relative(entry.path(), fs::path(KIOSK_SOURCE_DIR)).string() + ":" + std::to_string(line);
            for (std::sregex_iterator m(l.begin(), l.end(), family), end; m != end; ++m) asked.families.insert((*m)[1]), asked.where.insert(at);
            for (std::sregex_iterator m(l.begin(), l.end(), key), end; m != end; ++m) asked.literal.insert((*m)[1]), asked.where.insert(at);
        });
    }
    return asked;
}

// What a family stands for: the values the code completes it with.
std::set<std::string> expand(const std::string& family) {
    std::set<std::string> keys;
    const auto add = [&](const std::string& rest) { keys.insert(family + rest); };
    if (family == "kind.") for (const char* k : content::kPlaceKinds) add(k);
    else if (family == "qr.opens.") for (const char* k : content::kLinkKinds) add(k);
    else if (family == "direction.") for (const char* k : content::kCompassPointNames) add(k);
    return keys;
}

}  // namespace

TEST_CASE("every interface string the kiosk asks for is required of bundles and in every demo language, and none required goes unasked") {
    const AskedKeys asked = read_kiosk_code();
    // The reader itself is checked: it finds both kinds of asking, in several files.
    REQUIRE(asked.literal.contains("nav.back"));
    REQUIRE(asked.literal.contains("place.address"));  // through a screen's label() helper
    REQUIRE(asked.families.contains("kind."));
    REQUIRE(asked.where.size() > 20);

    std::set<std::string> keys = asked.literal;
    for (const auto& f : asked.families) {
        const auto expanded = expand(f);
        CHECK_MESSAGE(!expanded.empty(), "the kiosk builds keys \"" << f << "...\" at run time: tell expand() what follows");
        keys.insert(expanded.begin(), expanded.end());
    }
    const auto& required = content::required_string_keys();
    const std::set<std::string> listed(required.begin(), required.end());
    CHECK(listed.size() == required.size());  // no key listed twice

    content::Diagnostics d;
    const auto demo = content::load_source(test::demo_source(), d);
    REQUIRE_FALSE(d.has_errors());
    REQUIRE(demo.languages.size() == 16);
    for (const auto& k : keys) {
        CHECK_MESSAGE(listed.contains(k), "the kiosk asks for \"" << k << "\", which required_string_keys() (content/build/source.cpp) does not list");
        for (const auto& l : demo.languages)
            CHECK_MESSAGE(demo.texts.at(l.code).strings.contains(k), "lang/" << l.code << "/strings.txt has no \"" << k << "\"");
    }
    for (const auto& k : listed)
        CHECK_MESSAGE(keys.contains(k), "required_string_keys() lists \"" << k << "\", which no code in kiosk/ asks for");
}
