#pragma once
// The range of every number the kiosk takes from its configuration file and its command line,
// in one place: settings.cpp and options.cpp refuse a value outside it with the range in the
// message, and docs/configuration.md lists the same ranges. Past them, values once wrapped round
// silently: check_every = 4294967296 became 0 s (the server asked without pause),
// max_bundle_mb = 2147483648 lifted the download cap, idle_timeout = 10000000000 ended every
// visit at once.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct Range {
    long min, max;
    const char* unit;      // "seconds", "megabytes", ...
    const char* in_words;  // the range as a person says it, e.g. "1 minute to 1 day"; may be empty

    bool contains(long n) const { return n >= min && n <= max; }
    /// "allowed 60 to 86400 seconds (1 minute to 1 day)".
    std::string allowed() const;
};

// The configuration file (docs/configuration.md).
inline constexpr Range kIdleTimeout{15, 3600, "seconds", "15 seconds to 1 hour"};
inline constexpr Range kIdleCountdown{3, 60, "seconds", ""};  // and less than idle_timeout
inline constexpr Range kPrinterTimeout{1, 120, "seconds", "up to 2 minutes"};
inline constexpr Range kCheckEvery{60, 86400, "seconds", "1 minute to 1 day"};
inline constexpr Range kReportEvery{60, 86400, "seconds", "1 minute to 1 day"};
inline constexpr Range kMaxBundleMb{1, 4096, "megabytes", "up to 4 GiB"};
inline constexpr Range kScreenSideMm{50, 3000, "millimetres", ""};  // each of width and height

// The command line. --check-every goes down to 1 s for tests of the updater; --size and
// --windowed are checked by their own reader (options.cpp), with these sides.
inline constexpr Range kCheckEveryOption{1, 86400, "seconds", "up to 1 day"};
inline constexpr Range kExitAfterMs{0, 86'400'000, "milliseconds", "up to 1 day"};
inline constexpr Range kWidthPx{320, 8192, "pixels", ""};
inline constexpr Range kHeightPx{240, 8192, "pixels", ""};

/// Reads `text` as a whole number in `range` into `out`. On a mistake returns what is wrong,
/// without the fix: `"4294967296" is out of range: allowed 60 to 86400 seconds (1 minute to
/// 1 day)`, or `"lots" is not a whole number: allowed ...`. `quote` false leaves the quotes out
/// (the command line's style).
std::optional<std::string> read_in_range(std::string_view text, const Range& range, long& out, bool quote = true);

}  // namespace kiosk
