#include "qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace kiosk {

std::optional<QrCode> QrCode::encode(std::string_view text, std::string& error) {
    errno = 0;
    // Version 0: the smallest symbol the text fits in.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> symbol(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
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
    return code;
}

}  // namespace kiosk
