#pragma once
// Where a receipt printer's bytes go, and whether they got there: a character device (the USB
// printer class, /dev/usb/lp0), a serial port at its speed, or a CUPS queue taking the job raw
// (`lp -o raw`). Every wait is bounded: a printer that is unplugged, out of paper or not
// reading gives a plain reason within the timeout, never a stuck caller.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platform {

struct PrinterAddress {
    enum class Kind { Device, Serial, Cups };
    Kind kind = Kind::Device;
    std::string path;  // device or serial port
    int baud = 0;      // serial only
    std::string queue; // CUPS only
};

/// Reads the configuration's `printer` value: `/dev/usb/lp0`, `serial:/dev/ttyUSB0@19200`
/// or `cups:QUEUE`. Nothing, with the fix in `error`, for anything else.
std::optional<PrinterAddress> parse_printer_address(std::string_view text, std::string& error);
/// The configuration's form of an address, for the admin panel.
std::string describe(const PrinterAddress& address);

/// The command line a CUPS job is sent with: lp -d QUEUE -o raw (bytes on its standard input).
std::vector<std::string> cups_command(const std::string& queue);

struct SendResult {
    bool ok = false;
    std::string problem;  // why not, for the log and the admin panel: "no printer at …", "out of paper", "timed out …"
};

/// Sends `bytes` to the printer, waiting at most `timeout` in all. On a character device that
/// answers ESC/POS status (USB, serial), asks for the paper sensor first (`status_query`) and
/// reports an empty roll instead of sending; a device that does not answer is printed to.
SendResult send_to_printer(const PrinterAddress& address, const std::vector<uint8_t>& bytes, const std::vector<uint8_t>& status_query,
                           bool (*paper_out)(uint8_t), std::chrono::milliseconds timeout);

}  // namespace platform
