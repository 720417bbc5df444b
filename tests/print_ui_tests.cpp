// The Print button on the screen: on guides as on places, only with a printer; a printer that
// does not take the ticket never holds up the screen, and the visitor is told to scan instead.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/print/print_queue.hpp"
#include "tests/kiosk_fixture.hpp"
#include "tests/test_support.hpp"

using namespace test;
using kiosk::Route;
using Clock = std::chrono::steady_clock;

TEST_CASE("a guide's Print button: none without a printer; with a jammed one the tap returns at once and the visitor reads to scan instead") {
    {
        Kiosk k(demo_bundle(), "en", Route::guide("permit-booking"));
        CHECK_FALSE(k.runner.hits().center("ticket:print"));
    }
    TempDir dir;
    const auto fifo = (dir / "lp0").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // never read: the printer takes nothing
    REQUIRE(reader >= 0);
    // The pipe's buffer filled first: a guide's ticket is smaller than the 64 KiB a pipe holds.
    const int filler = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    REQUIRE(filler >= 0);
    const std::vector<char> block(4096, 0);
    while (::write(filler, block.data(), block.size()) > 0) {}
    kiosk::PrinterConfig config;
    config.address.path = fifo;
    config.timeout = std::chrono::milliseconds(1500);
    kiosk::PrintQueue printer(config, [] {  // as the kiosk's event waiter does: a frame follows
        SDL_Event e{};
        e.type = SDL_USEREVENT;
        SDL_PushEvent(&e);
    });

    std::vector<std::pair<std::string, std::string>> events;
    Kiosk k(demo_bundle(), "en", Route::home());
    k.app.set_printer(&printer);
    k.app.set_listener([&](const std::string& e, const std::string& item) { events.emplace_back(e, item); });
    k.app.open(Route::guide("permit-booking"));
    k.runner.settle();
    const auto [min, max] = k.rect("ticket:print");
    CHECK(max.y - min.y >= 96);
    const auto start = Clock::now();
    k.tap("ticket:print");
    CHECK(Clock::now() - start < std::chrono::milliseconds(1000));  // the send runs on the printer's thread
    CHECK(printer.state() == kiosk::TicketPrinter::State::Printing);
    CHECK(events.back() == std::make_pair(std::string("ticket_printed"), std::string("permit-booking")));
    k.capture();
    const int printing = k.dark_pixels(min.x, max.y, max.x, max.y + 200);

    printer.wait_idle();
    ::close(filler);
    ::close(reader);
    CHECK(printer.state() == kiosk::TicketPrinter::State::Failed);
    k.runner.settle();
    k.capture();
    const int failed = k.dark_pixels(min.x, max.y, max.x, max.y + 200);
    CHECK(printing > 0);
    CHECK(failed > printing);  // "Printer unavailable — scan the code instead", on two lines
    CHECK(printer.status_line().find("UNAVAILABLE") == 0);
}
