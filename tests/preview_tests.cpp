// kiosk --preview: a source folder edited while the kiosk shows it. The real inotify watch, the
// real build into /dev/shm, and the real frame loop's swap between two frames.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "kiosk/config/options.hpp"
#include "kiosk/services/preview_service.hpp"
#include "kiosk/shell/chrome.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;

namespace {

constexpr Rgb kMagenta{176, 0, 110};

// Waits until the preview has finished `builds` builds (the watch waits for 150 ms of quiet
// after a change); generous, since these machines are shared.
void wait_for_build(const kiosk::PreviewService& preview, int builds) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (preview.builds() < builds && std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(preview.builds() == builds);
}

// What the frame loop of kiosk/main.cpp does between two frames.
void between_frames(Kiosk& k, kiosk::PreviewService& preview) {
    if (auto next = preview.take_new_bundle()) k.app.replace_bundle(std::move(next));
    k.app.set_preview_note(preview.note());
    k.runner.settle();
}

// A named pipe a build may be stuck opening (as it was before source files were opened without
// waiting): when this goes, a writer comes and goes, so the stuck build ends and the preview's
// worker can be joined. Declared after the preview, it goes first; with nobody reading, nothing.
struct ReleasePipe {
    fs::path pipe;
    ~ReleasePipe() {
        const int fd = ::open(pipe.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

TEST_CASE("a preview rebuilds on every save, keeps the screen, and shows a failed build's first error without losing the last good one") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    std::vector<std::string> log;
    kiosk::PreviewService preview(src, kFonts, {}, [&log](const std::string& line) { log.push_back(line); });
    REQUIRE(preview.first_bundle());
    CHECK(preview.first_bundle()->path().string().find("/dev/shm/kiosk-preview-") == 0);
    CHECK(preview.note().starts_with("PREVIEW, not signed: " + src.string()));

    Kiosk k(demo_bundle(), "fr", Route::guide("food-help"));
    k.app.replace_bundle(preview.first_bundle());
    k.app.set_preview_note(preview.note());
    k.runner.settle();
    k.capture();
    CHECK(k.count(kMagenta, 0, kHeight - 20, kWidth, kHeight) > kWidth * 15);  // the band, along the bottom
    const auto [lang_min, lang_max] = k.rect("lang:fr");
    CHECK(lang_max.y < kHeight - 40);  // above it, not under it: every language stays in reach
    preview.watch([] {});

    SUBCASE("a saved change is on screen, on the same guide") {
        test::replace_in_file(src / "lang/fr/guides/food-help.md", "title: ", "title: (Nouveau) ");
        wait_for_build(preview, 2);
        between_frames(k, preview);
        CHECK(k.app.route() == Route::guide("food-help"));
        CHECK(k.app.lang() == "fr");
        CHECK(k.app.bundle().guide("food-help", "fr")->title.starts_with("(Nouveau) "));
        CHECK(log.back().find("preview: built " + src.string()) == 0);
    }
    SUBCASE("a change with an error keeps the last good bundle and says what is wrong; the fix is shown") {
        const auto before = k.app.bundle().path();
        test::replace_in_file(src / "places.csv", "45.0960,7.6890", "7.6890,45.0960");
        wait_for_build(preview, 2);
        between_frames(k, preview);
        CHECK(k.app.bundle().path() == before);
        CHECK(k.app.route() == Route::guide("food-help"));
        CHECK(preview.note().find("PREVIEW: 1 error(s)") == 0);
        CHECK(preview.note().find("still showing the last good build. places.csv:5: error: place \"hub-nord\"") != std::string::npos);
        CHECK(k.app.preview_note() == preview.note());  // on the band
        k.capture();
        CHECK(k.count(kMagenta, 0, kHeight - 20, kWidth, kHeight) > kWidth * 15);

        test::replace_in_file(src / "places.csv", "7.6890,45.0960", "45.0960,7.6890");
        wait_for_build(preview, 3);
        between_frames(k, preview);
        CHECK(k.app.bundle().path() != before);
        CHECK(preview.note().starts_with("PREVIEW, not signed"));
    }
    SUBCASE("a folder made after the preview began is watched too") {
        fs::create_directories(src / "lang/xx");
        wait_for_build(preview, 2);  // an error: xx is not in languages.csv
        CHECK(preview.note().find("lang/xx") != std::string::npos);
        test::write(src / "lang/xx/strings.txt", "nav.home = ?\n");  // seen only through the new folder's own watch
        wait_for_build(preview, 3);
        fs::remove_all(src / "lang/xx");
        wait_for_build(preview, 4);
        CHECK(preview.note().starts_with("PREVIEW, not signed"));
    }
}

TEST_CASE("a kiosk with signed content never takes a preview: --preview cannot be combined with a store, keys, updates or a bundle") {
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--store", "/var/lib/kiosk"}, {"--trust", "team.pub"},
                                                   {"--bundle", "torino.kbundle"}, {"--inbox", "/media/usb"}}) {
        std::vector<std::string> words{"kiosk", "--preview", "content/torino"};
        words.insert(words.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& w : words) argv.push_back(w.data());
        std::string error;
        INFO(extra[0]);
        const auto options = kiosk::parse_options(static_cast<int>(argv.size()), argv.data(), error);
        REQUIRE(options);
        const auto problem = kiosk::combination_problem(*options);
        REQUIRE(problem);
        CHECK(problem->find("--preview shows an unsigned source folder and cannot be combined with") == 0);
    }
}

TEST_CASE("a source file a preview cannot read is reported with its file and fix; the last good build stays and the preview goes on") {
    TempDir dir;
    const fs::path src = copy_demo_source(dir);
    const fs::path pipe = dir / "pipe";
    REQUIRE(mkfifo(pipe.c_str(), 0600) == 0);
    fs::create_symlink(pipe, src / "map/pipe.geojson");  // named in layers.txt by one case below
    kiosk::PreviewService preview(src, kFonts, {}, [](const std::string&) {});
    ReleasePipe release{pipe};
    REQUIRE(preview.first_bundle());
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    k.app.replace_bundle(preview.first_bundle());
    const auto good = k.app.bundle().path();
    preview.watch([] {});
    const auto expect_problem = [&](const std::string& said) {
        wait_for_build(preview, 2);
        between_frames(k, preview);
        INFO(preview.note());
        CHECK(k.app.bundle().path() == good);
        CHECK(k.app.route() == Route::guide("food-help"));
        CHECK(preview.note().find("still showing the last good build. " + said) != std::string::npos);
        CHECK(preview.note().find(". Fix: ") != std::string::npos);
    };
    // Made beside the source and renamed into it: one change, one build.
    const auto replace_with_link = [&](const fs::path& file, const fs::path& target) {
        fs::create_symlink(target, dir / "staged");
        fs::rename(dir / "staged", file);
    };
    const fs::path guide = src / "lang/en/guides/food-help.md";

    SUBCASE("a guide that became a link to a named pipe") {
        const std::string text = read(guide);
        replace_with_link(guide, pipe);
        expect_problem("lang/en/guides/food-help.md: error: the file cannot be read: it is a named pipe (FIFO), not a file");
        write(dir / "staged", text);  // the file back: the preview shows it again
        fs::rename(dir / "staged", guide);
        wait_for_build(preview, 3);
        between_frames(k, preview);
        CHECK(k.app.bundle().path() != good);
        CHECK(preview.note().starts_with("PREVIEW, not signed"));
    }
    SUBCASE("a guide that became a symbolic link in a loop") {
        replace_with_link(guide, guide.filename());
        expect_problem("lang/en/guides/food-help.md: error: the file cannot be read: it is a symbolic link in a loop");
    }
    SUBCASE("a map layer's file that is a named pipe") {
        test::replace_in_file(src / "map/layers.txt", "file = municipalities.geojson", "file = pipe.geojson");
        expect_problem("map/layers.txt:8: error: map layer \"municipalities\": file \"map/pipe.geojson\" cannot be read: it is a named pipe");
    }
    SUBCASE("the source folder removed while it is shown") {
        fs::remove_all(src);
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);  // a guard, not a measure
        while (preview.note().find("does not exist") == std::string::npos && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        between_frames(k, preview);
        INFO(preview.note());
        CHECK(preview.note().find("still showing the last good build. " + src.string() + ": error: the content source folder does not exist") !=
              std::string::npos);
        CHECK(k.app.bundle().path() == good);
    }
    SUBCASE("a map layer's file name over 255 bytes") {
        test::replace_in_file(src / "map/layers.txt", "file = municipalities.geojson", "file = " + std::string(300, 'm') + ".geojson");
        expect_problem("map/layers.txt:8: error: map layer \"municipalities\": file \"map/mmm");
        CHECK(preview.note().find("cannot be read: its name is too long") != std::string::npos);
    }
}
