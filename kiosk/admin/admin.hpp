#pragma once
// What the admin panel shows and does, behind a small interface: the kiosk wires it to its
// store, updater and counters; tests give it their own. No visitor ever reaches any of it
// without the hidden corner gesture and the PIN.
#include <string>
#include <utility>
#include <vector>

#include "kiosk/admin/pin_gate.hpp"

namespace kiosk {

class AdminServices {
public:
    explicit AdminServices(std::string pin_hash) : pin_(std::move(pin_hash)) {}
    virtual ~AdminServices() = default;

    PinGate& pin() { return pin_; }
    /// Label and value, one line each: content version, channel, key, expiry, last update, free
    /// disk, printer, uptime.
    virtual std::vector<std::pair<std::string, std::string>> status() = 0;
    /// The latest problems the kiosk logged, newest first.
    virtual std::vector<std::string> recent_errors() = 0;
    // Actions; each returns one line saying what happened.
    virtual std::string check_for_updates() = 0;
    virtual std::string roll_back() = 0;
    virtual std::string export_usage() = 0;
    virtual std::string restart() = 0;

private:
    PinGate pin_;
};

}  // namespace kiosk
