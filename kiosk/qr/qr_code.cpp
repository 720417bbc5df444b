#include "kiosk/qr/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace kiosk {

namespace {
using Symbol = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

Symbol encode_at(std::string_view text, QRecLevel level) {
    errno = 0;
    // Version 0: the smallest symbol the text fits in at this level.
    return Symbol(QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, level),
                  &QRcode_free);
}
}  // namespace

std::optional<QrCode> QrCode::encode(std::string_view text, std::string& error) {
    Symbol symbol(nullptr, &QRcode_free);
    Level level = Level::M;
    for (const auto& [ours, theirs] : {std::pair{Level::H, QR_ECLEVEL_H}, std::pair{Level::Q, QR_ECLEVEL_Q}}) {
        symbol = encode_at(text, theirs);
        if (symbol && symbol->width <= kMaxStrongSize) {
            level = ours;
            break;
        }
        symbol.reset();
    }
    if (!symbol) symbol = encode_at(text, QR_ECLEVEL_M);
    if (!symbol) {
        error = errno == ERANGE ? "the text is too long for a QR code (" + std::to_string(text.size()) + " bytes)"
                                : std::string("libqrencode failed: ") + std::strerror(errno);
        return std::nullopt;
    }
    QrCode code;
    code.size_ = symbol->width;
    code.modules_.resize(static_cast<size_t>(code.size_) * static_cast<size_t>(code.size_));
    // libqrencode gives one byte per module; its lowest bit is set for a dark module.
    for (size_t i = 0; i < code.modules_.size(); ++i) code.modules_[i] = symbol->data[i] & 1;
    code.text_ = std::string(text);
    code.level_ = level;
    return code;
}

}  // namespace kiosk
