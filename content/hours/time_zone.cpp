#include "content/hours/time_zone.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace content {

namespace {

constexpr const char* kRomeFile = "/usr/share/zoneinfo/Europe/Rome";
// What tzdata's Europe/Rome file ends with: CET (UTC+1), and CEST (UTC+2) from the last Sunday
// of March at 02:00 to the last Sunday of October at 03:00.
constexpr const char* kRomeRule = "CET-1CEST,M3.5.0,M10.5.0/3";
constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t epoch_seconds(const CivilDate& date) { return std::int64_t(date.days().time_since_epoch().count()) * kDay; }

// The big-endian numbers of a TZif file, read front to back.
class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::int64_t number(size_t size) {
        need(size);
        std::uint64_t v = 0;
        for (size_t i = 0; i < size; ++i) v = (v << 8) | std::uint8_t(data_[pos_++]);
        if (size < 8 && ((v >> (size * 8 - 1)) & 1)) v |= ~std::uint64_t(0) << (size * 8);  // sign
        return std::int64_t(v);
    }
    std::string_view take(size_t n) {
        need(n);
        pos_ += n;
        return data_.substr(pos_ - n, n);
    }
    void skip(size_t n) { take(n); }
    std::string_view rest() const { return data_.substr(pos_); }

private:
    void need(size_t n) const {
        if (data_.size() - pos_ < n) throw TimeZoneError("the file is cut short");
    }
    std::string_view data_;
    size_t pos_ = 0;
};

struct Header {
    char version = 0;
    std::int64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

Header read_header(Reader& in) {
    if (in.take(4) != "TZif") throw TimeZoneError("not a TZif time zone file");
    Header h;
    h.version = in.take(1)[0];
    in.skip(15);
    for (auto* count : {&h.isutcnt, &h.isstdcnt, &h.leapcnt, &h.timecnt, &h.typecnt, &h.charcnt}) *count = in.number(4);
    if (h.typecnt == 0) throw TimeZoneError("the file has no local time types");
    return h;
}

// The small cursor the POSIX TZ rule parser reads with.
class RuleText {
public:
    explicit RuleText(std::string_view text) : text_(text) {}
    bool done() const { return pos_ == text_.size(); }
    char peek() const { return done() ? '\0' : text_[pos_]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    void expect(char c) {
        if (!eat(c)) fail();
    }
    [[noreturn]] void fail() const { throw TimeZoneError("cannot read the time zone rule \"" + std::string(text_) + "\""); }

    void name() {
        if (eat('<')) {
            while (!done() && !eat('>')) ++pos_;
            return;
        }
        size_t letters = 0;
        while (std::isalpha(static_cast<unsigned char>(peek()))) ++pos_, ++letters;
        if (letters < 3) fail();
    }
    int integer() {
        if (!std::isdigit(static_cast<unsigned char>(peek()))) fail();
        int n = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) && n < 1000) n = n * 10 + (text_[pos_++] - '0');
        return n;
    }
    // [+-]hh[:mm[:ss]] in seconds.
    std::int64_t duration() {
        const bool negative = eat('-');
        if (!negative) eat('+');
        std::int64_t s = std::int64_t(integer()) * 3600;
        if (eat(':')) s += integer() * 60;
        if (eat(':')) s += integer();
        return negative ? -s : s;
    }

private:
    std::string_view text_;
    size_t pos_ = 0;
};

}  // namespace

TimeZone::Rule TimeZone::Rule::parse(std::string_view text) {
    RuleText in(text);
    Rule r;
    in.name();
    r.standard = -in.duration();  // POSIX counts hours west of Greenwich
    if (in.done()) return r;
    in.name();
    r.has_summer = true;
    r.summer = (in.peek() == ',') ? r.standard + 3600 : -in.duration();
    auto change = [&] {
        Change c;
        in.expect(',');
        in.expect('M');  // the Jn and n day forms are not used by European zones
        c.month = in.integer();
        in.expect('.');
        c.week = in.integer();
        in.expect('.');
        c.weekday = in.integer();
        if (in.eat('/')) c.seconds = in.duration();
        if (c.month < 1 || c.month > 12 || c.week < 1 || c.week > 5 || c.weekday > 6) in.fail();
        return c;
    };
    r.starts = change();
    r.ends = change();
    if (!in.done()) in.fail();
    return r;
}

std::int64_t TimeZone::Rule::change_instant(int year, const Change& c, std::int64_t offset_before) const {
    const CivilDate first{year, c.month, 1};
    const int first_weekday = (first.weekday() + 1) % 7;  // POSIX counts from Sunday
    int day = 1 + (c.weekday - first_weekday + 7) % 7 + (c.week - 1) * 7;
    while (day > days_in_month(year, c.month)) day -= 7;  // week 5 means the last one
    return epoch_seconds({year, c.month, day}) + c.seconds - offset_before;
}

std::int64_t TimeZone::Rule::offset_at(std::int64_t t) const {
    if (!has_summer) return standard;
    const int year = CivilDate::from_days(std::chrono::sys_days(std::chrono::days(floor_div(t + standard, kDay)))).year;
    const std::int64_t start = change_instant(year, starts, standard), end = change_instant(year, ends, summer);
    const bool summer_time = start < end ? (start <= t && t < end) : !(end <= t && t < start);
    return summer_time ? summer : standard;
}

std::optional<std::int64_t> TimeZone::Rule::next_change(std::int64_t t) const {
    if (!has_summer) return std::nullopt;
    const int year = CivilDate::from_days(std::chrono::sys_days(std::chrono::days(floor_div(t, kDay)))).year;
    std::optional<std::int64_t> next;
    for (int y = year - 1; y <= year + 1; ++y)
        for (const auto at : {change_instant(y, starts, standard), change_instant(y, ends, summer)})
            if (at > t && (!next || at < *next)) next = at;
    return next;
}

TimeZone TimeZone::from_file(const std::filesystem::path& tzif) {
    std::ifstream file(tzif, std::ios::binary);
    if (!file) throw TimeZoneError("cannot read " + tzif.string() + ". Fix: install Debian's tzdata package");
    const std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    try {
        Reader in(data);
        Header h = read_header(in);
        size_t time_size = 4;
        if (h.version >= '2') {  // skip the 32-bit block for the 64-bit one after it
            in.skip(size_t(h.timecnt * 5 + h.typecnt * 6 + h.charcnt + h.leapcnt * 8 + h.isstdcnt + h.isutcnt));
            h = read_header(in);
            time_size = 8;
        }
        std::vector<std::int64_t> times, offsets;
        for (std::int64_t i = 0; i < h.timecnt; ++i) times.push_back(in.number(time_size));
        const std::string_view type_of = in.take(size_t(h.timecnt));
        for (std::int64_t i = 0; i < h.typecnt; ++i) {
            offsets.push_back(in.number(4));
            in.skip(2);  // is-summer-time flag and abbreviation index
        }
        in.skip(size_t(h.charcnt + h.leapcnt * std::int64_t(time_size + 4) + h.isstdcnt + h.isutcnt));

        TimeZone zone;
        zone.initial_offset_ = offsets[0];
        for (size_t i = 0; i < times.size(); ++i) {
            const auto type = std::uint8_t(type_of[i]);
            if (type >= offsets.size()) throw TimeZoneError("a transition names a local time type that does not exist");
            zone.transitions_.push_back({times[i], offsets[type]});
        }
        // The footer: a POSIX rule for the times after the last transition.
        const std::string_view footer = in.rest();
        if (time_size == 8 && footer.size() > 2 && footer[0] == '\n') {
            const std::string_view rule = footer.substr(1, footer.find('\n', 1) - 1);
            if (!rule.empty()) {
                try {
                    zone.rule_ = Rule::parse(rule);
                } catch (const TimeZoneError&) {
                    // A rule form we do not read: keep the last transition's offset after it.
                }
            }
        }
        return zone;
    } catch (const TimeZoneError& e) {
        throw TimeZoneError(tzif.string() + ": " + e.what());
    }
}

TimeZone TimeZone::from_rule(std::string_view posix_tz) {
    TimeZone zone;
    zone.rule_ = Rule::parse(posix_tz);
    zone.initial_offset_ = zone.rule_->standard;
    return zone;
}

const TimeZone& TimeZone::rome() {
    static const TimeZone zone = [] {
        try {
            return from_file(kRomeFile);
        } catch (const TimeZoneError&) {
            return from_rule(kRomeRule);
        }
    }();
    return zone;
}

std::int64_t TimeZone::offset_at(std::int64_t t) const {
    if (transitions_.empty()) return rule_ ? rule_->offset_at(t) : initial_offset_;
    if (t < transitions_.front().at) return initial_offset_;
    if (t >= transitions_.back().at && rule_) return rule_->offset_at(t);
    const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                                        [](std::int64_t value, const Transition& tr) { return value < tr.at; });
    return std::prev(after)->offset;
}

std::chrono::seconds TimeZone::utc_offset(Instant t) const { return std::chrono::seconds(offset_at(t.time_since_epoch().count())); }

std::optional<Instant> TimeZone::next_transition(Instant instant) const {
    const std::int64_t t = instant.time_since_epoch().count();
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                               [](std::int64_t value, const Transition& tr) { return value < tr.at; });
    // Some transitions change only the zone's abbreviation: they are no change of the clock.
    while (it != transitions_.end() && it->offset == (it == transitions_.begin() ? initial_offset_ : std::prev(it)->offset)) ++it;
    if (it != transitions_.end()) return Instant(std::chrono::seconds(it->at));
    if (!rule_) return std::nullopt;
    if (const auto next = rule_->next_change(t)) return Instant(std::chrono::seconds(*next));
    return std::nullopt;
}

LocalTime TimeZone::local(Instant instant) const {
    const std::int64_t t = instant.time_since_epoch().count(), offset = offset_at(t), wall = t + offset;
    const std::int64_t days = floor_div(wall, kDay), second_of_day = wall - days * kDay;
    LocalTime out;
    out.date = CivilDate::from_days(std::chrono::sys_days(std::chrono::days(days)));
    out.hour = int(second_of_day / 3600);
    out.minute = int(second_of_day % 3600 / 60);
    out.second = int(second_of_day % 60);
    out.utc_offset = std::chrono::seconds(offset);
    return out;
}

Instant TimeZone::instant(const CivilDate& date, int hour, int minute) const {
    const std::int64_t wall = epoch_seconds(date) + hour * 3600 + minute * 60;
    // Zones change their offset at most once a day: the offsets a day before and a day after are
    // the only candidates. A candidate is right when the zone has that offset at that instant.
    const std::int64_t before = offset_at(wall - kDay), after = offset_at(wall + kDay);
    std::optional<std::int64_t> best;
    for (const std::int64_t offset : {before, after})
        if (offset_at(wall - offset) == offset && (!best || wall - offset < *best)) best = wall - offset;
    return Instant(std::chrono::seconds(best.value_or(wall - before)));
}

std::string format_local_iso(Instant t, const TimeZone& zone) {
    const LocalTime l = zone.local(t);
    const auto offset_minutes = l.utc_offset.count() / 60;
    const auto magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::array<char, 40> out{};
    std::snprintf(out.data(), out.size(), "%04d-%02d-%02dT%02d:%02d%c%02d:%02d", l.date.year, l.date.month, l.date.day, l.hour,
                  l.minute, offset_minutes < 0 ? '-' : '+', int(magnitude / 60), int(magnitude % 60));
    return out.data();
}

std::optional<Instant> parse_local_iso(std::string_view text, const TimeZone& zone) {
    auto digits = [&](size_t at, size_t count) -> std::optional<int> {
        if (at + count > text.size()) return std::nullopt;
        int n = 0;
        for (size_t i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2), hour = digits(11, 2), minute = digits(14, 2);
    if (!year || !month || !day || !hour || !minute || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
        text[13] != ':')
        return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month) || *hour > 23 || *minute > 59)
        return std::nullopt;
    const CivilDate date{*year, *month, *day};
    const std::string_view offset = text.substr(16);
    if (offset.empty()) return zone.instant(date, *hour, *minute);
    const std::int64_t wall = epoch_seconds(date) + *hour * 3600 + *minute * 60;
    if (offset == "Z") return Instant(std::chrono::seconds(wall));
    const auto oh = digits(17, 2), om = digits(20, 2);
    if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':' || !oh || !om || *om > 59) return std::nullopt;
    const std::int64_t east = (*oh * 3600 + *om * 60) * (offset[0] == '-' ? -1 : 1);
    return Instant(std::chrono::seconds(wall - east));
}

}  // namespace content
