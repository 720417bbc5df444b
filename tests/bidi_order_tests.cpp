// Numbers, times, codes and addresses inside right-to-left text keep their own order on screen:
// every text the kiosk draws on the screens that carry them, in Arabic, Persian and Urdu, set in
// visual order by the stock `fribidi` tool, must show each such run as written.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

// The runs that must read left to right: digits in several parts ("011 0112 5500",
// "09:00–17:00", "+39"), and web addresses.
std::vector<std::string> ordered_runs(const std::string& text) {
    static const std::regex run(R"((\+?[0-9]+(?:[ .:/–-][0-9]+)+)|(https?://[^ )]+))");
    std::vector<std::string> runs;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), run); it != std::sregex_iterator(); ++it) runs.push_back(it->str());
    return runs;
}

std::string without_isolates(std::string text) {
    for (const char* mark : {"\u2066", "\u2067", "\u2068", "\u2069"})
        for (size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
    return text;
}

}  // namespace

TEST_CASE("every number and address in right-to-left text shows in its own order (fribidi's visual order)") {
    const std::vector<Route> screens = {Route::guide("ukraine-call-center"), Route::guide("food-help"), Route::guide("permit-booking"),
                                        Route::qr("rednova-phone"), Route::qr("prenotafacile"), Route::place("rednova-call-center"),
                                        Route::places()};
    int checked = 0;
    for (const std::string lang : {"ar", "fa", "ur"}) {
        std::vector<std::string> texts;
        for (const auto& screen : screens) {
            Kiosk k(demo_bundle(), lang, screen, kWidth, 4000);  // tall: every text of the screen is drawn
            k.clock.set_wall(*content::parse_local_iso("2026-11-27T18:00"));  // closed: "opens Monday at 09:00"
            k.app.open(Route::home());
            k.app.open(screen);
            k.runner.settle();
            const auto& drawn = k.runner.drawn();
            for (size_t i = 0; i < drawn.blocks.size(); ++i)  // right-to-left paragraphs: the others read left to right
                if (drawn.rtl[i] && !ordered_runs(without_isolates(drawn.blocks[i])).empty()) texts.push_back(drawn.blocks[i]);
        }
        REQUIRE(texts.size() >= 5);
        TempDir dir;
        std::string all;
        for (const auto& t : texts) all += t + "\n";
        write(dir / "logical.txt", all);
        const auto r = run("fribidi --nopad --nobreak --rtl " + (dir / "logical.txt").string());
        REQUIRE(r.status == 0);
        std::istringstream visual(r.output);
        for (const auto& t : texts) {
            std::string line;
            REQUIRE(std::getline(visual, line));
            INFO(lang << ": " << t << " shows as " << line);
            for (const auto& run : ordered_runs(without_isolates(t))) {
                CHECK(without_isolates(line).find(run) != std::string::npos);
                ++checked;
            }
        }
    }
    CHECK(checked >= 30);
}
