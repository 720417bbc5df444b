// A new bundle reaching a running kiosk: installed on the updater's thread while frames keep
// coming, swapped in between two frames, the visitor kept where they were when possible.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/delivery/minisign.hpp"
#include "content/delivery/signed_bundle.hpp"
#include "content/model/sqlite.hpp"
#include "kiosk/services/update_service.hpp"
#include "tests/http_server.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;
namespace ms = content::minisign;

namespace {

// The demo content as version 2, changed by `edit`, written as `dir/name`.
fs::path write_variant(const TempDir& dir, const std::string& name, const std::function<void(content::Content&)>& edit) {
    content::Diagnostics d;
    auto c = content::load_source(demo_source(), d);
    REQUIRE_FALSE(d.has_errors());
    c.meta.version = 2;
    edit(c);
    content::write_bundle(c, dir / name);
    return dir / name;
}

void remove_guide(content::Content& c, const std::string& id) {
    std::erase_if(c.guides, [&](const content::Guide& g) { return g.id == id; });
    for (auto& [lang, text] : c.texts) text.guides.erase(id);
}

// Swaps as the kiosk's frame loop does, then draws until settled.
void swap_to(Kiosk& k, const fs::path& path) {
    k.app.replace_bundle(std::make_shared<content::Bundle>(path));
    k.runner.settle();
}

// Pixels of the captured frame that are neither the page's background nor the header's blue:
// text, cards, pictures. A blank frame has next to none.
size_t drawn_pixels(const Kiosk& k) {
    size_t n = 0;
    const Rgb background = k.at(5, 600);
    for (int y = 200; y < k.h - 200; y += 2)
        for (int x = 0; x < k.w; x += 2) {
            const Rgb c = k.at(x, y);
            n += !(c == background) && !(c == kHeaderBlue);
        }
    return n;
}

}  // namespace

TEST_CASE("a new bundle shows from the next frame; the old one closes once nothing uses it") {
    TempDir dir;
    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    k.capture();
    const auto before = k.pixels;
    std::weak_ptr<const content::Bundle> old = k.bundle;
    k.bundle.reset();

    swap_to(k, write_variant(dir, "v2.kbundle", [](content::Content& c) {
        c.texts["en"].guides["food-help"].title = "Food parcels: NEW OPENING HOURS";
    }));
    CHECK(k.app.bundle().meta().version == 2);
    CHECK(k.app.route() == Route::guide("food-help"));
    CHECK(k.app.lang() == "en");
    CHECK(old.expired());  // the retired screens are freed and the old SQLite file closed
    k.capture();
    size_t changed = 0;
    for (size_t i = 0; i < k.pixels.size(); i += 4) changed += k.pixels[i] != before[i];
    CHECK(changed > 500);  // the new title is drawn
    k.tap("nav:home");  // and the kiosk goes on working
    CHECK(k.app.route() == Route::home());
}

TEST_CASE("an update never blanks the screen: the old page is drawn until the new fonts are built, then the new one whole") {
    TempDir dir;
    // Chinese: the page's glyphs need more than a new atlas's first 512 x 512 pixels.
    Kiosk k(demo_bundle(), "zh", Route::guide("food-help"));
    k.capture();
    const std::string old_title = "食物和基本需求";
    REQUIRE(k.runner.screen_text().find(old_title) != std::string::npos);
    const size_t full = drawn_pixels(k);
    const fs::path v2 = write_variant(dir, "v2.kbundle", [&](content::Content& c) { c.texts["zh"].guides["food-help"].title = "新的开放时间"; });
    std::atomic<int> woken = 0;
    k.runner.replace_bundle(std::make_shared<content::Bundle>(v2), [&] { ++woken; });
    int old_frames = 0, new_frames = 0;
    // A frame every turn, as a moving finger asks for, until the new page has been drawn twice.
    for (const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
         new_frames < 2 && std::chrono::steady_clock::now() < until;) {
        k.clock.advance(std::chrono::milliseconds(16));
        k.runner.pump();
        k.capture();
        const bool is_new = k.app.bundle().meta().version == 2;
        (is_new ? new_frames : old_frames) += 1;
        INFO("frame " << old_frames + new_frames << (is_new ? " (new bundle)" : " (old bundle)"));
        CHECK(k.runner.screen_text().find(is_new ? "新的开放时间" : old_title) != std::string::npos);
        CHECK_FALSE(k.runner.glyph_atlas().wants_redraw());  // every glyph of the frame was drawn
        CHECK(drawn_pixels(k) > full / 2);
        if (!is_new) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    CHECK(new_frames == 2);
    CHECK(woken == 1);  // the loop was woken when the theme was ready
    CHECK_FALSE(k.runner.replacing());
    MESSAGE(old_frames << " frames of the old page were drawn while the new fonts were built");
}

TEST_CASE("a visitor on a guide that is gone lands on its category; a category that is gone, on home") {
    TempDir dir;
    SUBCASE("guide gone") {
        Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
        swap_to(k, write_variant(dir, "no-guide.kbundle", [](content::Content& c) { remove_guide(c, "food-help"); }));
        CHECK(k.app.route() == Route::category("food"));
        CHECK(k.runner.hits().center("nav:home"));
    }
    SUBCASE("category gone") {
        Kiosk k(demo_bundle(), "en", Route::home());
        k.tap("category:food");  // one guide: it opens the guide
        swap_to(k, write_variant(dir, "no-food.kbundle", [](content::Content& c) {
            remove_guide(c, "food-help");
            std::erase_if(c.categories, [](const content::Category& cat) { return cat.id == "food"; });
        }));
        CHECK(k.app.route() == Route::home());
        // Back skips the screens that no longer exist.
        k.tap("nav:back");
        CHECK(k.app.route() == Route::home());
    }
    SUBCASE("language gone: the bundle's first fallback language") {
        Kiosk k(demo_bundle(), "fr", Route::guide("food-help"));
        swap_to(k, write_variant(dir, "no-fr.kbundle", [](content::Content& c) {
            std::erase_if(c.languages, [](const content::Language& l) { return l.code == "fr"; });
            c.texts.erase("fr");
        }));
        CHECK(k.app.lang() == "en");
        CHECK(k.app.route() == Route::guide("food-help"));
        CHECK_FALSE(k.runner.hits().center("lang:fr"));
    }
}

TEST_CASE("installing runs off the UI thread: frames keep coming while a large bundle waits and verifies") {
    TempDir dir;
    const auto keys = ms::generate_key_pair();
    content::Store store(dir / "store");
    // A 48 MiB bundle: the demo content and a padding table, signed like any other.
    const fs::path big = write_variant(dir, "big.kbundle", [](content::Content&) {});
    {
        content::sql::Database db(big, content::sql::Database::Mode::Create);
        db.exec("CREATE TABLE padding(b BLOB); INSERT INTO padding VALUES (randomblob(48 * 1024 * 1024))");
    }
    content::Meta meta = content::Bundle(big).meta();
    fs::create_directories(dir / "inbox");
    fs::rename(big, dir / "inbox/big.kbundle");
    write(dir / "inbox/big.kbundle.minisig",
          ms::format_signature(ms::sign(ms::hash_file(dir / "inbox/big.kbundle"), keys.second, content::trusted_comment_for(meta))));

    Kiosk k(demo_bundle(), "en", Route::guide("food-help"));
    // The test holds the store's lock first, so the install is stuck until it lets go: if it
    // ran on this thread, no frame could be drawn meanwhile.
    const int lock = ::open((dir / "store/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(::flock(lock, LOCK_EX) == 0);
    std::atomic<int> notified{0};
    std::vector<std::string> log;
    content::UpdaterConfig config;
    config.inbox = dir / "inbox";
    kiosk::UpdateService service(store, {keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, config, {}, {},
                                 [&] { ++notified; }, [&](const std::string& line, bool) { log.push_back(line); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!service.busy() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(service.busy());
    long frames_while_locked = 0;
    for (const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500); std::chrono::steady_clock::now() < until;) {
        k.runner.frame();
        ++frames_while_locked;
    }
    CHECK(service.busy());
    // On this thread the install would hold up the first frame until the lock went: two frames
    // prove it does not, however slow a loaded machine draws them (4 were seen under two builds).
    CHECK(frames_while_locked >= 2);
    ::close(lock);

    // Now it copies, hashes and checks 48 MiB, still while frames are drawn.
    long frames_while_installing = 0;
    std::shared_ptr<const content::Bundle> next;
    while (!(next = service.take_new_bundle()) && std::chrono::steady_clock::now() < deadline) {
        k.runner.frame();
        ++frames_while_installing;
    }
    REQUIRE_MESSAGE(next, "no bundle installed; log: " << (log.empty() ? "" : log.back()));
    // The wake-up comes just after the bundle is handed over (and logged): on a slow machine,
    // or under qemu-user, this thread can take the bundle first.
    for (const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         notified == 0 && std::chrono::steady_clock::now() < until;)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    CHECK(notified == 1);
    CHECK(frames_while_installing >= 1);
    MESSAGE("frames drawn: " << frames_while_locked << " while the store was locked, " << frames_while_installing
                             << " while 48 MiB installed");
    CHECK(next->meta().version == 2);
    CHECK(next->path() == *store.current());
    k.app.replace_bundle(next);
    k.runner.settle();
    CHECK(k.app.route() == Route::guide("food-help"));
    CHECK(k.app.bundle().meta().version == 2);
}

TEST_CASE("\"check for updates now\" looks in the inbox at once, not at the next scheduled time") {
    TempDir dir;
    const auto keys = ms::generate_key_pair();
    content::Store store(dir / "store");
    fs::create_directories(dir / "inbox");
    content::UpdaterConfig config;
    config.inbox = dir / "inbox";
    kiosk::UpdateSchedule hourly;
    hourly.inbox_every = std::chrono::hours(1);
    std::vector<std::string> log;
    std::mutex log_mutex;
    kiosk::UpdateService service(store, {keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, config, hourly, {}, [] {},
                                 [&](const std::string& line, bool) {
                                     std::lock_guard lock(log_mutex);
                                     log.push_back(line);
                                 });
    // The first look happens at start, with an empty inbox; the next would be in an hour.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const fs::path bundle = write_variant(dir, "inbox/v2.kbundle", [](content::Content&) {});
    write(bundle.string() + ".minisig",
          ms::format_signature(ms::sign(ms::hash_file(bundle), keys.second, content::trusted_comment_for(content::Bundle(bundle).meta()))));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK_FALSE(service.take_new_bundle());
    service.check_now();
    std::shared_ptr<const content::Bundle> next;
    for (const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
         !(next = service.take_new_bundle()) && std::chrono::steady_clock::now() < deadline;)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(next);
    CHECK(next->meta().version == 2);
}

TEST_CASE("a server trickling a bundle keeps neither a USB stick's bundle waiting nor the kiosk from stopping") {
    TempDir dir;
    const auto keys = ms::generate_key_pair();
    content::Store store(dir / "store");
    fs::create_directories(dir / "served");
    fs::create_directories(dir / "inbox");
    const auto sign = [&](const fs::path& bundle) {
        write(bundle.string() + ".minisig", ms::format_signature(ms::sign(ms::hash_file(bundle), keys.second,
                                                                          content::trusted_comment_for(content::Bundle(bundle).meta()))));
    };
    sign(write_variant(dir, "served/torino.kbundle", [](content::Content& c) { c.meta.version = 3; }));
    HttpServer server(dir / "served");
    content::UpdaterConfig config;
    config.base_url = server.url("trickle");
    config.bundle_name = "torino.kbundle";
    config.stall_timeout = std::chrono::seconds(600);  // only the stop may end this download
    config.inbox = dir / "inbox";
    std::vector<std::string> log;
    std::mutex log_mutex;
    std::optional<kiosk::UpdateService> service;
    service.emplace(store, std::vector{keys.first}, content::InstallPolicy{"demo", "0.1.0", ""}, config, kiosk::UpdateSchedule{}, content::LanguageChoice{},
                    [] {}, [&](const std::string& line, bool) {
                        std::lock_guard lock(log_mutex);
                        log.push_back(line);
                    });
    // The server's worker is inside the trickled download...
    // (its version's folder answers 404, as a folder signed by hand has none; then NAME trickles)
    for (int i = 0; i < 600 && server.requests("torino.kbundle") == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(server.requests("torino.kbundle") == 1);
    // ...when a stick brings version 2: it is installed meanwhile.
    sign(write_variant(dir, "inbox/v2.kbundle", [](content::Content&) {}));
    std::shared_ptr<const content::Bundle> next;
    for (const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
         !(next = service->take_new_bundle()) && std::chrono::steady_clock::now() < deadline;)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(next);
    CHECK(next->meta().version == 2);
    CHECK(service->busy());  // the download still trickles
    // Stopping does not wait for the trickle (it would take hours at 2 bytes a second).
    service.reset();
    std::lock_guard lock(log_mutex);
    std::string all;
    for (const auto& line : log) all += line + "\n";
    CHECK_MESSAGE(all.find("abandoned, the kiosk is stopping") != std::string::npos, all);
}
