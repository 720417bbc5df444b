// `kiosk-bundle validate`: one fixture per rule the content managers' tools promise, each a copy
// of the demo source with one mistake, checking the message names the file, the line, the item,
// the problem and a fix.
#include <doctest/doctest.h>

#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

#include "content/build/font_check.hpp"
#include "content/model/bundle.hpp"
#include "content/build/source.hpp"
#include "tests/content_fixture.hpp"
#include "tests/test_support.hpp"

using namespace content;
namespace fs = std::filesystem;

namespace {

const std::string kBundleTool = KIOSK_BUNDLE_TOOL;
constexpr const char* kFonts = "/usr/share/fonts";
// The demo's stops are in December 2026 and it expires on 2027-11-23.
constexpr CivilDate kToday{2026, 11, 24};

// What validate reports for a copy of the demo source after `edit`: the loader's checks, then the fonts'.
template <typename Edit>
Diagnostics validate_demo(Edit edit, CivilDate today = kToday) {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    edit(src);
    Diagnostics d;
    const auto c = load_source(src, d, {today});
    check_fonts(c, FontCatalog(kFonts, d), d);
    return d;
}

// The one problem about `item` in `file`, of either severity; fails the test when there is not exactly one.
Diagnostic only_problem(const Diagnostics& d, const std::string& file, const std::string& item) {
    std::vector<Diagnostic> found;
    std::string all;
    for (const auto& p : d.all()) {
        all += p.format() + "\n";
        if (p.file == file && p.item == item) found.push_back(p);
    }
    INFO(all);
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].fix.empty());
    return found[0];
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("validate: the demo source has no errors and no warnings") {
    const auto d = validate_demo([](const fs::path&) {});
    INFO(test::all_errors(d));
    CHECK(d.all().empty());
}

TEST_CASE("validate rule: a missing translation is a warning per language and item") {
    const auto d = validate_demo([](const fs::path& src) {
        fs::remove(src / "lang/ru/guides/food-help.md");
        test::replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil\n", "");
    });
    CHECK_FALSE(d.has_errors());
    const auto guide = only_problem(d, "lang/ru/guides/food-help.md", "guide \"food-help\"");
    CHECK(guide.severity == Diagnostic::Severity::Warning);
    CHECK(has(guide.problem, "not translated"));
    CHECK(has(guide.fix, "Русский"));
    const auto key = only_problem(d, "lang/fr/strings.txt", "key \"nav.home\"");
    CHECK(key.severity == Diagnostic::Severity::Warning);
    CHECK(has(key.fix, "nav.home = ..."));
}

TEST_CASE("validate rule: a reference to an unknown guide, place or link") {
    SUBCASE("a guide file with no guide") {
        const auto d = validate_demo([](const fs::path& src) {
            fs::copy(src / "lang/en/guides/food-help.md", src / "lang/en/guides/food-hlep.md");
        });
        const auto e = only_problem(d, "lang/en/guides/food-hlep.md", "guide \"food-hlep\"");
        CHECK(has(e.problem, "no guide with this id in guides.csv"));
    }
    SUBCASE("a guide's unknown place") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "guides.csv", "hub-nord hub-centro hub-sud", "hub-nord hub-ovest");
        });
        const auto e = only_problem(d, "guides.csv", "guide \"food-help\"");
        CHECK(e.line == 6);
        CHECK(has(e.problem, "place \"hub-ovest\" does not exist"));
    }
    SUBCASE("an unknown link inside a guide's text") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "lang/en/guides/permit-booking.md", "link:prenotafacile", "link:prenota-facile");
        });
        const auto e = only_problem(d, "lang/en/guides/permit-booking.md", "guide \"permit-booking\"");
        CHECK(e.line > 3);
        CHECK(has(e.problem, "link \"prenota-facile\" does not exist"));
    }
}

TEST_CASE("validate rule: opening hours the kiosk cannot read") {
    const auto d = validate_demo([](const fs::path& src) {
        test::replace_in_file(src / "places.csv", "Mo-Fr 09:00-17:00", "Mo-Fr 9-17");
    });
    const auto e = only_problem(d, "places.csv", "place \"rednova-call-center\"");
    CHECK(e.line == 2);
    CHECK(has(e.problem, "opening hours \"Mo-Fr 9-17\""));
}

TEST_CASE("validate rule: a position outside the area in bundle.ini") {
    SUBCASE("latitude and longitude swapped") {
        const auto d = validate_demo([](const fs::path& src) { test::replace_in_file(src / "places.csv", "45.0960,7.6890", "7.6890,45.0960"); });
        const auto e = only_problem(d, "places.csv", "place \"hub-nord\"");
        CHECK(e.line == 5);
        CHECK(has(e.problem, "position 7.6890, 45.0960 is outside the area in bundle.ini (44.92, 7.47, 45.20, 7.84)"));
        CHECK(has(e.fix, "swapped"));
    }
    SUBCASE("a stop in another town") {
        const auto d = validate_demo([](const fs::path& src) {
            fs::copy_file(test::example_stops(), src / "stops.csv");
            test::replace_in_file(src / "stops.csv", "45.0900,7.6960", "45.4642,9.1900");
        });
        const auto e = only_problem(d, "stops.csv", "stop of \"mobile-unit\" on 2026-12-01");
        CHECK(e.line == 2);
        CHECK(has(e.problem, "outside the area"));
        CHECK(has(e.fix, "widen area"));
    }
    SUBCASE("an area that is not four numbers") {
        const auto d = validate_demo([](const fs::path& src) { test::replace_in_file(src / "bundle.ini", "area = 44.92, 7.47, 45.20, 7.84", "area = Torino"); });
        const auto e = only_problem(d, "bundle.ini", "area");
        CHECK(e.line == 12);
        CHECK(has(e.problem, "not four numbers"));
    }
}

TEST_CASE("validate rule: a link that is not https: or tel:") {
    const auto d = validate_demo([](const fs::path& src) {
        test::replace_in_file(src / "links.csv", "https://www.portaleimmigrazione.it", "http://www.portaleimmigrazione.it");
    });
    const auto e = only_problem(d, "links.csv", "link \"portale-immigrazione\"");
    CHECK(e.line == 3);
    CHECK(has(e.problem, "is not an https: or tel: address"));
}

TEST_CASE("validate rule: a text too long for the button it appears in") {
    SUBCASE("the header's Home button") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil", "nav.home = Retour à la page d'accueil");
        });
        const auto e = only_problem(d, "lang/fr/strings.txt", "key \"nav.home\"");
        CHECK(e.severity == Diagnostic::Severity::Error);
        CHECK(e.line == 2);
        CHECK(has(e.problem, "too long for the header's Back, Home and Listen buttons"));
        CHECK(has(e.problem, "where 226 px fit"));
    }
    SUBCASE("a language's own name in the footer, right to left") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "languages.csv", "ar,العربية,rtl", "ar,العربية الفصحى المعاصرة,rtl");
        });
        const auto e = only_problem(d, "languages.csv", "language \"ar\"");
        CHECK(e.line == 6);
        CHECK(has(e.problem, "too long for the language buttons"));
    }
    SUBCASE("a word just short enough still fits") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil", "nav.home = Page d'accueil");
        });
        CHECK_FALSE(d.has_errors());
    }
}

TEST_CASE("validate rule: a character no bundled font has") {
    const auto d = validate_demo([](const fs::path& src) {
        test::replace_in_file(src / "lang/bn/strings.txt", "nav.back = ", "nav.back = \xEE\x80\x80");  // U+E000, private use
    });
    const auto e = only_problem(d, "lang/bn/strings.txt", "text \"nav.back\"");
    CHECK(has(e.problem, "no bundled font has a glyph for U+E000"));
}

TEST_CASE("validate rule: a channel that is not one word (found by tests/fuzz/source_fuzz)") {
    // A bundle of channel "de mo" was signed with "channel:de mo" in its trusted comment, which
    // reads as channel "de": every kiosk refused it as claiming another channel.
    for (const char* channel : {"de mo", "d\t\temo", ""}) {
        CAPTURE(channel);
        const auto d = validate_demo([&](const fs::path& src) { test::replace_in_file(src / "bundle.ini", "channel = demo", std::string("channel = ") + channel); });
        const auto e = only_problem(d, "bundle.ini", "channel");
        CHECK(e.line == 5);
        CHECK(has(e.problem, "is not one word of letters, digits, -, _ and .: a signature's trusted comment would carry another channel"));
    }
    CHECK_FALSE(validate_demo([](const fs::path& src) { test::replace_in_file(src / "bundle.ini", "channel = demo", "channel = torino-2.stable_1"); }).has_errors());
}

TEST_CASE("validate rule: missing or past validity dates") {
    SUBCASE("no expiry date") {
        const auto d = validate_demo([](const fs::path& src) { test::replace_in_file(src / "bundle.ini", "expires = 2027-11-23\n", ""); });
        const auto e = only_problem(d, "bundle.ini", "key \"expires\"");
        CHECK(e.problem == "missing");
    }
    SUBCASE("expired before today") {
        const auto d = validate_demo([](const fs::path&) {}, CivilDate{2027, 11, 24});
        const auto e = only_problem(d, "bundle.ini", "expires");
        CHECK(e.line == 7);
        CHECK(has(e.problem, "the bundle expired on 2027-11-23, before today (2027-11-24): kiosks refuse it"));
    }
    SUBCASE("the last day is still valid") {
        const auto d = validate_demo([](const fs::path&) {}, CivilDate{2027, 11, 23});
        CHECK_FALSE(d.has_errors());
    }
    SUBCASE("a mobile unit's stop already past is a warning") {
        const auto d = validate_demo([](const fs::path& src) { fs::copy_file(test::example_stops(), src / "stops.csv"); }, CivilDate{2026, 12, 2});
        CHECK_FALSE(d.has_errors());
        const auto w = only_problem(d, "stops.csv", "stop of \"mobile-unit\" on 2026-12-01");
        CHECK(w.severity == Diagnostic::Severity::Warning);
        CHECK(w.line == 2);
        CHECK(has(w.problem, "before today"));
    }
}

TEST_CASE("kiosk-bundle validate --json: every problem with its place, and the exit status for scripts") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    const auto clean = test::run(kBundleTool + " validate --json --today 2026-11-24 " + src.string());
    CHECK(clean.status == 0);
    CHECK(has(clean.output, "\"errors\": 0"));
    test::replace_in_file(src / "links.csv", "https://www.portaleimmigrazione.it", "http://www.portaleimmigrazione.it");
    fs::remove(src / "lang/ru/guides/food-help.md");
    test::replace_in_file(src / "lang/fr/strings.txt", "nav.home = Accueil", "nav.home = Retour à la page d'accueil");
    const auto r = test::run(kBundleTool + " validate --json --today 2026-11-24 " + src.string() +
                             " | python3 -c 'import json,sys; r=json.load(sys.stdin); "
                             "[print(p[\"severity\"], p[\"file\"], p[\"line\"], p[\"item\"], sep=\"|\") for p in r[\"problems\"]]; "
                             "print(\"errors\", r[\"errors\"], \"warnings\", r[\"warnings\"]); sys.exit(0 if r[\"errors\"] else 3)'");
    CHECK(r.status == 0);
    CHECK(has(r.output, "error|links.csv|3|link \"portale-immigrazione\""));
    CHECK(has(r.output, "warning|lang/ru/guides/food-help.md|0|guide \"food-help\""));
    CHECK(has(r.output, "error|lang/fr/strings.txt|2|key \"nav.home\""));  // measured even though the links have an error
    CHECK(has(r.output, "errors 2 warnings 1"));
    const auto status = test::run(kBundleTool + " validate --json --today 2026-11-24 " + src.string() + " >/dev/null");
    CHECK(status.status == 1);
}

// A source file that is not an ordinary file, is too big or cannot be opened is an error naming
// the file and the fix, like any other mistake: never an exception, a hang or the memory filled.
TEST_CASE("validate rule: a source file that cannot be read as a file") {
    const auto problem_with = [](const std::string& file, auto edit) {
        const auto d = validate_demo([&](const fs::path& src) { edit(src, src / file); });
        const auto* e = test::error_about(d, file);
        INFO(test::all_errors(d));
        REQUIRE(e);
        CHECK_FALSE(e->fix.empty());
        return e->format();
    };
    SUBCASE("a symbolic link in a loop") {
        const auto said = problem_with("places.csv", [](const fs::path&, const fs::path& file) {
            fs::remove(file);
            fs::create_symlink("places.csv", file);
        });
        CHECK(has(said, "places.csv: error: the file cannot be read: it is a symbolic link in a loop"));
    }
    SUBCASE("a folder") {
        const auto said = problem_with("lang/en/guides/food-help.md", [](const fs::path&, const fs::path& file) {
            fs::remove(file);
            fs::create_directory(file);
        });
        CHECK(has(said, "lang/en/guides/food-help.md: error: the file cannot be read: it is a folder, not a file. Fix: "));
    }
    SUBCASE("over the limit for one file, said before it is read") {
        const auto said = problem_with("bundle.ini", [](const fs::path&, const fs::path& file) {
            REQUIRE(truncate(file.c_str(), (64 << 20) + 1) == 0);  // sparse: no disk space used
        });
        CHECK(has(said, "bundle.ini: error: the file cannot be read: it is over the limit of 64 MiB for one file"));
    }
    SUBCASE("the source folder itself a symbolic link in a loop") {
        test::TempDir dir;
        fs::create_symlink("loop", dir / "loop");
        Diagnostics d;
        load_source(dir / "loop", d, {kToday});
        INFO(test::all_errors(d));
        REQUIRE(d.error_count() == 1);
        CHECK(has(d.all()[0].format(), "loop: error: the content source folder cannot be opened: it is a symbolic link in a loop"));
    }
}

TEST_CASE("kiosk-bundle validate: a named pipe or a device in the source is refused at once, never read") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    REQUIRE(mkfifo((dir / "pipe").c_str(), 0600) == 0);
    SUBCASE("a guide that is a link to a named pipe (reading it would wait for a writer for ever)") {
        fs::remove(src / "lang/en/guides/food-help.md");
        fs::create_symlink(dir / "pipe", src / "lang/en/guides/food-help.md");
        const auto r = test::run_bounded(kBundleTool + " validate --today 2026-11-24 " + src.string());
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(has(r.output, "lang/en/guides/food-help.md: error: the file cannot be read: it is a named pipe (FIFO), not a file. Fix: "));
    }
    SUBCASE("strings that are a link to /dev/zero (reading it would never end)") {
        fs::remove(src / "lang/it/strings.txt");
        fs::create_symlink("/dev/zero", src / "lang/it/strings.txt");
        const auto r = test::run_bounded(kBundleTool + " validate --today 2026-11-24 " + src.string());
        INFO(r.output);
        CHECK(r.status == 1);
        CHECK(has(r.output, "lang/it/strings.txt: error: the file cannot be read: it is a character device, not a file. Fix: "));
    }
}

// A language with a category's title but not its summary passed validate, then build failed with
// "NOT NULL constraint failed: category_text.summary" (issue 21). Now that text alone falls back,
// and validate writes the bundle as build does, so it reports first whatever build would refuse.
TEST_CASE("validate and build agree: a category's summary missing in one language falls back for that text alone") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    test::replace_in_file(src / "lang/fr/strings.txt", "category.food.summary = ", "# category.food.summary = ");
    test::replace_in_file(src / "lang/es/strings.txt", "category.food.title = ", "# category.food.title = ");
    const auto validated = test::run(kBundleTool + " validate --today 2026-11-24 " + src.string());
    INFO(validated.output);
    CHECK(validated.status == 0);
    CHECK(has(validated.output, "lang/fr/strings.txt: warning: key \"category.food.summary\": not translated; the kiosk shows the fallback"));
    const fs::path out = dir / "out.kbundle";
    const auto built = test::run(kBundleTool + " build --today 2026-11-24 " + src.string() + " -o " + out.string());
    INFO(built.output);
    REQUIRE(built.status == 0);
    CHECK(has(built.output, "2 text(s) not translated in some languages"));

    const content::Bundle bundle(out);
    const auto fr = bundle.category("food", "fr");
    REQUIRE(fr);
    CHECK(fr->title.lang == "fr");
    CHECK_FALSE(fr->title.is_fallback);
    CHECK(fr->summary.is_fallback);
    CHECK(fr->summary.text.find("Torino Solidale") != std::string::npos);
    const auto es = bundle.category("food", "es");
    REQUIRE(es);
    CHECK(es->title.is_fallback);
    CHECK(es->summary.lang == "es");
}

// build's summary called every warning "text(s) not translated"; a stop in the past is not one.
TEST_CASE("build prints every warning that is not a missing translation, and counts only those") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    fs::copy_file(test::example_stops(), src / "stops.csv", fs::copy_options::overwrite_existing);
    const auto built = test::run(kBundleTool + " build --today 2027-06-01 " + src.string() + " -o " + (dir / "out.kbundle").string());
    INFO(built.output);
    REQUIRE(built.status == 0);
    CHECK(has(built.output, "stops.csv:"));
    CHECK(has(built.output, "this stop was before today (2027-06-01)"));
    CHECK_FALSE(has(built.output, "text(s) not translated"));
}

// Kiosks refuse an expired bundle; a month's notice leaves time to publish one (issue 21).
TEST_CASE("validate warns in the bundle's last 30 days, naming the date and how many days are left") {
    const auto quiet = validate_demo([](const fs::path&) {}, CivilDate{2027, 10, 24});  // 30 days before 2027-11-23
    CHECK(quiet.all().empty());
    const auto d = validate_demo([](const fs::path&) {}, CivilDate{2027, 10, 25});
    CHECK_FALSE(d.has_errors());
    const auto w = only_problem(d, "bundle.ini", "expires");
    CHECK(w.severity == Diagnostic::Severity::Warning);
    CHECK(w.line > 0);
    CHECK(w.problem == "the bundle expires on 2027-11-23, in 29 days: from then on kiosks refuse it");
    const auto last = only_problem(validate_demo([](const fs::path&) {}, CivilDate{2027, 11, 22}), "bundle.ini", "expires");
    CHECK(last.problem.find("in 1 day:") != std::string::npos);
}

namespace {

// The text as Windows-1252 saves it: each character of U+0080 to U+00FF one byte (the demo's
// Italian needs no other).
std::string as_windows_1252(const std::string& utf8) {
    std::string out;
    for (size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if ((c == 0xC2 || c == 0xC3) && i + 1 < utf8.size()) {
            out += static_cast<char>(((c & 0x03) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// Every problem `d` holds, one line each, and how many there are.
std::string listed(const Diagnostics& d) {
    std::string out;
    for (const auto& p : d.all()) out += p.format() + "\n";
    return out;
}

}  // namespace

// What a spreadsheet or a word processor does to a file is named once, in words a content
// manager knows, with no cascade: a semicolon CSV gave 172 errors and never said "semicolon";
// one missing pair of quotes gave 34; a Windows-1252 file 172; a BOM "header line is not
// title:"; Word's en dash in 09:00–17:00 "expected -" (issue 21).
TEST_CASE("validate: a file a spreadsheet or word processor damaged is one error that says what happened") {
    const auto one_error = [](const Diagnostics& d, const std::string& file, int line, const std::string& problem, const std::string& fix) {
        INFO(listed(d));
        REQUIRE(d.all().size() == 1);
        const auto& e = d.all().front();
        CHECK(e.severity == Diagnostic::Severity::Error);
        CHECK(e.file == file);
        CHECK(e.line == line);
        CHECK(has(e.problem, problem));
        CHECK(has(e.fix, fix));
    };
    SUBCASE("places.csv saved with semicolons") {
        const auto d = validate_demo([](const fs::path& src) {
            std::string text = test::read(src / "places.csv");
            // What LibreOffice writes with an Italian locale: ; between fields, quotes only where needed.
            std::string out;
            bool quoted = false;
            for (const char c : text) {
                if (c == '"') quoted = !quoted;
                out += c == ',' && !quoted ? ';' : c;
            }
            test::write(src / "places.csv", out);
        });
        one_error(d, "places.csv", 1, "this file was saved with semicolons (;) between the columns, not commas",
                  "save it as CSV with commas");
    }
    SUBCASE("categories.csv saved with tabs") {
        const auto d = validate_demo([](const fs::path& src) {
            std::string text = test::read(src / "categories.csv");
            std::replace(text.begin(), text.end(), ',', '\t');
            test::write(src / "categories.csv", text);
        });
        one_error(d, "categories.csv", 1, "this file was saved with tabs between the columns", "Field delimiter");
    }
    SUBCASE("an address with a comma and no quotes") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "places.csv", "\"Corso Regina Margherita 137 (piano terra), Torino\"",
                                  "Corso Regina Margherita 137 (piano terra), Torino");
        });
        one_error(d, "places.csv", 2, "has 11 fields, expected 10",
                  "a text with a comma in it needs double quotes around it: write \"Corso Regina Margherita 137 (piano terra), Torino\"");
    }
    SUBCASE("places.csv saved as Windows-1252") {
        const auto d = validate_demo([](const fs::path& src) { test::write(src / "places.csv", as_windows_1252(test::read(src / "places.csv"))); });
        INFO(listed(d));
        REQUIRE(d.all().size() == 1);
        CHECK(has(d.all().front().problem, "the file is not UTF-8: it was saved as Windows-1252"));
        CHECK(has(d.all().front().fix, "CSV UTF-8"));
    }
    SUBCASE("the Italian strings saved as Windows-1252: no warning per text it holds") {
        const auto d = validate_demo([](const fs::path& src) {
            test::write(src / "lang/it/strings.txt", as_windows_1252(test::read(src / "lang/it/strings.txt")));
        });
        one_error(d, "lang/it/strings.txt", 10, "where the byte 0xE0 is \"\u00E0\"", "Unicode (UTF-8)");
    }
    SUBCASE("Word's en dash in opening hours") {
        const auto d = validate_demo([](const fs::path& src) {
            test::replace_in_file(src / "places.csv", "Mo-Fr 09:00-17:00", "Mo-Fr 09:00\u201317:00");
        });
        one_error(d, "places.csv", 2, "this is an en dash (\u2013), as word processors write it", "type a plain hyphen -");
    }
    SUBCASE("a byte order mark, as Notepad writes, is no problem at all") {
        const auto d = validate_demo([](const fs::path& src) {
            for (const char* file : {"lang/en/guides/food-help.md", "lang/fr/strings.txt", "bundle.ini", "places.csv"})
                test::write(src / file, "\xEF\xBB\xBF" + test::read(src / file));
        });
        INFO(listed(d));
        CHECK(d.all().empty());
    }
}

// Pashto added to languages.csv silently got the Latin search keyboard, the first layout, which
// has none of its letters (issue 21).
TEST_CASE("validate: a language no keyboard layout lists, whose letters the first layout lacks, is an error with the fix") {
    const auto add_pashto = [](const fs::path& src) {
        test::write(src / "languages.csv", test::read(src / "languages.csv") + "ps,\u067E\u069A\u062A\u0648,rtl\n");
        fs::copy(src / "lang/fa", src / "lang/ps", fs::copy_options::recursive);  // Persian's texts stand in: the same script
    };
    const auto d = validate_demo(add_pashto);
    const auto e = only_problem(d, "languages.csv", "language \"ps\"");
    CHECK(e.severity == Diagnostic::Severity::Error);
    CHECK(e.line == 18);
    CHECK(has(e.problem, "no layout of keyboards.txt lists it, and the first one (\"latin\") has no keys for its letters"));
    CHECK(has(e.problem, "letters \u0627 \u0628 \u062A "));  // alef, beh, teh: Arabic script, in code point order
    CHECK(e.fix == "add ps to the languages of the layout for its script in keyboards.txt, or add a layout for it");

    const auto fixed = validate_demo([&](const fs::path& src) {
        add_pashto(src);
        test::replace_in_file(src / "keyboards.txt", "languages = ar fa ur", "languages = ar fa ur ps");
    });
    CHECK_FALSE(fixed.has_errors());
    // A Latin-script language left out of every layout gets the first one, and can type on it.
    const auto latin = validate_demo([](const fs::path& src) {
        test::replace_in_file(src / "keyboards.txt", "languages = it en fr es ro sq so", "languages = it en fr es ro sq");
    });
    CHECK_FALSE(latin.has_errors());
}
