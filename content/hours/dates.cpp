#include "content/hours/dates.hpp"

#include <cstdio>

namespace content {

namespace {

// Digits at text[at], text[at+1] as a number, or -1.
int two_digits(std::string_view text, size_t at) {
    if (at + 2 > text.size()) return -1;
    const char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
}

// `HH:MM` at text[at], as minutes after midnight, or -1. 24:00 is not a time a stop keeps.
int clock_at(std::string_view text, size_t at) {
    const int hour = two_digits(text, at), minute = two_digits(text, at + 3);
    if (hour < 0 || minute < 0 || text[at + 2] != ':' || hour > 23 || minute > 59) return -1;
    return hour * 60 + minute;
}

}  // namespace

std::optional<CivilDate> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int century = two_digits(text, 0), year = two_digits(text, 2), month = two_digits(text, 5), day = two_digits(text, 8);
    if (century < 0 || year < 0 || month < 1 || month > 12 || day < 1) return std::nullopt;
    const CivilDate date{century * 100 + year, month, day};
    if (day > days_in_month(date.year, month)) return std::nullopt;
    return date;
}

std::optional<std::pair<int, int>> parse_time_span(std::string_view text) {
    if (text.size() != 11 || text[5] != '-') return std::nullopt;
    const int from = clock_at(text, 0), to = clock_at(text, 6);
    if (from < 0 || to < 0 || to <= from) return std::nullopt;
    return std::make_pair(from, to);
}

std::string format_date(const CivilDate& date) {
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

std::string format_clock(int minute_of_day) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return text;
}

CivilDate today(std::chrono::system_clock::time_point now, const TimeZone& zone) {
    return zone.local(std::chrono::floor<std::chrono::seconds>(now)).date;
}

std::string today_iso(std::chrono::system_clock::time_point now, const TimeZone& zone) { return format_date(today(now, zone)); }

}  // namespace content
