// Times, dates, distances and counted phrases from ICU, as each language writes them; and the
// build's check of a counted message's plural forms.
#include <doctest/doctest.h>

#include "content/text/locale_format.hpp"

using content::locale_format;
using content::Placement;

TEST_CASE("times, dates and day names in each language's own form and digits") {
    CHECK(locale_format("it").time(9 * 60 + 5) == "09:05");
    CHECK(locale_format("it").time(24 * 60) == "24:00");  // the end of a day, as in "00:00–24:00"
    CHECK(locale_format("fa").time(9 * 60 + 5) == "۹:۰۵");
    CHECK(locale_format("fa").time(24 * 60) == "۲۴:۰۰");
    CHECK(locale_format("bn").time(17 * 60) == "১৭:০০");
    CHECK(locale_format("ar").time(17 * 60) == "١٧:٠٠");
    CHECK(locale_format("zh").time(17 * 60) == "17:00");

    const content::CivilDate tuesday{2026, 12, 1};
    CHECK(locale_format("it").date(tuesday, Placement::StartOfLine) == "Martedì 1 dicembre");
    CHECK(locale_format("it").date(tuesday, Placement::InSentence) == "martedì 1 dicembre");
    CHECK(locale_format("it").date(tuesday, Placement::StartOfLine, true) == "Martedì 1 dicembre 2026");
    CHECK(locale_format("en").date(tuesday, Placement::InSentence) == "Tuesday, 1 December");  // English as in Europe, day before month
    CHECK(locale_format("ru").date(tuesday, Placement::InSentence) == "вторник, 1 декабря");   // the month in the genitive
    CHECK(locale_format("fa").date(tuesday, Placement::InSentence) == "سه‌شنبه ۱ دسامبر");     // Gregorian, not 10 Azar
    CHECK(locale_format("zh").date(tuesday, Placement::InSentence) == "12月1日星期二");

    CHECK(locale_format("it").weekday(0, Placement::InSentence) == "lunedì");
    CHECK(locale_format("it").weekday(6, Placement::StartOfLine) == "Domenica");
    CHECK(locale_format("uk").weekday(4, Placement::StartOfLine) == "Пʼятниця");
    CHECK(locale_format("am").weekday(0, Placement::InSentence) == "ሰኞ");
}

TEST_CASE("distances rounded as a walker needs them, with the language's decimal sign and unit") {
    CHECK(locale_format("en").distance(10) == "50 m");
    CHECK(locale_format("en").distance(333) == "350 m");
    CHECK(locale_format("en").distance(949) == "950 m");
    CHECK(locale_format("en").distance(1234) == "1.2 km");
    CHECK(locale_format("it").distance(2140) == "2,1 km");
    CHECK(locale_format("it").distance(10'060) == "10,1 km");
    CHECK(locale_format("fa").distance(2140) == "۲٫۱ km");
    // A voice reads "km" as two letters: what it says has the unit in full, in the language.
    CHECK(locale_format("en").spoken_distance(1234) == "1.2 kilometres");
    CHECK(locale_format("en").spoken_distance(350) == "350 metres");
    CHECK(locale_format("it").spoken_distance(2140) == "2,1 chilometri");
    CHECK(locale_format("uk").spoken_distance(2140).find("кілометр") != std::string::npos);
    CHECK(locale_format("ru").distance(2140) == "2,1 км");
    CHECK(locale_format("fa").integer(15) == "۱۵");
    CHECK(locale_format("bn").integer(1250) == "১২৫০");
}

TEST_CASE("a counted message takes the language's plural form for the number") {
    const std::string ru = "{seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}";
    CHECK(locale_format("ru").count_message(ru, "seconds", 1) == "1 секунду");
    CHECK(locale_format("ru").count_message(ru, "seconds", 3) == "3 секунды");
    CHECK(locale_format("ru").count_message(ru, "seconds", 5) == "5 секунд");
    CHECK(locale_format("ru").count_message(ru, "seconds", 21) == "21 секунду");
    const std::string ar = "{seconds, plural, zero {الآن} one {ثانية} two {ثانيتان} few {# ثوانٍ} many {# ثانية} other {# ثانية}}";
    CHECK(locale_format("ar").count_message(ar, "seconds", 2) == "ثانيتان");
    CHECK(locale_format("ar").count_message(ar, "seconds", 5) == "٥ ثوانٍ");
    CHECK(locale_format("ar").count_message(ar, "seconds", 11) == "١١ ثانية");
    // A message that does not parse is shown as written rather than dropped.
    CHECK(locale_format("en").count_message("{seconds, plural, one {#}", "seconds", 2) == "{seconds, plural, one {#}");
}

TEST_CASE("a counted message is refused without a plural form its language needs, or counting something else") {
    using content::count_message_problem;
    CHECK_FALSE(count_message_problem("{seconds, plural, one {# second} other {# seconds}}", "seconds", "en"));
    // Italian's `many` is for millions, which a kiosk never counts: not asked for.
    CHECK_FALSE(count_message_problem("{seconds, plural, one {# secondo} other {# secondi}}", "seconds", "it"));
    CHECK_FALSE(count_message_problem("{seconds, plural, other {# 秒}}", "seconds", "zh"));

    const auto few = count_message_problem("{seconds, plural, one {# секунду} many {# секунд} other {# секунды}}", "seconds", "ru");
    REQUIRE(few);
    CHECK(*few == "the plural form `few` is missing; this language needs few, many, one, other");
    const auto other = count_message_problem("{seconds, plural, one {# second}}", "seconds", "en");
    REQUIRE(other);
    CHECK(other->find("not a valid counted message") != std::string::npos);  // ICU itself wants `other`
    const auto name = count_message_problem("{secondi, plural, one {# secondo} other {# secondi}}", "seconds", "it");
    REQUIRE(name);
    CHECK(*name == "it counts {secondi}, which the kiosk does not give; the number is {seconds}");
    const auto bare = count_message_problem("The kiosk starts over soon.", "seconds", "en");
    REQUIRE(bare);
    CHECK(bare->find("no {seconds, plural") != std::string::npos);
}
