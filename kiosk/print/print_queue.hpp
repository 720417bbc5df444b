#pragma once
// The kiosk's receipt printer: a ticket is laid out and encoded in the frame that saw the tap
// (a few milliseconds; FreeType faces are not shared between threads), and the bytes are sent
// by a worker thread, so an unplugged, jammed or paper-less printer never holds up the screen.
// What went wrong goes to the log and the admin panel; the visitor reads "Printer unavailable
// — scan the code instead".
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/print/ticket_printer.hpp"
#include "kiosk/print/ticket_raster.hpp"
#include "platform/printer_device.hpp"

namespace fonts {
class FontSet;
}

namespace kiosk {

struct PrinterConfig {
    platform::PrinterAddress address;
    TicketLayout layout;
    std::string location;  // the kiosk's place, printed at the foot of each ticket
    std::chrono::milliseconds timeout{10'000};
};

/// The bytes a printer receives for `ticket` (initialise, raster or native QR, feed, cut).
std::vector<uint8_t> ticket_stream(const fonts::FontSet& fonts, const Ticket& ticket, const TicketLayout& layout);

class PrintQueue final : public TicketPrinter {
public:
    /// `changed` is called from the worker when a job ends (to wake the frame loop); `now`
    /// dates the tickets.
    PrintQueue(PrinterConfig config, std::function<void()> changed,
               std::function<content::Instant()> now = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); });
    ~PrintQueue() override;

    bool print_place(const content::Bundle& bundle, const content::PlaceView& place, const std::string& lang) override;
    bool print_route(const content::Bundle& bundle, const Route& route, const std::string& lang) override;
    /// Queues a ticket; false while another is still printing (one ticket per tap, not a queue
    /// of them from an impatient visitor) or when it cannot be laid out.
    bool print(const content::Bundle& bundle, const Ticket& ticket);
    State state() const override;
    std::string status_line() const override;
    std::string fleet_state() const override;
    /// Waits until the worker has nothing to do (tests).
    void wait_idle();

private:
    void work();
    const fonts::FontSet* fonts_for(const content::Bundle& bundle);

    PrinterConfig config_;
    std::function<void()> changed_;
    std::function<content::Instant()> now_;
    // The bundle's fonts for the raster, reloaded when the bundle changes (UI thread only).
    std::unique_ptr<fonts::FontSet> fonts_;
    std::string fonts_of_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<std::vector<uint8_t>> job_;
    State state_ = State::Idle;
    std::string last_problem_;
    long printed_ = 0, failed_ = 0;
    bool stop_ = false;
    std::thread worker_;
};

}  // namespace kiosk
