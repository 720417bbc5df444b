#include "kiosk/print/print_queue.hpp"

#include "content/model/bundle_fonts.hpp"
#include "platform/log.hpp"

namespace kiosk {

std::vector<uint8_t> ticket_stream(const fonts::FontSet& fonts, const Ticket& ticket, const TicketLayout& layout) {
    return escpos::ticket_bytes(ticket_blocks(fonts, ticket, layout));
}

PrintQueue::PrintQueue(PrinterConfig config, std::function<void()> changed, std::function<content::Instant()> now)
    : config_(std::move(config)), changed_(std::move(changed)), now_(std::move(now)), worker_([this] { work(); }) {}

PrintQueue::~PrintQueue() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();  // at most one send, bounded by the timeout
}

const fonts::FontSet* PrintQueue::fonts_for(const content::Bundle& bundle) {
    const std::string key = bundle.path().string() + "#" + std::to_string(bundle.meta().version);
    if (!fonts_ || key != fonts_of_) {
        try {
            fonts_ = content::load_bundle_fonts(bundle);
            fonts_of_ = key;
        } catch (const std::exception& e) {
            platform::log::problem(std::string("printer: cannot load the bundle's fonts: ") + e.what());
            fonts_.reset();
        }
    }
    return fonts_.get();
}

bool PrintQueue::print_place(const content::Bundle& bundle, const content::PlaceView& place, const std::string& lang) {
    return print(bundle, place_ticket(bundle, place, lang, {now_(), config_.location}));
}

bool PrintQueue::print_route(const content::Bundle& bundle, const Route& route, const std::string& lang) {
    const auto ticket = ticket_for(bundle, route, lang, {now_(), config_.location});
    return ticket && print(bundle, *ticket);
}

bool PrintQueue::print(const content::Bundle& bundle, const Ticket& ticket) {
    {
        std::lock_guard lock(mutex_);
        if (job_ || state_ == State::Printing) return false;
    }
    const auto* fonts = fonts_for(bundle);
    if (!fonts) return false;
    auto bytes = ticket_stream(*fonts, ticket, config_.layout);
    {
        std::lock_guard lock(mutex_);
        job_ = std::move(bytes);
        state_ = State::Printing;
    }
    wake_.notify_all();
    return true;
}

void PrintQueue::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || job_; });
        if (stop_) return;
        const auto bytes = std::move(*job_);
        job_.reset();
        lock.unlock();
        const auto result = platform::send_to_printer(config_.address, bytes, escpos::kPaperStatusQuery, escpos::paper_out, config_.timeout);
        if (result.ok) platform::log::line("printer: printed a ticket on " + platform::describe(config_.address));
        else platform::log::problem("printer " + platform::describe(config_.address) + ": " + result.problem);
        lock.lock();
        state_ = result.ok ? State::Printed : State::Failed;
        if (result.ok) ++printed_;
        else ++failed_, last_problem_ = result.problem;
        lock.unlock();
        if (changed_) changed_();
        lock.lock();
    }
}

TicketPrinter::State PrintQueue::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

std::string PrintQueue::status_line() const {
    std::lock_guard lock(mutex_);
    std::string line = platform::describe(config_.address) + ", " + std::to_string(escpos::kDots58mm == config_.layout.width_dots ? 58 : 80) +
                       " mm, QR " + (config_.layout.qr == QrMode::Native ? "native" : "raster") + "; " + std::to_string(printed_) + " printed";
    if (failed_) line += ", " + std::to_string(failed_) + " failed, last: " + last_problem_;
    if (state_ == State::Failed) line = "UNAVAILABLE  " + line;
    return line;
}

std::string PrintQueue::fleet_state() const {
    std::lock_guard lock(mutex_);
    if (state_ != State::Failed) return "ok";
    return last_problem_.find("paper") != std::string::npos ? "paper_out" : "offline";
}

void PrintQueue::wait_idle() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (!job_ && state_ != State::Printing) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace kiosk
