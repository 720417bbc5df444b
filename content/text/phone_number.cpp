#include "content/text/phone_number.hpp"

namespace content {

namespace {

constexpr std::string_view kItaly = "+39";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits in groups separated by single `separator`s, optionally after a "+".
bool grouped(std::string_view text, char separator) {
    if (text.starts_with("+")) text.remove_prefix(1);
    if (text.empty() || !is_digit(text.front()) || !is_digit(text.back())) return false;
    for (size_t i = 0; i < text.size(); ++i)
        if (!is_digit(text[i]) && !(text[i] == separator && is_digit(text[i - 1]))) return false;
    return true;
}

std::string digits_of(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (is_digit(c) || c == '+') out += c;
    return out;
}

// Short numbers (112, 1500) are dialled as they are, with no country code.
bool short_number(std::string_view digits) { return digits.size() <= 5 && !digits.starts_with("+"); }

}  // namespace

std::optional<std::string> tel_problem(std::string_view tel) {
    if (!tel.starts_with("tel:")) return "does not start with tel:";
    tel.remove_prefix(4);
    if (!grouped(tel, '-')) return "is not digits in groups separated by single - (an optional + first)";
    const std::string digits = digits_of(tel);
    if (!short_number(digits) && tel.find('-') == std::string_view::npos)
        return "is not grouped: a visitor reads it off the screen in its groups";
    if (!digits.starts_with("+") && !short_number(digits)) return "has no country code: a phone abroad or with a foreign SIM would not reach it";
    return std::nullopt;
}

std::optional<PhoneProblem> phone_problem(std::string_view phone) {
    constexpr const char* kAsText =
        "type the number again from its source, in its groups (011 0112 5500), with the column formatted as Text in the "
        "spreadsheet (or a ' before the number), so it stays a phone number and not a quantity";
    const size_t point = phone.find_first_of(".,");
    // A spreadsheet drops a decimal's leading zeros: 011.01125500 itself is only badly grouped.
    if (point != std::string_view::npos && point > 0 && phone.front() != '0' && grouped(phone.substr(0, point), ' ') &&
        grouped(phone.substr(point + 1), ' ') && phone.find_first_of(".,", point + 1) == std::string_view::npos)
        return PhoneProblem{"looks like a number a spreadsheet turned into a decimal (011.01125500 becomes 11.011255): its leading 0 "
                            "and its last digits may be lost",
                            kAsText};
    if (!grouped(phone, ' '))
        return PhoneProblem{"is not digits in groups separated by single spaces (an optional + and country code first)",
                            "write the number as it is said, in its groups, e.g. 011 0112 5500"};
    const std::string digits = digits_of(phone);
    if (digits.starts_with("+")) {
        if (digits.size() - 1 > 15) return PhoneProblem{"has more than 15 digits, more than any phone number", "check the number against its source"};
        return std::nullopt;
    }
    const char first = digits.front();
    if (first == '1' && digits.size() <= 6) return std::nullopt;  // 112, 1500, 116117
    if (first != '0' && first != '3' && first != '8')
        return PhoneProblem{std::string("starts with ") + first +
                                ", and an Italian number starts with 0 (a landline), 3 (a mobile) or 8 (800, 803): a spreadsheet drops "
                                "the leading 0 of a number it takes for a quantity (011 0112 5500 becomes 11 0112 5500)",
                            kAsText};
    if (digits.size() < 6 || digits.size() > 11)
        return PhoneProblem{"has " + std::to_string(digits.size()) + " digits; an Italian number has 6 to 11",
                            "check the number against its source"};
    return std::nullopt;
}

std::string dial_uri(std::string_view tel) {
    if (tel.starts_with("tel:")) tel.remove_prefix(4);
    return "tel:" + digits_of(tel);
}

std::string national_number(std::string_view tel) {
    if (tel.starts_with("tel:")) tel.remove_prefix(4);
    if (tel.starts_with(kItaly) && tel.size() > kItaly.size() && tel[kItaly.size()] == '-') tel.remove_prefix(kItaly.size() + 1);
    std::string out(tel);
    for (char& c : out)
        if (c == '-') c = ' ';
    return out;
}

std::string tel_for_phone(std::string_view phone) {
    std::string grouped(phone);
    for (char& c : grouped)
        if (c == ' ') c = '-';
    if (grouped.starts_with("+") || short_number(digits_of(grouped))) return "tel:" + grouped;
    return "tel:" + std::string(kItaly) + "-" + grouped;
}

}  // namespace content
