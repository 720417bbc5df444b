// The `kiosk --script` reader (kiosk/shell/script_parse.cpp): what it refuses, naming the line
// and the fix, before anything runs.
#include <doctest/doctest.h>

#include "kiosk/shell/script.hpp"

namespace {

std::string refusal(const std::string& text) {
    std::string error;
    const auto script = kiosk::Script::parse(text, "t.kscript", error);
    CHECK_FALSE(script);
    return error;
}

}  // namespace

TEST_CASE("scripts: every command with its numbers, each read once") {
    std::string error;
    const auto script = kiosk::Script::parse("# a walk\ntap 960 540\n\ndrag 100 200 300 400 250\nwait 3600000\nexpect-text Torino Solidale\n",
                                             "t.kscript", error);
    REQUIRE(script);
    REQUIRE(script->commands().size() == 4);
    CHECK(script->commands()[0].line == 2);
    CHECK(script->commands()[1].numbers == std::vector<float>{100, 200, 300, 400, 250});
    CHECK(script->commands()[3].args == std::vector<std::string>{"Torino", "Solidale"});
}

TEST_CASE("scripts: mistakes are refused with their line and a fix") {
    CHECK(refusal("tap 1 2\njump 3\n") == "t.kscript:2: unknown command \"jump\". Fix: use tap, tap-item, drag, pinch, hold, type, key, wait, "
                                          "screenshot, expect-route, expect-lang, expect-text, expect-speech, restart or report");
    CHECK(refusal("tap 1\n").starts_with("t.kscript:1: \"tap\" takes 2 argument(s), not 1. Fix: "));
    CHECK(refusal("tap one 2\n").starts_with("t.kscript:1: \"one\" is not a number. Fix: "));
    // Found by tests/fuzz/script_fuzz: run() turns milliseconds into an int, which inf, nan and
    // 1e30 do not fit (undefined behaviour), and an hour-long hold froze the run.
    for (const char* number : {"inf", "nan", "-inf"}) CHECK(refusal(std::string("tap 10 ") + number + "\n").starts_with("t.kscript:1: \""));
    CHECK(refusal("wait 1e30\n") == "t.kscript:1: \"1e30\" is not a duration from 0 to 3600000 milliseconds (an hour). "
                                    "Fix: write a shorter one, or several wait lines");
    CHECK(refusal("hold 30 30 3600001\n").find("is not a duration") != std::string::npos);
    CHECK(refusal("drag 1 2 3 4 -16\n").find("is not a duration") != std::string::npos);
    CHECK(refusal("pinch 960 500 300 150 nan\n").find("is not a number") != std::string::npos);
}
