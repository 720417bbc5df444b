#include "kiosk/admin/kiosk_admin.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <fstream>

#include "content/delivery/store.hpp"
#include "content/hours/dates.hpp"
#include "content/text/text_files.hpp"
#include "kiosk/admin/usage_counters.hpp"
#include "kiosk/app/app.hpp"
#include "kiosk/print/ticket_printer.hpp"
#include "kiosk/services/update_service.hpp"
#include "platform/log.hpp"

namespace kiosk {

namespace {

// At most `bytes` of `text`, not cutting a character in two (the console takes 500).
std::string utf8_prefix(const std::string& text, size_t bytes) {
    if (text.size() <= bytes) return text;
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
    return text.substr(0, bytes);
}

std::string gigabytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
    return text;
}

}  // namespace

std::string KioskAdmin::content_age(const std::string& created) const {
    const auto date = content::parse_date(created);
    if (!date) return created;
    const auto days = (content::today(app_.clock().wall()).days() - date->days()).count();
    return created + "  (" + std::to_string(days) + (days == 1 ? " day" : " days") + " old)";
}

// The expiry date, with a warning a technician can act on in its last month.
std::string KioskAdmin::expiry(const std::string& expires) const {
    const auto date = content::parse_date(expires);
    if (!date) return expires;
    const auto days = (date->days() - content::today(app_.clock().wall()).days()).count();
    if (days < 0) return expires + "  (expired: publish a bundle with a later expires)";
    if (days < content::kExpiryWarningDays)
        return expires + "  (in " + std::to_string(days) + (days == 1 ? " day" : " days") + ": publish a bundle with a later expires)";
    return expires;
}

KioskAdmin::KioskAdmin(std::string pin_hash, App& app, Parts parts)
    : AdminServices(std::move(pin_hash)), app_(app), parts_(std::move(parts)) {}

std::vector<std::pair<std::string, std::string>> KioskAdmin::status() {
    const auto& meta = app_.bundle().meta();
    std::map<std::string, std::string> stored;
    if (parts_.store)
        for (const auto& e : content::parse_key_values(parts_.store->status_text()).entries) stored[e.key] = e.value;
    const auto value_or = [&](const char* key, const std::string& otherwise) {
        const auto it = stored.find(key);
        return it == stored.end() ? otherwise : it->second;
    };
    std::vector<std::pair<std::string, std::string>> out;
    out.emplace_back("content_version", std::to_string(meta.version) + "  (" + app_.bundle().path().filename().string() + ")");
    out.emplace_back("channel", meta.channel);
    // Who published what it runs: the keyring names the key's publisher.
    if (parts_.store) {
        const auto keyring = parts_.roots.empty() ? std::nullopt : parts_.store->keyring(parts_.roots);
        const std::string key = value_or("key_id", "");
        out.emplace_back("published_by", key.empty() ? "-" : content::signer_name(key, keyring ? &*keyring : nullptr));
        out.emplace_back("keyring", keyring ? "version " + std::to_string(keyring->version) + ", " + std::to_string(keyring->publishers.size()) +
                                                  " publishers" : "none");
    } else {
        out.emplace_back("published_by", "- (factory bundle)");
    }
    out.emplace_back("expires", expiry(meta.expires));
    out.emplace_back("content_age", content_age(meta.created));
    // A frozen kiosk must not look healthy: when a source last answered and what last went wrong.
    const bool updates = parts_.store && parts_.updates;
    out.emplace_back("last_update", !parts_.store ? "updates not configured"
                                                  : value_or("last_check", "never") + "  " + value_or("last_result", "") + "  " +
                                                        value_or("last_reason", ""));
    out.emplace_back("last_contact", updates ? value_or("last_contact", "never") : "updates not configured");
    out.emplace_back("last_error", updates ? value_or("last_error", "none") : "-");
    struct statvfs disk {};
    const std::string where = parts_.store ? parts_.store->dir().string() : "/";
    if (::statvfs(where.c_str(), &disk) == 0)
        out.emplace_back("free_disk", gigabytes(static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize)) + " of " +
                                          gigabytes(static_cast<double>(disk.f_blocks) * static_cast<double>(disk.f_frsize)) + "  (" + where + ")");
    out.emplace_back("printer", app_.printer() ? app_.printer()->status_line() : "none configured");
    const auto up = std::chrono::duration_cast<std::chrono::minutes>(std::chrono::steady_clock::now() - started_).count();
    out.emplace_back("uptime", std::to_string(up / (24 * 60)) + " d " + std::to_string(up / 60 % 24) + " h " + std::to_string(up % 60) + " min");
    return out;
}

std::vector<std::string> KioskAdmin::recent_errors() { return platform::log::recent_problems(); }

content::FleetReport KioskAdmin::fleet_report() const {
    const auto& meta = app_.bundle().meta();
    content::FleetReport r;
    r.version = meta.version;
    r.channel = meta.channel;
    r.content_expires = content::days_since_epoch(meta.expires) ? meta.expires : "";
    if (parts_.store) {
        std::map<std::string, std::string> stored;
        for (const auto& e : content::parse_key_values(parts_.store->status_text()).entries) stored[e.key] = e.value;
        r.update_result = utf8_prefix(stored["last_result"] + " " + stored["last_reason"], 400);
        r.update_time = stored["last_check"];
    }
    struct statvfs disk {};
    const std::string where = parts_.store ? parts_.store->dir().string() : "/";
    if (::statvfs(where.c_str(), &disk) == 0) r.free_bytes = static_cast<std::int64_t>(disk.f_bavail) * static_cast<std::int64_t>(disk.f_frsize);
    r.uptime_s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count();
    r.printer = app_.printer() ? app_.printer()->fleet_state() : "none";
    if (const auto problems = platform::log::recent_problems(); !problems.empty()) r.last_error = utf8_prefix(problems.front(), 400);
    if (parts_.usage) r.usage = parts_.usage->counts_on(UsageCounters::day_of(std::chrono::system_clock::now()));
    return r;
}

std::string KioskAdmin::check_for_updates() {
    if (!parts_.updates) return "No update source is configured (--update-url, --inbox).";
    parts_.updates->check_now();
    return "Checking the server and the inbox now; the result shows under Last update.";
}

std::string KioskAdmin::roll_back() {
    if (!parts_.store) return "No bundle store: this kiosk shows its factory bundle only.";
    const std::string said = parts_.store->roll_back("the admin panel");
    platform::log::line(said);
    restart();  // the kiosk starts again on what the store now holds, through its usual checks
    return said + ". Restarting.";
}

std::string KioskAdmin::export_usage() {
    if (!parts_.usage) return "Usage counters are not kept (usage_db is not set).";
    parts_.usage->flush();
    const auto file = parts_.usage_file.parent_path() / ("usage-" + UsageCounters::day_of(std::chrono::system_clock::now()) + ".csv");
    std::ofstream out(file);
    const int rows = parts_.usage->export_csv(out);
    out.close();
    if (!out) return "Cannot write " + file.string() + " (disk full or read-only?).";
    return "Wrote " + std::to_string(rows) + " rows to " + file.string();
}

std::string KioskAdmin::restart() {
    restart_ = true;
    app_.request_exit();
    return "Restarting.";
}

}  // namespace kiosk
