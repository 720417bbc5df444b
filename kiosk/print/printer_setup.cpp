#include "kiosk/print/printer_setup.hpp"

#include <fstream>

#include "content/model/bundle_fonts.hpp"
#include "platform/png.hpp"

namespace kiosk {

TicketLayout ticket_layout(const Settings& settings, int paper_mm) {
    TicketLayout layout;
    layout.width_dots = escpos::dots_for_paper(paper_mm ? paper_mm : settings.printer_paper);
    layout.qr = settings.printer_native_qr ? QrMode::Native : QrMode::Raster;
    return layout;
}

std::unique_ptr<PrintQueue> make_print_queue(const Settings& settings, std::function<void()> changed) {
    if (settings.printer.empty()) return nullptr;
    std::string error;
    const auto address = platform::parse_printer_address(settings.printer, error);
    if (!address) return nullptr;  // load_settings refused it already
    return std::make_unique<PrintQueue>(PrinterConfig{*address, ticket_layout(settings), settings.location, settings.printer_timeout},
                                        std::move(changed));
}

bool write_ticket_files(const content::Bundle& bundle, const Route& route, const std::string& lang, const Settings& settings, int paper_mm,
                        const std::string& png, const std::string& escpos_file, std::string& error) {
    const TicketContext at{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()), settings.location};
    const auto ticket = ticket_for(bundle, route, lang, at);
    if (!ticket) {
        error = "the screen " + route.str() + " has no ticket. Fix: --open place/<id>, guide/<id> or qr/<link id>";
        return false;
    }
    std::unique_ptr<fonts::FontSet> fonts;
    try {
        fonts = content::load_bundle_fonts(bundle);
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    const auto layout = ticket_layout(settings, paper_mm);
    const auto blocks = ticket_blocks(*fonts, *ticket, layout);
    if (!png.empty()) {
        const Bitmap1 paper = paper_picture(blocks, layout.width_dots);
        std::vector<unsigned char> rgba(static_cast<size_t>(paper.width()) * static_cast<size_t>(paper.height()) * 4, 255);
        for (int y = 0; y < paper.height(); ++y)
            for (int x = 0; x < paper.width(); ++x)
                if (paper.dark(x, y)) {
                    auto* p = &rgba[(static_cast<size_t>(y) * static_cast<size_t>(paper.width()) + static_cast<size_t>(x)) * 4];
                    p[0] = p[1] = p[2] = 0;
                }
        if (!platform::write_png(png, paper.width(), paper.height(), rgba, error)) return false;
    }
    if (!escpos_file.empty()) {
        const auto bytes = escpos::ticket_bytes(blocks);
        std::ofstream out(escpos_file, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            error = "cannot write " + escpos_file;
            return false;
        }
    }
    return true;
}

}  // namespace kiosk
