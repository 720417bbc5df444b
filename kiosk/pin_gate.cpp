#include "pin_gate.hpp"

#include <sodium.h>

#include <algorithm>

namespace kiosk {

namespace {
constexpr int kFreeTries = 3;
constexpr std::chrono::seconds kFirstWait{30}, kLongestWait{15 * 60};
}  // namespace

std::optional<std::chrono::seconds> PinGate::locked_for(time_point now) const {
    if (now >= locked_until_) return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(locked_until_ - now);
}

PinGate::Result PinGate::try_pin(const std::string& pin, time_point now) {
    if (locked_for(now)) return Result::Locked;
    if (!hash_.empty() && sodium_init() >= 0 && crypto_pwhash_str_verify(hash_.c_str(), pin.c_str(), pin.size()) == 0) {
        wrong_ = 0;
        return Result::Accepted;
    }
    ++wrong_;
    if (wrong_ >= kFreeTries) {
        const int doublings = std::min(wrong_ - kFreeTries, 10);
        locked_until_ = now + std::min<std::chrono::seconds>(kFirstWait * (1 << doublings), kLongestWait);
    }
    return Result::Wrong;
}

std::optional<std::string> PinGate::hash(const std::string& pin, std::string& error) {
    if (pin.size() < 4 || pin.size() > 12 || !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error = "a PIN is 4 to 12 digits, typed on the kiosk's number pad";
        return std::nullopt;
    }
    char out[crypto_pwhash_STRBYTES];
    if (sodium_init() < 0 || crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                               crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        error = "not enough memory to hash the PIN";
        return std::nullopt;
    }
    return std::string(out);
}

}  // namespace kiosk
