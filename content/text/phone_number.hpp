#pragma once
// Phone numbers as a visitor reads them and as a phone dials them. Content writes a tel: link
// with RFC 3966's visual separators where the groups are (tel:+39-011-0112-5500) and a place's
// phone in the same groups with spaces (011 0112 5500): who knows the number knows its groups,
// so the kiosk never guesses them. Plain text work.
#include <optional>
#include <string>
#include <string_view>

namespace content {

/// What is wrong with a tel: link, or nothing: "tel:" then an optional "+", then digits in
/// groups separated by single "-" (e.g. tel:+39-011-0112-5500, tel:112).
std::optional<std::string> tel_problem(std::string_view tel);

struct PhoneProblem {
    std::string problem, fix;
};

/// What is wrong with a place's phone as written, or nothing: digits in groups separated by
/// single spaces, optionally after "+" and a country code (011 0112 5500, +380 44 123 4567); an
/// Italian number starts with 0, 3 or 8, or is a short one (112, 1500). What a spreadsheet does
/// to a number it took for a quantity is named as such: 011 0112 5500 without its 0, and
/// 011.01125500 as the decimal 11.011255.
std::optional<PhoneProblem> phone_problem(std::string_view phone);

/// The URI a phone dials: separators dropped. "tel:+39-011-0112-5500" gives "tel:+3901101125500".
std::string dial_uri(std::string_view tel);

/// The number as written in Italy, where the kiosk stands: "tel:+39-011-0112-5500" gives
/// "011 0112 5500", "tel:112" gives "112", another country's number keeps its "+380 44 …".
std::string national_number(std::string_view tel);

/// The tel: link for a place's phone as written: "011 0112 5500" gives "tel:+39-011-0112-5500"
/// (a number without a country code is Italian), "112" gives "tel:112" (short numbers have none).
std::string tel_for_phone(std::string_view phone);

}  // namespace content
