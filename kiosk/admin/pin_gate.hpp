#pragma once
// The admin PIN. The configuration holds only its hash (libsodium's crypto_pwhash_str: Argon2id
// with a random salt), so a copied SD card gives the PIN away to nobody. Wrong PINs are rate-
// limited: after three, each further try waits longer (30 s, doubling, up to 15 minutes), so a
// 4-digit PIN cannot be tried through at the screen.
#include <chrono>
#include <optional>
#include <string>

namespace kiosk {

class PinGate {
public:
    using time_point = std::chrono::steady_clock::time_point;
    enum class Result { Accepted, Wrong, Locked };

    explicit PinGate(std::string hash) : hash_(std::move(hash)) {}
    /// True when the configuration holds a PIN hash at all (without one there is no admin panel).
    bool configured() const { return !hash_.empty(); }
    Result try_pin(const std::string& pin, time_point now);
    /// How long until the next try is allowed; nullopt when a try is allowed now.
    std::optional<std::chrono::seconds> locked_for(time_point now) const;

    /// The hash to write into the configuration for `pin` (digits only, 4 to 12 of them).
    /// Returns nullopt with `error` set for a PIN that is not acceptable.
    static std::optional<std::string> hash(const std::string& pin, std::string& error);

private:
    std::string hash_;
    int wrong_ = 0;
    time_point locked_until_{};
};

}  // namespace kiosk
