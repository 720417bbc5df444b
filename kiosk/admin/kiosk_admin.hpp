#pragma once
// The admin panel's services on a real kiosk: the bundle store, the updater, the usage
// counters, the disk, the clock. Any of them may be missing (a demo kiosk has no store); the
// panel then says so instead of offering what cannot work.
#include <chrono>
#include <filesystem>
#include <vector>

#include "content/delivery/fleet_report.hpp"
#include "content/delivery/minisign.hpp"
#include "kiosk/admin/admin.hpp"

namespace content {
class Store;
}

namespace kiosk {

class App;
class UpdateService;
class UsageCounters;

class KioskAdmin final : public AdminServices {
public:
    struct Parts {
        content::Store* store = nullptr;
        UpdateService* updates = nullptr;
        UsageCounters* usage = nullptr;
        std::filesystem::path usage_file;  // exports go beside it
        std::vector<content::minisign::PublicKey> roots;  // the fleet's root keys: the keyring names the publisher
    };
    KioskAdmin(std::string pin_hash, App& app, Parts parts);

    std::vector<std::pair<std::string, std::string>> status() override;
    std::vector<std::string> recent_errors() override;
    /// The kiosk's state for the console's fleet view (kiosk.conf report_url); nothing about visitors.
    content::FleetReport fleet_report() const;
    std::string check_for_updates() override;
    std::string roll_back() override;
    std::string export_usage() override;
    std::string restart() override;

    void set_updates(UpdateService* updates) { parts_.updates = updates; }
    /// The admin asked for a restart (after a roll-back too): main starts the kiosk again.
    bool restart_requested() const { return restart_; }

private:
    /// "2026-11-23  (13 days old)": how old the content on screen is, by its bundle's date.
    std::string content_age(const std::string& created) const;
    /// "2027-11-23  (in 12 days: publish ...)": the bundle's expiry, warned of in its last month.
    std::string expiry(const std::string& expires) const;

    App& app_;
    Parts parts_;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    bool restart_ = false;
};

}  // namespace kiosk
