#include "kiosk/admin/pin_gate.hpp"

#include <algorithm>

#include "content/delivery/password_hash.hpp"

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
    if (content::password_matches(hash_, pin)) {
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
    auto hashed = content::hash_password(pin);
    if (!hashed) error = "not enough memory to hash the PIN";
    return hashed;
}

}  // namespace kiosk
