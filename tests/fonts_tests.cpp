// Font coverage planning and the interim right-to-left word ordering.
#include <doctest/doctest.h>

#include "bidi_words.hpp"
#include "font_plan.hpp"
#include "utf8.hpp"

using namespace fonts;

TEST_CASE("UTF-8 decodes and encodes every script and survives bad bytes") {
    const std::string text = "Torino — Турин — تورينو — 都灵 — 𝄞";
    CHECK(encode_utf8(decode_utf8(text)) == text);
    CHECK(decode_utf8("\xFF" "a") == U"\uFFFDa");
    CHECK(decode_utf8("ع").size() == 1);
}

TEST_CASE("each character goes to the first Noto font that has it; the rest are reported") {
    std::vector<std::string> missing_files;
    const auto fonts = default_fonts("/usr/share/fonts/truetype/noto", missing_files);
    REQUIRE(fonts.size() >= 2);
    CHECK(fonts[0].regular.filename() == "NotoSans-Regular.ttf");
    CHECK(fonts[1].regular.filename() == "NotoSansArabic-Regular.ttf");
    const auto plan = plan_fonts({U'A', U'Ж', U'ع', U'5', U'\uE000' /* private use: no font */}, fonts);
    CHECK(plan.per_font[0] == std::vector<char32_t>{U'5', U'A', U'Ж'});
    CHECK(plan.per_font[1] == std::vector<char32_t>{U'ع'});
    CHECK(plan.missing == std::vector<char32_t>{U'\uE000'});
}

TEST_CASE("word direction comes from the first strong character") {
    CHECK(word_direction(U"اتصل") == WordDirection::RightToLeft);
    CHECK(word_direction(U"(112)") == WordDirection::LeftToRight);
    CHECK(word_direction(U"011.01125500") == WordDirection::LeftToRight);
    CHECK(word_direction(U"Українська") == WordDirection::LeftToRight);
    CHECK(word_direction(U"—") == WordDirection::Neutral);
}

TEST_CASE("right-to-left lines: Arabic words go right to left, Latin runs keep their order") {
    // Logical: "call Red Nova - now" in Arabic with a Latin name inside.
    const std::vector<std::u32string> words = {U"اتصل", U"بـ", U"Red", U"Nova", U"الآن"};
    // Placed from the right edge leftwards: اتصل, بـ, then the block "Red Nova" (Nova first, as
    // it is its rightmost word), then الآن.
    CHECK(rtl_visual_order(words) == std::vector<size_t>{0, 1, 3, 2, 4});
    // A neutral word between two Latin words stays inside their run.
    CHECK(rtl_visual_order({U"مرحبا", U"Red", U"—", U"Nova"}) == std::vector<size_t>{0, 3, 2, 1});
    CHECK(rtl_word_glyph_order(U"(أ)") == U"(أ)");
    CHECK(rtl_word_glyph_order(U"عرب") == U"برع");
}
