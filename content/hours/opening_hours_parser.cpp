// Reading opening_hours text into rules. A small recursive descent over the text: each rule is
// [24/7 | dates, weekdays, times] [open | closed | off | unknown] ["comment"], and rules
// are joined by `;`, `,` or `||`. A `,` continues a list (Mo,We / Jan,Mar / 08:00-12:00,14:00-18:00)
// when what follows fits that list, and otherwise starts an additional rule.
//
// It is forgiving where nothing can be misread (spaces, lower case, 9:00, a trailing `;`) and
// otherwise stops at the first problem with its position and how to write it instead.
#include "content/hours/opening_hours.hpp"
#include "content/hours/opening_hours_cursor.hpp"

namespace content {

namespace {

using hours_text::is_digit;
using hours_text::kHoursFix;
using hours_words::same;

class Parser : hours_text::Cursor {
public:
    explicit Parser(std::string_view text) : Cursor(text) {}

    std::vector<HoursRule> rules() {
        refuse_typography();
        std::vector<HoursRule> out;
        auto joined = HoursRule::Joined::Normal;
        skip_spaces();
        while (!done()) {
            out.push_back(rule(joined));
            skip_spaces();
            if (done()) break;
            const size_t separator = pos_;
            if (eat(";")) joined = HoursRule::Joined::Normal;
            else if (eat("||")) joined = HoursRule::Joined::Fallback;
            else if (eat(",")) joined = HoursRule::Joined::Additional;
            else unexpected(pos_);
            skip_spaces();
            if (done() && joined == HoursRule::Joined::Normal) break;  // a trailing `;` is harmless
            if (done() || peek() == ';' || peek() == ',' || peek() == '|')
                fail(pos_, "a rule is missing after \"" + std::string(text_.substr(separator, 1 + (joined == HoursRule::Joined::Fallback))) + "\"",
                     "write a rule there, or remove the separator");
        }
        return out;
    }

private:
    // ---- rules ----
    HoursRule rule(HoursRule::Joined joined) {
        HoursRule r;
        r.joined = joined;
        r.offset = rule_start_ = pos_;
        bool selected = false;
        if (eat("24/7")) {
            r.all_week_all_day = selected = true;
            skip_spaces();
        } else {
            if (month_at(pos_) || (year_at(pos_) && month_at(after_spaces(pos_ + 4)))) {
                dates(r);
                selected = true;
                skip_spaces();
            } else if (year_at(pos_)) {
                fail(pos_, "a year without a month and day (2027, 2026-2027) is not supported by the kiosk",
                     "write the dates with it, e.g. 2027 Jan 01-2027 Dec 31 off");
            }
            if (selected && peek() == ':' && !is_digit(peek(1))) {  // `Dec 24: 10:00-12:00`, for readability
                ++pos_;
                skip_spaces();
            }
            if (same(word_at(pos_), "week")) {
                weeks(r);
                selected = true;
                skip_spaces();
            }
            if (day_word_at(pos_)) {
                weekdays(r);
                selected = true;
                skip_spaces();
            }
            if (is_digit(peek())) {
                times(r);
                selected = true;
                skip_spaces();
            }
        }
        const bool modified = modifier(r);
        if (!selected && !modified) unexpected(pos_);
        size_t end = pos_;
        while (end > r.offset && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
        r.length = end - r.offset;
        return r;
    }

    int year() { return number(4); }

    int month() {
        const int m = hours_words::month(word_at(pos_));
        if (m == 0) fail(pos_, "expected a month like Jan " + before(pos_), "write months with three letters: Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
        pos_ += 3;
        return m;
    }
    int day_of(int month_number) {
        const size_t at = pos_;
        if (!day_number_at(pos_)) fail(at, "expected a day of the month " + before(at), "write dates as Dec 24 or Dec 24-26");
        const int day = number(digits_at(pos_));
        if (day < 1 || day > days_in_month(2024, month_number))  // 2024: leap, so Feb 29 is allowed
            fail(at, std::string(hours_words::month_name(month_number)) + " has no day " + std::to_string(day), "write a day that exists, e.g. Feb 28");
        return day;
    }

    // `Jan`, `Jan-Mar`, `Jun 24`, `Dec 24-26`, `Dec 20-Jan 06`, `2026 Dec 20-2027 Jan 06`, lists with `,`
    void dates(HoursRule& r) {
        for (;;) {
            const size_t start = pos_;
            HoursRule::DateRange d;
            if (year_at(pos_)) {
                d.from_year = year();
                skip_spaces();
            }
            d.from_month = month();
            const bool has_day = day_number_at(after_spaces(pos_));
            if (has_day) {
                pos_ = after_spaces(pos_);
                d.from_day = day_of(d.from_month);
            }
            d.to_month = d.from_month;
            d.to_day = has_day ? d.from_day : 31;  // 31: to the month's end
            if (eat("-")) {
                if (year_at(pos_)) {
                    d.to_year = year();
                    skip_spaces();
                    if (!d.from_year) fail(start, "only the end of the date range has a year", "give both dates a year, or neither");
                }
                if (month_at(pos_)) {
                    d.to_month = month();
                    if (has_day) {
                        pos_ = after_spaces(pos_);
                        d.to_day = day_of(d.to_month);
                    } else {
                        d.to_day = 31;
                    }
                } else if (has_day && day_number_at(pos_)) {
                    d.to_day = day_of(d.to_month);
                } else {
                    fail(pos_, std::string("expected ") + (has_day ? "a day or a date" : "a month") + " " + before(pos_),
                         "write date ranges as Dec 24-26, Dec 20-Jan 06 or Jan-Mar");
                }
            }
            if (d.from_year && !d.to_year)  // the year of the end: the same, or the next when it wraps
                d.to_year = d.from_year + ((d.to_month * 100 + d.to_day < d.from_month * 100 + d.from_day) ? 1 : 0);
            if (d.from_year && d.to_year * 10000 + d.to_month * 100 + d.to_day < d.from_year * 10000 + d.from_month * 100 + d.from_day)
                fail(start, "the date range ends before it starts", "write the earlier date first");
            r.dates.push_back(d);
            if (peek() != ',') return;
            const size_t next = after_spaces(pos_ + 1);
            if (month_at(next) || (year_at(next) && month_at(after_spaces(next + 4)))) {
                pos_ = next;
            } else if (has_day && day_number_at(next)) {  // `Dec 24,26`: another day of the same month
                pos_ = next;
                day_list(r, d);
                if (peek() != ',' || !month_at(after_spaces(pos_ + 1))) return;
                pos_ = after_spaces(pos_ + 1);
            } else {
                return;
            }
        }
    }
    // The days after the comma in `Dec 24,26,28-30`.
    void day_list(HoursRule& r, const HoursRule::DateRange& first) {
        for (;;) {
            HoursRule::DateRange d;
            d.from_year = d.to_year = first.to_year;
            d.from_month = d.to_month = first.to_month;
            d.from_day = d.to_day = day_of(d.from_month);
            if (eat("-")) d.to_day = day_of(d.to_month);
            if (d.to_day < d.from_day) fail(pos_, "the days run backwards", "write the earlier day first, e.g. Dec 24-26");
            r.dates.push_back(d);
            if (peek() != ',' || !day_number_at(after_spaces(pos_ + 1))) return;
            pos_ = after_spaces(pos_ + 1);
        }
    }

    // `week 01`, `week 01-10`, `week 02-52/2` (every other week), lists with `,`: ISO 8601 weeks.
    void weeks(HoursRule& r) {
        pos_ += 4;
        if (!eat(" ")) fail(pos_, "expected a space and week numbers after \"week\"", kWeeksFix);
        skip_spaces();
        for (;;) {
            const int from = week_number();
            int to = from, every = 1;
            if (eat("-")) {
                const size_t to_at = pos_;
                to = week_number();
                if (to < from) fail(to_at, "the weeks run backwards", "write the earlier week first; a range cannot wrap into the next year, so write week 50-53,01-02");
                if (eat("/")) {
                    const size_t at = pos_;
                    const size_t n = digits_at(pos_);
                    every = n == 0 || n > 2 ? 0 : number(n);
                    if (every < 2 || every > 26) fail(at, "expected how many weeks apart, from 2 to 26 " + before(at), kWeeksFix);
                }
            }
            for (int w = from; w <= to; w += every) r.weeks |= std::uint64_t{1} << w;
            if (peek() != ',' || digits_at(after_spaces(pos_ + 1)) == 0) return;
            pos_ = after_spaces(pos_ + 1);
        }
    }
    int week_number() {
        const size_t at = pos_, n = digits_at(pos_);
        const int w = n == 0 || n > 2 ? 0 : number(n);
        if (w < 1 || w > 53) fail(at, "expected a week number from 01 to 53 " + before(at), kWeeksFix);
        return w;
    }
    static constexpr const char* kWeeksFix = "write ISO week numbers, e.g. week 01-10, week 02-52/2 for every other week, week 10,12";

    // `Mo-Fr`, `Mo,We,Fr`, `Sa-Mo`, `PH`, `Mo-Fr,PH`, `PH Mo-Fr` (holidays that fall on Mo-Fr)
    void weekdays(HoursRule& r) {
        for (;;) {
            const size_t at = pos_;
            const std::string_view w = word_at(pos_);
            if (same(w, "PH")) {
                pos_ += 2;
                r.public_holidays = true;
            } else if (same(w, "SH")) {
                fail(at, "school holidays (SH) are not supported by the kiosk: Piemonte sets its school calendar every year, and no source the kiosk has gives it",
                     "write the dates instead, e.g. 2026 Dec 23-2027 Jan 06 off");
            } else {
                weekday_range(r);
            }
            if (peek() != ',' || !day_word_at(after_spaces(pos_ + 1))) break;
            pos_ = after_spaces(pos_ + 1);
        }
        const size_t next = after_spaces(pos_);
        if (r.public_holidays && r.weekdays == 0 && next > pos_ && weekday_at(next)) {
            pos_ = next;
            r.holidays_on_weekdays = true;
            for (;;) {
                weekday_range(r);
                if (peek() != ',' || !weekday_at(after_spaces(pos_ + 1))) break;
                pos_ = after_spaces(pos_ + 1);
            }
        }
    }
    // `Mo`, `Mo-Fr`, `Sa-Mo`, each optionally of some weeks of the month only: `Sa[1]`.
    void weekday_range(HoursRule& r) {
        const int from = hours_words::weekday(word_at(pos_));
        if (from < 0) fail(pos_, "expected a day like Mo " + before(pos_), "write days with two letters: Mo Tu We Th Fr Sa Su");
        pos_ += 2;
        int to = from;
        if (eat("-")) {
            to = hours_words::weekday(word_at(pos_));
            if (to < 0) fail(pos_, "expected a day like Fr " + before(pos_), "write day ranges as Mo-Fr");
            pos_ += 2;
        }
        std::uint8_t bits = 0;
        for (int d = from;; d = (d + 1) % 7) {  // Sa-Mo wraps over the weekend
            bits = std::uint8_t(bits | (1 << d));
            if (d == to) break;
        }
        if (peek() == '[') r.nth_weekdays.push_back({bits, nth_of_month()});
        else r.weekdays |= bits;
    }

    // `[1]`, `[-1]`, `[1,3]`, `[2-4]`: which weeks of the month (HoursRule::NthWeekdays).
    std::uint16_t nth_of_month() {
        ++pos_;  // [
        std::uint16_t nth = 0;
        const auto number = [&]() {
            const size_t at = pos_;
            const bool negative = eat("-");
            if (pos_ >= text_.size() || text_[pos_] < '1' || text_[pos_] > '5' ||
                (pos_ + 1 < text_.size() && text_[pos_ + 1] >= '0' && text_[pos_ + 1] <= '9'))
                fail(at, "expected a week of the month from 1 to 5, or -1 to -5 counted from its end " + before(at),
                     "write Sa[1] for the first Saturday of the month, Mo[-1] for the last Monday");
            const int n = text_[pos_++] - '0';
            return negative ? -n : n;
        };
        for (;;) {
            const int from = number();
            int to = from;
            if (from > 0 && eat("-")) {
                to = number();
                if (to < from) fail(pos_ - 1, "a range of weeks must count up, as in [1-3]", "write the smaller week first");
            }
            for (int n = from; n <= to; ++n) nth = std::uint16_t(nth | (1u << (n > 0 ? n - 1 : 4 - n)));
            if (!eat(",")) break;
        }
        if (!eat("]")) fail(pos_, "expected ] after the weeks of the month " + before(pos_), "write it as Sa[1] or We[1,3]");
        const size_t next = after_spaces(pos_);
        if (next < text_.size() && (text_[next] == '+' || (text_[next] == '-' && next + 1 < text_.size() && text_[next + 1] >= '0' && text_[next + 1] <= '9')))
            fail(next, "a day offset after the weeks of the month (Sa[1] +1 day) is not supported by the kiosk",
                 "write the weekday it lands on instead, e.g. Su[1] for the day after the first Saturday (when it is in the same month)");
        return nth;
    }

    // What a word processor or a spreadsheet puts in for "-", "\"" and " ": named where it is,
    // before any rule is read, so the message says what it is and not "expected -". Inside a
    // remark in straight quotes anything goes.
    void refuse_typography() const {
        struct Mark {
            std::string_view bytes, problem, fix;
        };
        static constexpr Mark kMarks[] = {
            {"\u2013", "this is an en dash (\u2013), as word processors write it, not the hyphen opening hours need",
             "type a plain hyphen -, e.g. Mo-Fr 09:00-17:00"},
            {"\u2014", "this is an em dash (\u2014), not the hyphen opening hours need", "type a plain hyphen -, e.g. Mo-Fr 09:00-17:00"},
            {"\u2212", "this is a minus sign (\u2212), not the hyphen opening hours need", "type a plain hyphen -, e.g. Mo-Fr 09:00-17:00"},
            {"\u201C", "this is a curly quote (\u201C), as word processors write it", "put remarks in straight double quotes \"...\""},
            {"\u201D", "this is a curly quote (\u201D), as word processors write it", "put remarks in straight double quotes \"...\""},
            {"\u00A0", "this is a no-break space, as word processors write it", "type a plain space"},
            {"\u2009", "this is a thin space, as word processors write it", "type a plain space"},
        };
        bool in_remark = false;
        for (size_t at = 0; at < text_.size(); ++at) {
            if (text_[at] == '"') in_remark = !in_remark;
            if (in_remark) continue;
            for (const auto& mark : kMarks)
                if (text_.substr(at, mark.bytes.size()) == mark.bytes) fail(at, std::string(mark.problem), std::string(mark.fix));
        }
    }

    // `08:30-12:30,14:00-18:00`, `22:00-02:00`, `10:00-26:00`
    void times(HoursRule& r) {
        for (;;) {
            const int from = time_of_day(false);
            skip_spaces();
            if (!eat("-")) {
                if (peek() == '+') fail(pos_, "an open end (\"+\") is not supported by the kiosk", "write the closing time, e.g. 18:00-24:00");
                fail(pos_, "expected \"-\" and a closing time " + before(pos_), kHoursFix);
            }
            skip_spaces();
            int to = time_of_day(true);
            if (peek() == '+') fail(pos_, "an open end (\"+\") is not supported by the kiosk", "write the closing time, e.g. 18:00-24:00");
            if (peek() == '/') fail(pos_, "repeating times (\"/\") are not supported by the kiosk", kHoursFix);
            if (to <= from) to += 24 * 60;  // past midnight: 22:00-02:00
            r.times.push_back({from, to});
            if (peek() != ',' || !time_at(after_spaces(pos_ + 1))) return;
            pos_ = after_spaces(pos_ + 1);
        }
    }
    int time_of_day(bool closing) {
        const size_t at = pos_;
        const std::string_view w = word_at(pos_);
        if (!w.empty() && !day_word_at(pos_) && !month_at(pos_)) unexpected(pos_);  // sunrise, sunset…
        const size_t hour_digits = digits_at(pos_);
        if (hour_digits == 0 || hour_digits > 2 || char_at(pos_ + hour_digits) != ':' || digits_at(pos_ + hour_digits + 1) != 2)
            fail(at, "expected a time like 09:00 " + before(at), kHoursFix);
        const int hours = number(hour_digits);
        ++pos_;
        const int minutes = number(2);
        const int limit = closing ? 48 : 24;
        if (minutes > 59 || hours > limit || (hours == limit && minutes > 0) || (!closing && hours == 24))
            fail(at, "\"" + std::string(text_.substr(at, pos_ - at)) + "\" is not " + (closing ? "a closing time" : "an opening time"),
                 closing ? "closing times go from 00:01 to 24:00, or on to 48:00 for the next morning"
                         : "opening times go from 00:00 to 23:59");
        return hours * 60 + minutes;
    }

    // `open`, `closed`, `off`, `unknown`, each with an optional "comment", or a comment alone
    bool modifier(HoursRule& r) {
        const std::string_view w = word_at(pos_);
        bool given = true;
        if (same(w, "open")) r.state = OpenState::Open;
        else if (same(w, "closed") || same(w, "off")) r.state = OpenState::Closed;
        else if (same(w, "unknown")) r.state = OpenState::Unknown;
        else given = false;
        if (given) {
            pos_ += w.size();
            skip_spaces();
        }
        if (peek() != '"') return given;
        const size_t at = pos_, close = text_.find('"', pos_ + 1);
        if (close == std::string_view::npos) fail(at, "the comment opened with \" is never closed", "add the closing \" after the comment");
        r.comment = std::string(text_.substr(at + 1, close - at - 1));
        if (r.comment.empty()) fail(at, "the comment is empty", "write the remark between the quotes, or remove them");
        pos_ = close + 1;
        skip_spaces();
        // A remark without a state qualifies the hours, so they are not plainly open: `Mo 10:00-12:00
        // "by appointment"` is unknown, as the specification and its reference library read it;
        // `open "ring twice"` says open.
        if (!given) r.state = OpenState::Unknown;
        return true;
    }
};

}  // namespace

OpeningHoursError::OpeningHoursError(std::size_t at, int col, std::string what_is_wrong, std::string how_to_fix)
    : std::runtime_error("position " + std::to_string(at) + ": " + what_is_wrong + ". Fix: " + how_to_fix),
      offset(at),
      column(col),
      problem(std::move(what_is_wrong)),
      fix(std::move(how_to_fix)) {}

std::string OpeningHoursError::explain() const { return "cannot be read at position " + std::to_string(offset) + ": " + problem; }

std::vector<HoursRule> parse_opening_hours(std::string_view text) { return Parser(text).rules(); }

std::optional<OpeningHoursError> check_opening_hours(std::string_view text) {
    try {
        parse_opening_hours(text);
        return std::nullopt;
    } catch (const OpeningHoursError& e) {
        return e;
    }
}

}  // namespace content
