#include "kiosk/config/ranges.hpp"

#include <charconv>

namespace kiosk {

std::string Range::allowed() const {
    std::string text = "allowed " + std::to_string(min) + " to " + std::to_string(max) + " " + unit;
    if (*in_words) text += std::string(" (") + in_words + ")";
    return text;
}

std::optional<std::string> read_in_range(std::string_view text, const Range& range, long& out, bool quote) {
    const std::string shown = quote ? "\"" + std::string(text) + "\"" : std::string(text);
    long n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    const bool whole = end == text.data() + text.size() && !text.empty();
    // A number too big even for a long (from_chars says so) is out of range, not "not a number".
    if (whole && ec == std::errc::result_out_of_range) return shown + " is out of range: " + range.allowed();
    if (!whole || ec != std::errc()) return shown + " is not a whole number: " + range.allowed();
    if (!range.contains(n)) return shown + " is out of range: " + range.allowed();
    out = n;
    return std::nullopt;
}

}  // namespace kiosk
