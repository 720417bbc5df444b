// Printer trouble, each kind for real: a path with no printer, a FIFO nobody reads (the
// printer that never takes the bytes), a pseudo-terminal that answers the paper sensor query as
// an ESC/POS printer does, and a plain file standing in for the device. Each ends within its
// timeout with a plain reason; the print queue turns it into the admin panel's line.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "kiosk/config/settings.hpp"
#include "kiosk/print/escpos.hpp"
#include "kiosk/print/print_queue.hpp"
#include "platform/log.hpp"
#include "platform/printer_device.hpp"
#include "tests/test_support.hpp"

using namespace test;
using platform::PrinterAddress;
using Clock = std::chrono::steady_clock;

namespace {

platform::SendResult send(const std::string& path, const std::vector<uint8_t>& bytes, std::chrono::milliseconds timeout = std::chrono::milliseconds(400)) {
    PrinterAddress a;
    a.path = path;
    return platform::send_to_printer(a, bytes, kiosk::escpos::kPaperStatusQuery, kiosk::escpos::paper_out, timeout);
}

// A printer on a pseudo-terminal: reads the status query, answers `status`, then reads whatever
// is printed.
struct PtyPrinter {
    explicit PtyPrinter(uint8_t status) {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        REQUIRE(master >= 0);
        REQUIRE(::grantpt(master) == 0);
        REQUIRE(::unlockpt(master) == 0);
        path = ::ptsname(master);
        reader = std::thread([this, status] {
            std::vector<uint8_t> got;
            uint8_t buf[4096];
            bool answered = false;
            while (!stop) {
                pollfd p{master, POLLIN, 0};
                if (::poll(&p, 1, 20) <= 0) continue;
                const ssize_t n = ::read(master, buf, sizeof buf);
                if (n <= 0) continue;
                got.insert(got.end(), buf, buf + n);
                if (!answered && got.size() >= 3) {
                    ::write(master, &status, 1);
                    answered = true;
                }
                received = got.size();
            }
        });
    }
    ~PtyPrinter() {
        stop = true;
        reader.join();
        ::close(master);
    }
    int master = -1;
    std::string path;
    std::atomic<bool> stop = false;
    std::atomic<size_t> received = 0;
    std::thread reader;
};

}  // namespace

TEST_CASE("printer addresses: a device, a serial port with its speed, a CUPS queue; anything else says how to write it") {
    std::string error;
    auto a = platform::parse_printer_address("/dev/usb/lp0", error);
    REQUIRE(a);
    CHECK(a->kind == PrinterAddress::Kind::Device);
    a = platform::parse_printer_address("serial:/dev/ttyUSB0@19200", error);
    REQUIRE(a);
    CHECK(a->kind == PrinterAddress::Kind::Serial);
    CHECK(a->path == "/dev/ttyUSB0");
    CHECK(a->baud == 19200);
    a = platform::parse_printer_address("cups:receipt", error);
    REQUIRE(a);
    CHECK(a->queue == "receipt");
    CHECK(platform::cups_command("receipt") == std::vector<std::string>{"lp", "-d", "receipt", "-o", "raw"});
    CHECK_FALSE(platform::parse_printer_address("serial:/dev/ttyUSB0@12345", error));
    CHECK(error.find("19200") != std::string::npos);
    CHECK_FALSE(platform::parse_printer_address("lp0", error));
    CHECK_FALSE(platform::parse_printer_address("cups:", error));
}

TEST_CASE("a path with no printer fails at once, naming the path") {
    const auto r = send("/nonexistent/usb/lp0", {0x1b, 0x40});
    CHECK_FALSE(r.ok);
    CHECK(r.problem.find("no printer at /nonexistent/usb/lp0") != std::string::npos);
}

TEST_CASE("a printer that never takes the bytes times out, and one nobody listens to fails at once") {
    TempDir dir;
    const auto fifo = (dir / "lp0").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    {
        const auto r = send(fifo, {0x1b, 0x40});
        CHECK_FALSE(r.ok);
        CHECK(r.problem.find("nothing is reading") != std::string::npos);
    }
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // opened, never read: a jammed printer
    REQUIRE(reader >= 0);
    const auto start = Clock::now();
    const auto r = send(fifo, std::vector<uint8_t>(300'000, 0xaa), std::chrono::milliseconds(300));
    const auto took = Clock::now() - start;
    ::close(reader);
    CHECK_FALSE(r.ok);
    CHECK(r.problem.find("timed out") != std::string::npos);
    CHECK(took >= std::chrono::milliseconds(250));
    CHECK(took < std::chrono::milliseconds(1500));
}

TEST_CASE("a fake device file receives exactly the ticket's bytes") {
    TempDir dir;
    const auto file = dir / "lp0";
    write(file, "");
    const std::vector<uint8_t> bytes = kiosk::escpos::ticket_bytes({kiosk::Bitmap1(384, 30)});
    const auto r = send(file.string(), bytes);
    CHECK_MESSAGE(r.ok, r.problem);
    const auto got = read(file);
    CHECK(std::vector<uint8_t>(got.begin(), got.end()) == bytes);
}

TEST_CASE("a printer that answers the paper sensor query: out of paper is reported, paper present prints") {
    {
        PtyPrinter printer(0x72);  // bits 5 and 6: paper end
        const auto r = send(printer.path, std::vector<uint8_t>(1000, 0));
        CHECK_FALSE(r.ok);
        CHECK(r.problem == "out of paper");
    }
    {
        PtyPrinter printer(0x12);  // paper present
        const auto r = send(printer.path, std::vector<uint8_t>(1000, 0), std::chrono::milliseconds(2000));
        CHECK_MESSAGE(r.ok, r.problem);
        for (int i = 0; i < 100 && printer.received < 1003; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(printer.received == 1003);  // the query, then every byte
    }
}

TEST_CASE("a CUPS queue: lp takes the bytes raw; without lp installed the reason says what to install") {
    PrinterAddress a;
    a.kind = PrinterAddress::Kind::Cups;
    a.queue = "kiosk-test-queue-that-does-not-exist";
    const auto r = platform::send_to_printer(a, {0x1b, 0x40}, {}, nullptr, std::chrono::milliseconds(3000));
    CHECK_FALSE(r.ok);
    if (run("command -v lp").status != 0) CHECK(r.problem.find("install cups-client") != std::string::npos);
    else CHECK(r.problem.find("lp -d kiosk-test-queue-that-does-not-exist failed") != std::string::npos);
}

TEST_CASE("the print queue sends off the caller's thread; a failure becomes the admin's line and a logged problem") {
    const content::Bundle bundle(KIOSK_DEMO_BUNDLE);
    TempDir dir;
    const auto fifo = (dir / "lp0").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // never read
    REQUIRE(reader >= 0);
    kiosk::PrinterConfig config;
    config.address.path = fifo;
    config.timeout = std::chrono::milliseconds(800);
    std::atomic<int> woken = 0;
    kiosk::PrintQueue queue(config, [&] { ++woken; });
    const auto place = bundle.place("rednova-call-center", "ar");
    REQUIRE(place);
    const auto start = Clock::now();
    CHECK(queue.print_place(bundle, *place, "ar"));
    CHECK(Clock::now() - start < std::chrono::milliseconds(500));  // laid out here, sent there
    CHECK(queue.state() == kiosk::TicketPrinter::State::Printing);
    CHECK_FALSE(queue.print_place(bundle, *place, "ar"));  // one ticket at a time
    queue.wait_idle();
    ::close(reader);
    CHECK(queue.state() == kiosk::TicketPrinter::State::Failed);
    CHECK(woken == 1);
    CHECK(queue.status_line().find("UNAVAILABLE") == 0);
    CHECK(queue.status_line().find("timed out") != std::string::npos);
    const auto problems = platform::log::recent_problems();
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().find("timed out") != std::string::npos);

    // The same queue, the printer back (a plain file): the next ticket prints.
    kiosk::PrinterConfig ok_config;
    ok_config.address.path = (dir / "file-lp0").string();
    write(dir / "file-lp0", "");
    kiosk::PrintQueue ok(ok_config, {});
    CHECK(ok.print_route(bundle, kiosk::Route::guide("permit-booking"), "zh"));
    ok.wait_idle();
    CHECK(ok.state() == kiosk::TicketPrinter::State::Printed);
    CHECK(read(dir / "file-lp0").size() > 10'000);
    CHECK(ok.status_line().find("1 printed") != std::string::npos);
}

TEST_CASE("the printer's configuration: address, paper, QR mode, timeout and location; a wrong value names the fix") {
    TempDir dir;
    write(dir / "kiosk.conf", "printer = serial:/dev/ttyUSB0@19200\nprinter_paper = 58\nprinter_qr = native\nprinter_timeout = 5\n"
                              "location = Snodo Torino Solidale (kiosk example)\n");
    std::string error;
    const auto s = kiosk::load_settings(dir / "kiosk.conf", error);
    REQUIRE_MESSAGE(s, error);
    CHECK(s->printer == "serial:/dev/ttyUSB0@19200");
    CHECK(s->printer_paper == 58);
    CHECK(s->printer_native_qr);
    CHECK(s->printer_timeout == std::chrono::seconds(5));
    CHECK(s->location == "Snodo Torino Solidale (kiosk example)");
    for (const auto& [line, fix] : {std::pair<std::string, std::string>{"printer = lp0", "/dev/usb/lp0"}, {"printer_paper = 70", "58 or 80"},
                                    {"printer_qr = vector", "raster"}}) {
        write(dir / "bad.conf", line + "\n");
        CHECK_FALSE(kiosk::load_settings(dir / "bad.conf", error));
        CHECK(error.find(fix) != std::string::npos);
    }
}
