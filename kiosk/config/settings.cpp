#include "kiosk/config/settings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>

#include "content/hours/opening_hours.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/text_files.hpp"
#include "kiosk/config/ranges.hpp"
#include "platform/printer_device.hpp"

namespace kiosk {

namespace {

std::string invalid(const std::string& value, const std::string& fix) { return "\"" + value + "\" is not valid. Fix: " + fix; }

std::optional<long> whole_number(const std::string& s) {
    long n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return n;
}

// A whole number in `range` for `key`, or what is wrong, the range and the fix.
std::optional<std::string> in_range(const std::string& key, const std::string& v, const Range& range, long example, long& out) {
    if (auto problem = read_in_range(v, range, out))
        return *problem + ". Fix: write a whole number in that range, e.g. " + key + " = " + std::to_string(example);
    return std::nullopt;
}

}  // namespace

std::optional<Settings> load_settings(const std::filesystem::path& file, std::string& error) {
    // Only an ordinary file is read: a folder, a named pipe (which would wait for a writer for
    // ever) or a device is refused at once.
    const auto read = content::read_regular_file(file);
    if (!read.text) {
        error = "cannot read the configuration " + file.string() + ": " + read.problem + ". Fix: " +
                (read.missing || read.not_a_file ? "give --config the configuration file, e.g. /etc/torino-kiosk/kiosk.conf" : read.fix);
        return std::nullopt;
    }
    return parse_settings(*read.text, file.string(), error);
}

std::optional<Settings> parse_settings(std::string_view text, const std::string& name, std::string& error) {
    Settings s;
    // Each key's reader returns what is wrong and the fix, or nothing when the value is right.
    using Reader = std::function<std::optional<std::string>(const std::string&)>;
    const auto seconds = [](const char* key, std::chrono::seconds& out, const Range& range) {
        const long example = out.count();  // the default
        return [key, &out, &range, example](const std::string& v) -> std::optional<std::string> {
            long n = 0;
            if (auto problem = in_range(key, v, range, example, n)) return problem;
            out = std::chrono::seconds(n);
            return std::nullopt;
        };
    };
    const auto text_value = [](std::string& out) {
        return [&out](const std::string& v) -> std::optional<std::string> {
            out = v;
            return std::nullopt;
        };
    };
    // An http(s) address; `example` shows what to write.
    const auto url_value = [](std::string& out, std::string example) {
        return [&out, example = std::move(example)](const std::string& v) -> std::optional<std::string> {
            if (!v.starts_with("https://") && !v.starts_with("http://")) return invalid(v, example);
            out = v;
            return std::nullopt;
        };
    };
    // Comma- or space-separated lists, e.g. `languages = it, en, ar`.
    const auto list_value = [](std::vector<std::string>& out) {
        return [&out](const std::string& v) -> std::optional<std::string> {
            std::string words = v;
            std::replace(words.begin(), words.end(), ',', ' ');
            out = content::split_words(words);
            if (out.empty()) return invalid(v, "list one or more values separated by commas, e.g. it, en, ar");
            return std::nullopt;
        };
    };
    const std::map<std::string, Reader> readers = {
        {"rotation",
         [&](const std::string& v) -> std::optional<std::string> {
             const auto n = whole_number(v);
             if (!n || !(*n == 0 || *n == 90 || *n == 180 || *n == 270)) return invalid(v, "write 0, 90, 180 or 270 (degrees clockwise)");
             s.rotation = static_cast<int>(*n);
             return std::nullopt;
         }},
        {"screen_size_mm",
         [&](const std::string& v) -> std::optional<std::string> {
             const auto x = v.find('x');
             const auto w = whole_number(v.substr(0, x)), h = x == std::string::npos ? std::nullopt : whole_number(v.substr(x + 1));
             if (!w || !h || !kScreenSideMm.contains(*w) || !kScreenSideMm.contains(*h))
                 return "\"" + v + "\" is not valid: " + kScreenSideMm.allowed() +
                        " each way. Fix: write the panel's visible width and height in millimetres, e.g. 476x268 for a 21.5-inch 16:9 panel";
             s.screen_width_mm = static_cast<float>(*w);
             s.screen_height_mm = static_cast<float>(*h);
             return std::nullopt;
         }},
        {"idle_timeout", seconds("idle_timeout", s.idle_timeout, kIdleTimeout)},
        {"idle_countdown", seconds("idle_countdown", s.idle_countdown, kIdleCountdown)},
        {"hours",
         [&](const std::string& v) -> std::optional<std::string> {
             if (const auto bad = content::check_opening_hours(v)) return "\"" + v + "\" " + bad->explain() + ". Fix: " + bad->fix;
             s.hours = v;
             return std::nullopt;
         }},
        {"admin_pin_hash", text_value(s.admin_pin_hash)},
        {"usage_db", text_value(s.usage_db)},
        {"position",
         [&](const std::string& v) -> std::optional<std::string> {
             double lat = 0, lon = 0;
             char comma = 0, rest = 0;
             // NaN fails every comparison, so a range check alone would let "nan" through.
             if (std::sscanf(v.c_str(), "%lf %c %lf %c", &lat, &comma, &lon, &rest) != 3 || comma != ',' || !std::isfinite(lat) ||
                 !std::isfinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
                 return "\"" + v + "\" is not valid: allowed latitude -90 to 90 and longitude -180 to 180 degrees. Fix: write latitude, "
                        "longitude in degrees, e.g. 45.0703, 7.6869";
             s.position = std::make_pair(lat, lon);
             return std::nullopt;
         }},
        {"location", text_value(s.location)},
        {"audio_device", text_value(s.audio_device)},
        {"printer",
         [&](const std::string& v) -> std::optional<std::string> {
             std::string problem;
             if (!platform::parse_printer_address(v, problem)) return problem;
             s.printer = v;
             return std::nullopt;
         }},
        {"printer_paper",
         [&](const std::string& v) -> std::optional<std::string> {
             if (v != "58" && v != "80") return invalid(v, "write 58 or 80 (the paper roll's width in millimetres)");
             s.printer_paper = v == "58" ? 58 : 80;
             return std::nullopt;
         }},
        {"printer_qr",
         [&](const std::string& v) -> std::optional<std::string> {
             if (v != "raster" && v != "native") return invalid(v, "write raster (every printer) or native (the printer's own QR command)");
             s.printer_native_qr = v == "native";
             return std::nullopt;
         }},
        {"printer_timeout", seconds("printer_timeout", s.printer_timeout, kPrinterTimeout)},
        {"display", text_value(s.display)},
        {"languages", list_value(s.languages)},
        {"fallback", list_value(s.fallback)},
        {"bundle", text_value(s.bundle)},
        {"store", text_value(s.store)},
        {"trust", list_value(s.trust)},
        {"trust_root", list_value(s.trust_root)},
        {"update_url", url_value(s.update_url, "write the address of the folder kiosk-bundle publish writes, e.g. https://example.org/kiosk")},
        {"bundle_name", text_value(s.bundle_name)},
        {"inbox", text_value(s.inbox)},
        {"channel", text_value(s.channel)},
        {"check_every", seconds("check_every", s.check_every, kCheckEvery)},
        {"report_url", url_value(s.report_url, "write the console's report address, e.g. https://console.example.org/api/report")},
        {"report_token",
         [&](const std::string& v) -> std::optional<std::string> {
             if (v.size() != 64 || v.find_first_not_of("0123456789abcdef") != std::string::npos)
                 return invalid(v, "write the 64 hex digits kiosk-console add-kiosk printed for this kiosk");
             s.report_token = v;
             return std::nullopt;
         }},
        {"report_every", seconds("report_every", s.report_every, kReportEvery)},
        {"max_bundle_mb",
         [&](const std::string& v) -> std::optional<std::string> {
             long n = 0;
             if (auto problem = in_range("max_bundle_mb", v, kMaxBundleMb, Settings{}.max_bundle_mb, n)) return problem;
             s.max_bundle_mb = static_cast<int>(n);  // at most 4096: fits
             return std::nullopt;
         }},
    };
    const auto parsed = content::parse_key_values(text);
    if (!parsed.malformed_lines.empty()) {
        error = name + ":" + std::to_string(parsed.malformed_lines.front()) +
                ": this line is not \"key = value\". Fix: write one setting per line, or start the line with # to make it a comment";
        return std::nullopt;
    }
    int timing_line = 0;  // the line of idle_countdown, else idle_timeout: where a clash between them is told
    std::string timing_key;
    for (const auto& e : parsed.entries) {
        const std::string where = name + ":" + std::to_string(e.line) + ": " + e.key + ": ";
        if (e.key == "idle_countdown" || (e.key == "idle_timeout" && timing_key != "idle_countdown"))
            timing_line = e.line, timing_key = e.key;
        const auto reader = readers.find(e.key);
        if (reader == readers.end()) {
            error = where + "unknown setting. Fix: check its spelling against docs/configuration.md";
            return std::nullopt;
        }
        if (const auto problem = reader->second(e.value)) {
            error = where + *problem;
            return std::nullopt;
        }
    }
    if (s.idle_countdown >= s.idle_timeout) {
        error = name + ":" + std::to_string(timing_line) + ": idle_countdown: \"" + std::to_string(s.idle_countdown.count()) +
                "\" is not shorter than idle_timeout (" + std::to_string(s.idle_timeout.count()) +
                " seconds). Fix: make it shorter, e.g. idle_timeout = 90 and idle_countdown = 10";
        return std::nullopt;
    }
    if (!s.report_url.empty() && s.report_token.empty()) {
        error = name + ": report_url is set but report_token is not. Fix: add report_token = the token kiosk-console add-kiosk printed for this kiosk";
        return std::nullopt;
    }
    return s;
}

}  // namespace kiosk
