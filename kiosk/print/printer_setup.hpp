#pragma once
// The receipt printer from the configuration (printer, printer_paper, printer_qr, location,
// printer_timeout), and the ticket files the command line writes without a printer or a screen.
#include <functional>
#include <memory>
#include <string>

#include "content/model/bundle.hpp"
#include "kiosk/app/route.hpp"
#include "kiosk/config/settings.hpp"
#include "kiosk/print/print_queue.hpp"

namespace kiosk {

/// The ticket's layout for the configured paper, or `paper_mm` (58, 80) when not 0.
TicketLayout ticket_layout(const Settings& settings, int paper_mm = 0);

/// The configured printer, or null when `printer` is not set.
std::unique_ptr<PrintQueue> make_print_queue(const Settings& settings, std::function<void()> changed);

/// Writes the ticket of the screen `route` shows: as a PNG of the paper (`png`) and as the bytes
/// the printer would receive (`escpos`); either may be empty. False, with `error`, when the
/// screen has no ticket or a file cannot be written.
bool write_ticket_files(const content::Bundle& bundle, const Route& route, const std::string& lang, const Settings& settings, int paper_mm,
                        const std::string& png, const std::string& escpos, std::string& error);

}  // namespace kiosk
